//! A small, tolerant HTML reader for mail bodies that reads them as a person sees them
//! rendered: the visible text (in display order, with generated content and without the
//! text styled invisible), the hidden text, the images' alt and title text, the links
//! with their visible text, and the disguises it met on the way.
//!
//! Mail HTML is often broken on purpose, so this is not a parser: a tokenizer makes one
//! bounded pass over the bytes (a first pass only collects the `<style>` sheets, which
//! apply to the whole document), unterminated tags, comments and quotes end at the end of
//! input, nesting is capped, and nothing here can loop or recurse on hostile input.

use rustc_hash::FxHashMap;

use super::bidi;
use super::css::{Node, Sheet};
use super::entities::{decode, decode_into};
use super::style::{Computed, Display, Paint, Style};
use super::tokens::{attributes, Kind, Tag, Token, Tokens, BLOCK, ENDS_P, TAGS, VOID};
use crate::model::{Disguise, DisguiseKind};

/// Links read at most; the link rules cap what they judge again.
pub const MAX_LINKS: usize = 5_000;
/// Open elements tracked at most; deeper nesting is treated as flat.
const MAX_DEPTH: usize = 256;
/// Disguises of one kind recorded at most, and bytes of text each keeps.
const MAX_DISGUISES: usize = 16;
/// Bytes of style-sheet `content` written into the text at most, all elements together.
const MAX_GENERATED: usize = 16 * 1024;
const MAX_DISGUISE_TEXT: usize = 200;
/// Bytes of image text kept, and of one alt or title.
const MAX_IMAGE_TEXT: usize = 64 * 1024;
const MAX_IMAGE_LINE: usize = 512;
/// Split points remembered (each gives one split-word disguise at most).
const MAX_SPLITS: usize = 64;
/// Letters of a split word looked at on each side of the split.
const MAX_WORD_CHARS: usize = 64;
/// Open elements looked through for an end tag a start tag implies (`<td>` ends a `<td>`).
const IMPLIED_SCAN: usize = 16;

/// What one pass over an HTML body finds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    /// Text a reader sees, in the order it is displayed.
    pub visible_text: String,
    /// Text inside elements styled to be invisible (`display:none`, zero font size, text
    /// in its background's colour, clipped or off-screen boxes, `<template>`, …).
    pub hidden_text: String,
    /// The `alt` and `title` text of images (and `title` of other elements), one per line.
    pub image_text: String,
    /// How the body disguises what it shows.
    pub disguises: Vec<Disguise>,
    /// `(visible text, href)` of each `<a href>`, in order.
    pub links: Vec<(String, String)>,
}

/// The visible text of an HTML body.
pub fn visible_text(html: &str) -> String {
    scan(html).visible_text
}

/// The links of an HTML body: `(visible text, href)`.
pub fn links(html: &str) -> Vec<(String, String)> {
    scan(html).links
}

/// Scans an HTML body: tokenized once, read with the rules of its `<style>` blocks.
pub fn scan(html: &str) -> Scan {
    let bytes = html.as_bytes();
    let has_style = memchr::memchr_iter(b'<', bytes)
        .any(|i| bytes.get(i + 1..i + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"style")));
    if !has_style {
        return read(Sheet::default(), Tokens(html));
    }
    // A style block applies to the whole document, also to what comes before it: the
    // tokens are kept for a second walk rather than tokenized again.
    let tokens: Vec<Token> = Tokens(html).collect();
    read(style_sheet(&tokens), tokens)
}

fn read<'a>(mut sheet: Sheet, tokens: impl IntoIterator<Item = Token<'a>>) -> Scan {
    sheet.finish();
    let mut reader = Reader::new(sheet);
    for token in tokens {
        match token {
            Token::Text(text) => reader.text(text),
            Token::Start(tag) => reader.start(&tag),
            Token::End(name, kind) => reader.end(name, kind),
            Token::Raw(..) => {}
        }
    }
    reader.finish()
}

/// The rules of every `<style>` block that applies (a block for another medium does not).
fn style_sheet(tokens: &[Token]) -> Sheet {
    let mut sheet = Sheet::default();
    for token in tokens {
        let Token::Raw(tag, css) = token else { continue };
        let mut media = None;
        attributes(tag.attrs, |key, value| {
            if key.eq_ignore_ascii_case("media") {
                media.get_or_insert(value);
            }
        });
        if tag.name.eq_ignore_ascii_case("style") && media.is_none_or(super::css::query_applies) {
            sheet.add(css);
        }
    }
    sheet
}

/// A tag name (ASCII) lower-cased, in `buf` when it fits.
fn lower_in<'b>(name: &str, buf: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    match buf.get_mut(..name.len()) {
        Some(out) => {
            out.copy_from_slice(name.as_bytes());
            out.make_ascii_lowercase();
            String::from_utf8_lossy(out)
        }
        None => name.to_ascii_lowercase().into(),
    }
}

/// The attributes the reader uses, as written (the first of a repeated one wins, as in
/// browsers).
#[derive(Default)]
struct Attrs<'a> {
    style: Option<&'a str>,
    id: Option<&'a str>,
    class: Option<&'a str>,
    href: Option<&'a str>,
    hidden: bool,
    bgcolor: Option<&'a str>,
    background: Option<&'a str>,
    color: Option<&'a str>,
    text: Option<&'a str>,
    dir: Option<&'a str>,
    alt: Option<&'a str>,
    title: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn read(attrs: &'a str) -> Attrs<'a> {
        let mut a = Attrs::default();
        attributes(attrs, |key, value| {
            let slot = match key.len() {
                2 if key.eq_ignore_ascii_case("id") => &mut a.id,
                3 if key.eq_ignore_ascii_case("alt") => &mut a.alt,
                3 if key.eq_ignore_ascii_case("dir") => &mut a.dir,
                4 if key.eq_ignore_ascii_case("href") => &mut a.href,
                4 if key.eq_ignore_ascii_case("text") => &mut a.text,
                5 if key.eq_ignore_ascii_case("style") => &mut a.style,
                5 if key.eq_ignore_ascii_case("class") => &mut a.class,
                5 if key.eq_ignore_ascii_case("color") => &mut a.color,
                5 if key.eq_ignore_ascii_case("title") => &mut a.title,
                6 if key.eq_ignore_ascii_case("hidden") => {
                    a.hidden = true;
                    return;
                }
                7 if key.eq_ignore_ascii_case("bgcolor") => &mut a.bgcolor,
                10 if key.eq_ignore_ascii_case("background") => &mut a.background,
                _ => return,
            };
            slot.get_or_insert(value);
        });
        a
    }
}

/// What the element's markup says about its style, below any style sheet: the browser's
/// defaults and the presentational attributes (`bgcolor`, `<font color>`, `hidden`, `dir`).
fn presentational(kind: Kind, a: &Attrs<'_>) -> Style {
    let mut style = Style::default();
    if a.hidden || kind.name == "template" {
        style.display = Some(Display::None);
    }
    if kind.name == "a" {
        style.color = Some(Paint::Rgba([0, 0, 238], 1.0));
    }
    let color = match kind.name {
        "font" => a.color,
        "body" => a.text,
        _ => None,
    };
    if let Some(color) = color {
        style.color = Some(super::style::attribute_paint(color));
    }
    if let Some(bg) = a.bgcolor {
        style.background = Some(super::style::attribute_paint(bg));
    }
    if a.background.is_some_and(|b| !b.trim().is_empty()) {
        style.background_image = Some(true);
    }
    if let Some(dir) = a.dir {
        style.rtl = Some(dir.trim().eq_ignore_ascii_case("rtl"));
    }
    if kind.name == "bdo" {
        style.bidi_override = Some(true);
    }
    style
}

/// One open element.
struct Open<'a> {
    node: Node<'a>,
    kind: Kind,
    state: Computed,
    /// Laid out as a block: lines break before and after it.
    block: bool,
    /// It overrides the direction to right-to-left (`<bdo dir=rtl>`, `unicode-bidi`).
    reverses: bool,
    /// Its `::after` content and the state that content is drawn in.
    after: Option<(Box<str>, Computed)>,
}

impl<'a> AsRef<Node<'a>> for Open<'a> {
    fn as_ref(&self) -> &Node<'a> {
        &self.node
    }
}

/// An open right-to-left override: where its text starts in the visible text, and what
/// keeps it open (embedding characters not yet popped, overriding elements not closed).
#[derive(Debug, Clone, Copy)]
struct Override {
    start: usize,
    chars: u32,
    elements: u32,
}

struct Reader<'a> {
    out: Scan,
    sheet: Sheet,
    stack: Vec<Open<'a>>,
    /// Open elements per known name, and per other name (lower-cased): an end tag with no
    /// open element of its name is dropped without a search.
    open_known: [u32; TAGS.len()],
    open_other: FxHashMap<Box<str>, u32>,
    /// The open link: its href and where its text starts in `visible_text`.
    link: Option<(String, usize)>,
    /// Where the hidden text since the last visible text starts in `hidden_text`.
    hidden_run: Option<usize>,
    /// Bytes the style sheet's `content` has written so far (capped: one rule can match
    /// every element of a hostile body).
    generated_bytes: usize,
    /// Offsets in `visible_text` where hidden text was cut out of a word.
    splits: Vec<usize>,
    bidi: Option<Override>,
    image_bytes: usize,
    scratch: String,
}

impl<'a> Reader<'a> {
    fn new(sheet: Sheet) -> Reader<'a> {
        Reader {
            out: Scan::default(),
            sheet,
            stack: Vec::new(),
            open_known: [0; TAGS.len()],
            open_other: FxHashMap::default(),
            link: None,
            hidden_run: None,
            generated_bytes: 0,
            splits: Vec::new(),
            bidi: None,
            image_bytes: 0,
            scratch: String::new(),
        }
    }

    fn state(&self) -> Computed {
        self.stack.last().map_or(Computed::ROOT, |o| o.state)
    }

    fn start(&mut self, tag: &Tag<'a>) {
        let kind = tag.kind;
        self.implied_end(kind);
        let attrs = Attrs::read(tag.attrs);
        if kind.name == "a" {
            self.close_link();
            if let Some(href) = attrs.href {
                if self.out.links.len() < MAX_LINKS {
                    self.link = Some((decode(href.trim()), self.out.visible_text.len()));
                }
            }
        }
        // The cascade: markup, then the sheet's rules, then the inline style.
        let mut style = presentational(kind, &attrs);
        let node = Node { name: tag.name, id: attrs.id.unwrap_or(""), class: attrs.class.unwrap_or("") };
        let pseudo = self.sheet.apply(&node, &self.stack, &mut style);
        if let Some(inline) = attrs.style {
            style.parse_into(inline);
        }
        let parent = self.state();
        // Most elements declare nothing that matters here: they draw as their parent does.
        let mut state = if style.is_empty() { parent } else { parent.child(&style) };
        if kind.name == "template" {
            // Its content is inert whatever the styles say.
            state = state.without_box();
        }
        let block = match style.display {
            Some(Display::Inline) => false,
            Some(Display::Block) => true,
            _ => kind.flags & BLOCK != 0,
        };
        if block {
            self.line_break(&state);
        }
        let alt = if matches!(kind.name, "img" | "area") { attrs.alt } else { None };
        for text in [alt, attrs.title].into_iter().flatten() {
            self.image_line(text, state.hides());
        }
        // Browsers ignore `/>` on HTML elements: only void elements have no content.
        if kind.flags & VOID != 0 || self.stack.len() >= MAX_DEPTH {
            return;
        }
        let reverses = style.bidi_override == Some(true) && state.rtl;
        let after = pseudo.after.and_then(|after| {
            let drawn = state.child(&after);
            after.content.filter(|c| !c.is_empty()).map(|c| (c, drawn))
        });
        self.stack.push(Open { node, kind, state, block, reverses, after });
        self.count(kind, tag.name, true);
        if reverses {
            self.override_begin().elements += 1;
        }
        if let Some(before) = pseudo.before {
            if let Some(text) = before.content.as_deref().filter(|c| !c.is_empty()) {
                self.generated(text, &state.child(&before));
            }
        }
    }

    fn end(&mut self, name: &str, kind: Kind) {
        if kind.name == "a" {
            self.close_link();
        }
        match self.find_open(kind, name) {
            Some(at) => self.pop_to(at),
            // A stray `</p>` or `</br>` still breaks the line.
            None if kind.flags & BLOCK != 0 => {
                let state = self.state();
                self.line_break(&state);
            }
            None => {}
        }
    }

    /// The start tags that end an open element first (`<li>` an `<li>`, `<div>` a `<p>`),
    /// looked for among the innermost few open elements, stopping at the element that scopes them.
    fn implied_end(&mut self, kind: Kind) {
        let (ends, scope): (&[&str], &[&str]) = match kind.name {
            "li" => (&["li"], &["ul", "ol"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
            "option" => (&["option"], &["select"]),
            _ if kind.flags & ENDS_P != 0 => (&["p"], &["table", "td", "th", "caption", "template", "body"]),
            _ => return,
        };
        let depth = self.stack.len();
        for at in (depth.saturating_sub(IMPLIED_SCAN)..depth).rev() {
            let name = self.stack[at].kind.name;
            if ends.contains(&name) {
                self.pop_to(at);
                return;
            }
            if scope.contains(&name) {
                return;
            }
        }
    }

    /// The innermost open element named `name`, if any is open.
    fn find_open(&self, kind: Kind, name: &str) -> Option<usize> {
        let open = match self.open_known.get(kind.index) {
            Some(&count) => count,
            None => {
                let mut buf = [0u8; 32];
                let lower = lower_in(name, &mut buf);
                self.open_other.get(lower.as_ref()).copied().unwrap_or(0)
            }
        };
        if open == 0 {
            return None;
        }
        self.stack.iter().rposition(|o| o.kind == kind && o.node.name.eq_ignore_ascii_case(name))
    }

    fn count(&mut self, kind: Kind, name: &str, opened: bool) {
        let count = match self.open_known.get_mut(kind.index) {
            Some(count) => count,
            None => {
                let mut buf = [0u8; 32];
                let lower = lower_in(name, &mut buf);
                if !self.open_other.contains_key(lower.as_ref()) {
                    self.open_other.insert(lower.as_ref().into(), 0);
                }
                self.open_other.get_mut(lower.as_ref()).expect("inserted above")
            }
        };
        *count = if opened { *count + 1 } else { count.saturating_sub(1) };
    }

    /// Closes the open elements from the innermost down to the one at `at`.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            let Some(open) = self.stack.pop() else { break };
            self.count(open.kind, open.node.name, false);
            if let Some((text, state)) = &open.after {
                self.generated(text, state);
            }
            if open.reverses {
                if let Some(o) = &mut self.bidi {
                    o.elements = o.elements.saturating_sub(1);
                }
                self.override_settle();
            }
            if open.block {
                self.line_break(&open.state);
            }
        }
    }

    fn text(&mut self, raw: &str) {
        let state = self.state();
        if memchr::memchr(b'&', raw.as_bytes()).is_none() {
            self.emit(raw, &state);
            return;
        }
        let mut decoded = std::mem::take(&mut self.scratch);
        decoded.clear();
        decode_into(raw, &mut decoded);
        self.emit(&decoded, &state);
        self.scratch = decoded;
    }

    /// `::before` / `::after` content: text the style sheet writes where it displays.
    fn generated(&mut self, text: &str, state: &Computed) {
        if self.generated_bytes + text.len() > MAX_GENERATED {
            return;
        }
        self.generated_bytes += text.len();
        self.emit(text, state);
        if !state.hides() {
            self.disguise(DisguiseKind::GeneratedContent, text);
        }
    }

    fn emit(&mut self, text: &str, state: &Computed) {
        if text.is_empty() {
            return;
        }
        if state.hides() {
            if self.hidden_run.is_none() {
                // Hidden runs that visible text parts are separate words.
                let hidden = &mut self.out.hidden_text;
                if hidden.chars().next_back().is_some_and(|c| !c.is_whitespace()) {
                    hidden.push(' ');
                }
                self.hidden_run = Some(hidden.len());
            }
            self.out.hidden_text.push_str(text);
            return;
        }
        // The bidi controls steer the display order and are never shown themselves.
        let mut rest = text;
        while let Some((at, control)) = bidi::control(rest) {
            self.visible(&rest[..at]);
            self.bidi_control(control);
            rest = &rest[at + control.len_utf8()..];
        }
        self.visible(rest);
    }

    fn visible(&mut self, text: &str) {
        let Some(first) = text.chars().next() else { return };
        self.end_hidden_run(Some(first));
        self.out.visible_text.push_str(text);
    }

    /// Ends the hidden text since the last visible text, before `next` (visible) follows.
    /// Hidden text between two letters of a word splits it for a filter, not for a reader.
    fn end_hidden_run(&mut self, next: Option<char>) {
        let Some(start) = self.hidden_run.take() else { return };
        let run = self.out.hidden_text.get(start..).unwrap_or_default();
        let has_letters = run.chars().any(char::is_alphabetic);
        let has_text = has_letters || run.chars().any(|c| !c.is_whitespace());
        let inside_word = next.is_some_and(char::is_alphanumeric)
            && self.out.visible_text.chars().next_back().is_some_and(char::is_alphanumeric);
        if has_letters && self.room_for(DisguiseKind::HiddenText) {
            let run = cut(run, 4 * MAX_DISGUISE_TEXT).to_string();
            self.disguise(DisguiseKind::HiddenText, &run);
        }
        if has_text && inside_word && self.splits.len() < MAX_SPLITS {
            self.splits.push(self.out.visible_text.len());
        }
    }

    /// A block's edge: a line break where the block has a box (a `display:none` one has not).
    fn line_break(&mut self, state: &Computed) {
        if !self.out.hidden_text.is_empty() && !self.out.hidden_text.ends_with('\n') {
            self.out.hidden_text.push('\n');
        }
        if state.gone {
            return;
        }
        // A paragraph ends every embedding; an overriding element goes on on the next line.
        let open = self.bidi.take();
        if let Some(o) = open {
            self.reverse_since(o.start);
        }
        self.out.visible_text.push('\n');
        if let Some(o) = open.filter(|o| o.elements > 0) {
            self.bidi = Some(Override { start: self.out.visible_text.len(), chars: 0, ..o });
        }
    }

    fn bidi_control(&mut self, control: char) {
        match control {
            // RLO: right-to-left override.
            '\u{202e}' => self.override_begin().chars += 1,
            // LRE, RLE, LRO inside an override: popped by their own PDF.
            '\u{202a}' | '\u{202b}' | '\u{202d}' => {
                if let Some(o) = &mut self.bidi {
                    o.chars += 1;
                }
            }
            // PDF pops one; PDI ends everything its isolate opened.
            '\u{202c}' | '\u{2069}' => {
                if let Some(o) = &mut self.bidi {
                    o.chars = if control == '\u{2069}' { 0 } else { o.chars.saturating_sub(1) };
                }
                self.override_settle();
            }
            // LRI, RLI, FSI only isolate: they reorder no Latin text.
            _ => {}
        }
    }

    fn override_begin(&mut self) -> &mut Override {
        let start = self.out.visible_text.len();
        self.bidi.get_or_insert(Override { start, chars: 0, elements: 0 })
    }

    /// Ends the override once nothing keeps it open.
    fn override_settle(&mut self) {
        if let Some(o) = self.bidi.filter(|o| o.chars == 0 && o.elements == 0) {
            self.bidi = None;
            self.reverse_since(o.start);
        }
    }

    /// Puts the visible text from `start` in display order (it was under an override).
    fn reverse_since(&mut self, start: usize) {
        let Some(logical) = self.out.visible_text.get(start..).filter(|t| !t.is_empty()) else { return };
        let shown = bidi::displayed(logical);
        if shown == logical {
            return;
        }
        self.out.visible_text.truncate(start);
        self.out.visible_text.push_str(&shown);
        if shown.chars().any(char::is_alphabetic) {
            self.disguise(DisguiseKind::Reversed, &shown);
        }
    }

    /// An `alt` or `title`: image text where it can show, hidden text where it cannot.
    fn image_line(&mut self, raw: &str, hidden: bool) {
        let line = tidy(&decode(cut(raw, MAX_IMAGE_LINE))).replace('\n', " ");
        if line.is_empty() {
            return;
        }
        if hidden {
            self.out.hidden_text.push('\n');
            self.out.hidden_text.push_str(&line);
            self.out.hidden_text.push('\n');
            return;
        }
        let last = self.out.image_text.rsplit('\n').next().unwrap_or_default();
        if last == line || self.image_bytes + line.len() > MAX_IMAGE_TEXT {
            return;
        }
        self.image_bytes += line.len() + 1;
        if !self.out.image_text.is_empty() {
            self.out.image_text.push('\n');
        }
        self.out.image_text.push_str(&line);
    }

    fn close_link(&mut self) {
        if let Some((href, start)) = self.link.take() {
            let text = self.out.visible_text.get(start..).unwrap_or_default();
            self.out.links.push((tidy(text), href));
        }
    }

    /// Whether another disguise of `kind` may still be recorded.
    fn room_for(&self, kind: DisguiseKind) -> bool {
        self.out.disguises.iter().filter(|d| d.kind == kind).count() < MAX_DISGUISES
    }

    fn disguise(&mut self, kind: DisguiseKind, text: &str) {
        if !self.room_for(kind) {
            return;
        }
        let text = tidy(cut(text, 4 * MAX_DISGUISE_TEXT));
        let text = cut(&text, MAX_DISGUISE_TEXT);
        if text.is_empty() || self.out.disguises.iter().any(|d| d.kind == kind && d.text == text) {
            return;
        }
        self.out.disguises.push(Disguise { kind, text: text.to_string() });
    }

    fn finish(mut self) -> Scan {
        // The end of input closes every open element (their `::after` content shows).
        self.pop_to(0);
        self.close_link();
        self.end_hidden_run(None);
        if let Some(o) = self.bidi.take() {
            self.reverse_since(o.start);
        }
        for at in std::mem::take(&mut self.splits) {
            if let Some(word) = word_around(&self.out.visible_text, at) {
                let word = word.to_string();
                self.disguise(DisguiseKind::SplitWord, &word);
            }
        }
        self.out.visible_text = tidy(&self.out.visible_text);
        self.out.hidden_text = tidy(&self.out.hidden_text);
        self.out
    }
}

/// The word (letters and digits) around byte `at` of `text`, a few dozen letters each way.
fn word_around(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?;
    let after = text.get(at..)?;
    let start = before
        .char_indices()
        .rev()
        .take(MAX_WORD_CHARS)
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i);
    let end = at
        + after
            .char_indices()
            .take(MAX_WORD_CHARS)
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or_else(|| after.chars().take(MAX_WORD_CHARS).map(char::len_utf8).sum(), |(i, _)| i);
    Some(&text[start..end])
}

fn cut(s: &str, max: usize) -> &str {
    super::cut(s, max)
}

/// Collapses runs of white space (keeping single line breaks) and trims.
///
/// One pass: the words (runs of non-white-space) in order, joined by a line break where
/// the white space between them held one and by a space otherwise.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    let mut newline = false;
    let push_word = |out: &mut String, word: &str, newline: &mut bool| {
        if !out.is_empty() {
            out.push(if *newline { '\n' } else { ' ' });
        }
        out.push_str(word);
        *newline = false;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (white, len) = if b.is_ascii() {
            (matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'), 1)
        } else {
            let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or('\u{fffd}');
            (c.is_whitespace(), c.len_utf8())
        };
        if white {
            if let Some(start) = word_start.take() {
                push_word(&mut out, text.get(start..i).unwrap_or_default(), &mut newline);
            }
            newline |= b == b'\n';
        } else if word_start.is_none() {
            word_start = Some(i);
        }
        i += len;
    }
    if let Some(start) = word_start {
        push_word(&mut out, text.get(start..).unwrap_or_default(), &mut newline);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_links_text_and_hidden_parts() {
        let s = scan(
            r#"<p>Security code: <b>123456</b></p><a href="https://x.test/a?b=1&amp;c=2">Go <i>there</i></a>
               <div style="display: none">Microsoft account team</div><style>p{}</style>"#,
        );
        assert_eq!(s.links, vec![("Go there".to_string(), "https://x.test/a?b=1&c=2".to_string())]);
        assert!(s.visible_text.contains("Security code: 123456"));
        assert!(!s.visible_text.contains("Microsoft account team"));
        assert_eq!(s.hidden_text, "Microsoft account team");
    }

    #[test]
    fn survives_unterminated_markup() {
        for html in [
            "<a href=\"x",
            "<!-- never closed",
            "<div style='font-size:0'>a",
            "<",
            "&#xFFFFFFFF;",
            "<a href=x>t",
        ] {
            let _ = scan(html);
        }
        assert_eq!(scan("<a href=x>t").links, vec![("t".to_string(), "x".to_string())]);
    }

    #[test]
    fn tidy_keeps_single_line_breaks_between_words() {
        fn lines_way(text: &str) -> String {
            let mut out = String::new();
            for line in text.lines() {
                let words: Vec<&str> = line.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
                if words.is_empty() {
                    continue;
                }
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&words.join(" "));
            }
            out
        }
        for text in [
            "",
            "  ",
            "a",
            " a  b \n\n c\r\n d\re\u{a0}f\u{2028}g\u{3000}h \x0b\x0ci\n",
            "\n\n x \t\n",
            "één  twee\u{85}drie\n\u{200b}vier",
        ] {
            assert_eq!(tidy(text), lines_way(text), "{text:?}");
        }
    }
}
