//! CSS declarations as the HTML reader needs them, and the state an element computes
//! from its parent's state and its own declarations.
//!
//! Only the properties that decide whether text shows (display, visibility, size, opacity,
//! colour against the background, clipping, off-screen position), the bidi ones and
//! generated `content` are read; everything else is skipped. Values this reader cannot tell
//! (an unknown colour name, `calc()`, a background image) are kept as unknown, and an
//! unknown value never hides text.

/// How an element lays out, as far as text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    None,
    Inline,
    Block,
}

/// A length: absolute pixels, or a multiple of the font size (for `font-size` itself, of
/// the parent's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Len {
    Px(f32),
    Em(f32),
}

/// A colour as written: RGB and alpha, or one this reader cannot tell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paint {
    Rgba([u8; 3], f32),
    Unknown,
}

/// The declarations of one rule or style attribute that the reader uses; `None` is "not
/// set here" (inherit or keep the earlier value).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Style {
    pub display: Option<Display>,
    pub visibility_hidden: Option<bool>,
    pub opacity: Option<f32>,
    pub font_size: Option<Len>,
    pub color: Option<Paint>,
    pub background: Option<Paint>,
    /// Whether a background image is set (it covers the colour: the backdrop is unknown).
    pub background_image: Option<bool>,
    /// `position: absolute | fixed`.
    pub out_of_flow: Option<bool>,
    pub left: Option<Len>,
    pub top: Option<Len>,
    pub text_indent: Option<Len>,
    /// `clip: rect(…)` or `clip-path` that leaves no area.
    pub clip_zero: Option<bool>,
    pub width: Option<Len>,
    pub height: Option<Len>,
    pub max_width: Option<Len>,
    pub max_height: Option<Len>,
    pub overflow_hidden: Option<bool>,
    pub rtl: Option<bool>,
    pub bidi_override: Option<bool>,
    /// Generated content (`::before` / `::after`); empty for `none`.
    pub content: Option<Box<str>>,
}

/// Bytes of generated content kept per rule.
const MAX_CONTENT: usize = 256;
/// Beyond this many pixels to the left or above, a box is off screen.
const OFF_SCREEN_PX: f32 = -500.0;
/// The largest channel difference at which text colour counts as its background's.
const NEAR_COLOUR: u8 = 10;

macro_rules! take_set {
    ($into:ident, $from:ident; $($field:ident),*) => {
        $(if $from.$field.is_some() {
            $into.$field = $from.$field.clone();
        })*
    };
}

impl Style {
    /// Declarations read from `decls` (a style attribute or a rule's block).
    pub fn parse(decls: &str) -> Style {
        let mut style = Style::default();
        style.parse_into(decls);
        style
    }

    /// Reads `decls` over this style: what it sets wins.
    pub fn parse_into(&mut self, decls: &str) {
        for decl in split_outside(decls, b';') {
            let Some((name, value)) = decl.split_once(':') else { continue };
            // A comment before the name (`/* note */ color`) is not part of it.
            let name = name.rsplit("*/").next().unwrap_or(name);
            self.declare(name.trim(), value);
        }
    }

    /// Copies what `other` sets over this style (`other` comes later in the cascade).
    pub fn merge(&mut self, other: &Style) {
        take_set!(self, other; display, visibility_hidden, opacity, font_size, color, background,
            background_image, out_of_flow, left, top, text_indent, clip_zero, width, height,
            max_width, max_height, overflow_hidden, rtl, bidi_override, content);
    }

    /// Whether it sets anything the reader uses (rules that do not are dropped).
    pub fn is_empty(&self) -> bool {
        *self == Style::default()
    }

    fn declare(&mut self, name: &str, raw: &str) {
        // Most declarations (fonts, margins, padding) are not read: tell them by name first.
        let mut buf = [0u8; 16];
        let Some(lower) = buf.get_mut(..name.len()) else { return };
        lower.copy_from_slice(name.as_bytes());
        lower.make_ascii_lowercase();
        let name: &[u8] = lower;
        if !matches!(
            name,
            b"display"
                | b"visibility"
                | b"opacity"
                | b"font-size"
                | b"font"
                | b"color"
                | b"background-color"
                | b"background"
                | b"background-image"
                | b"position"
                | b"left"
                | b"top"
                | b"text-indent"
                | b"clip"
                | b"clip-path"
                | b"width"
                | b"height"
                | b"max-width"
                | b"max-height"
                | b"overflow"
                | b"direction"
                | b"unicode-bidi"
                | b"content"
        ) {
            return;
        }
        let value = strip_important(raw.trim());
        let is = |word: &str| value.eq_ignore_ascii_case(word);
        match name {
            b"display" => {
                self.display = Some(if is("none") {
                    Display::None
                } else if starts_with_ci(value, "inline") {
                    Display::Inline
                } else if is("contents") || value.is_empty() {
                    return;
                } else {
                    Display::Block
                });
            }
            b"visibility" => self.visibility_hidden = Some(is("hidden") || is("collapse")),
            b"opacity" => self.opacity = number_or_percent(value),
            b"font-size" => self.font_size = font_size(value),
            b"font" => self.font_size = value.split_ascii_whitespace().find_map(font_shorthand_size),
            b"color" => self.color = paint(value),
            b"background-color" => self.background = paint(value),
            b"background" => {
                // The shorthand resets the colour: no colour written is transparent.
                self.background_image = Some(has_image(value));
                self.background = Some(
                    split_outside(value, b' ')
                        .find_map(|word| paint(word).filter(|p| *p != Paint::Unknown))
                        .unwrap_or(Paint::Rgba([0; 3], 0.0)),
                );
            }
            b"background-image" => self.background_image = Some(has_image(value)),
            b"position" => self.out_of_flow = Some(is("absolute") || is("fixed")),
            b"left" => self.left = length(value),
            b"top" => self.top = length(value),
            b"text-indent" => self.text_indent = length(value),
            b"clip" => self.clip_zero = Some(clip_rect_is_empty(value)),
            b"clip-path" => self.clip_zero = Some(clip_path_is_empty(value)),
            b"width" => self.width = length(value),
            b"height" => self.height = length(value),
            b"max-width" => self.max_width = length(value),
            b"max-height" => self.max_height = length(value),
            b"overflow" => {
                self.overflow_hidden = Some(
                    value
                        .split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("hidden") || w.eq_ignore_ascii_case("clip")),
                );
            }
            b"direction" => self.rtl = Some(is("rtl")),
            b"unicode-bidi" => self.bidi_override = Some(is("bidi-override") || is("isolate-override")),
            _ => self.content = Some(content(value).into()),
        }
    }
}

/// The state an element's text is drawn in, computed down the tree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Computed {
    /// No box is drawn where the element sits (`display:none`, or moved off screen):
    /// it breaks no lines.
    pub gone: bool,
    /// Inside a box that clips everything away (zero size with overflow hidden, empty clip).
    clipped: bool,
    visibility_hidden: bool,
    opacity: f32,
    pub font_px: f32,
    /// Text colour and alpha; `None` when unknown.
    color: Option<([u8; 3], f32)>,
    /// The colour behind the text; `None` when unknown (an image, an unknown colour).
    backdrop: Option<[u8; 3]>,
    /// The inherited direction is right-to-left.
    pub rtl: bool,
    /// Text drawn in this state is invisible to a person (worked out once, read per text).
    hidden: bool,
}

impl Computed {
    /// The page: black 16px text on white.
    pub const ROOT: Computed = Computed {
        gone: false,
        clipped: false,
        visibility_hidden: false,
        opacity: 1.0,
        font_px: 16.0,
        color: Some(([0; 3], 1.0)),
        backdrop: Some([255; 3]),
        rtl: false,
        hidden: false,
    };

    /// The state of a child element (or pseudo-element) with declarations `style`.
    pub fn child(&self, style: &Style) -> Computed {
        let font_px = match style.font_size {
            Some(Len::Px(px)) => px,
            Some(Len::Em(em)) => self.font_px * em,
            None => self.font_px,
        };
        let px = |len: Option<Len>| len.map(|l| resolve(l, font_px));
        let tiny = |len: Option<Len>| px(len).is_some_and(|v| v <= 1.0);
        let far_off = |len: Option<Len>| px(len).is_some_and(|v| v <= OFF_SCREEN_PX);
        let out_of_flow = style.out_of_flow == Some(true);
        let clip_zero = style.clip_zero == Some(true);
        let off_screen = out_of_flow && (far_off(style.left) || far_off(style.top) || clip_zero);
        let zero_box = style.overflow_hidden == Some(true)
            && (tiny(style.width) || tiny(style.height) || tiny(style.max_width) || tiny(style.max_height));
        let color = match style.color {
            Some(Paint::Rgba(rgb, alpha)) => Some((rgb, alpha)),
            Some(Paint::Unknown) => None,
            None => self.color,
        };
        let backdrop = if style.background_image == Some(true) {
            None
        } else {
            match style.background {
                Some(Paint::Rgba(rgb, alpha)) => over(self.backdrop, rgb, alpha),
                Some(Paint::Unknown) => None,
                None => self.backdrop,
            }
        };
        let mut state = Computed {
            gone: self.gone || style.display == Some(Display::None) || off_screen,
            clipped: self.clipped || clip_zero || zero_box || far_off(style.text_indent),
            visibility_hidden: style.visibility_hidden.unwrap_or(self.visibility_hidden),
            opacity: self.opacity * style.opacity.unwrap_or(1.0).clamp(0.0, 1.0),
            font_px,
            color,
            backdrop,
            rtl: style.rtl.unwrap_or(self.rtl),
            hidden: false,
        };
        state.hidden = state.gone
            || state.clipped
            || state.visibility_hidden
            || state.opacity <= 0.05
            || state.font_px <= 1.0
            || state.color_is_backdrop();
        state
    }

    /// The same state with no box drawn (a `<template>`'s content).
    pub fn without_box(mut self) -> Computed {
        self.gone = true;
        self.hidden = true;
        self
    }

    /// Whether text drawn in this state is invisible to a person.
    pub fn hides(&self) -> bool {
        self.hidden
    }

    /// Text in (nearly) the colour behind it, or transparent text.
    fn color_is_backdrop(&self) -> bool {
        let Some((rgb, alpha)) = self.color else { return false };
        if alpha <= 0.05 {
            return true;
        }
        let Some(back) = self.backdrop else { return false };
        over(Some(back), rgb, alpha).is_some_and(|drawn| near(drawn, back))
    }
}

/// Whether two colours are nearly the same to a person's eye (every channel within a few steps).
pub fn near(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= NEAR_COLOUR)
}

/// `rgb` at `alpha` drawn over `under`; `None` when `under` is unknown and `rgb` is not opaque.
fn over(under: Option<[u8; 3]>, rgb: [u8; 3], alpha: f32) -> Option<[u8; 3]> {
    if alpha >= 0.99 {
        return Some(rgb);
    }
    if alpha <= 0.01 {
        return under;
    }
    let under = under?;
    let mut out = [0; 3];
    for i in 0..3 {
        out[i] = (f32::from(rgb[i]) * alpha + f32::from(under[i]) * (1.0 - alpha)).round() as u8;
    }
    Some(out)
}

fn resolve(len: Len, font_px: f32) -> f32 {
    match len {
        Len::Px(px) => px,
        Len::Em(em) => em * font_px,
    }
}

/// The pieces of `s` between `sep` bytes that are outside quotes and parentheses.
pub fn split_outside(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let s = rest?;
        let end = find_outside(s, sep);
        match end {
            Some(at) => {
                rest = Some(&s[at + 1..]);
                Some(&s[..at])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
        .map(str::trim)
    })
    .filter(|piece| !piece.is_empty())
}

/// The first `target` byte outside quotes and parentheses (ASCII: a char boundary).
pub fn find_outside(s: &str, target: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut quote = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'\\' {
            i += 2;
            continue;
        }
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == target && depth == 0 {
            return Some(i);
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            // A comment: its quotes and brackets are not the text's (`/* don't */`).
            i = memchr::memmem::find(&bytes[i + 2..], b"*/").map_or(bytes.len(), |end| i + end + 4);
            continue;
        } else {
            match b {
                b'"' | b'\'' => quote = Some(b),
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    None
}

fn strip_important(value: &str) -> &str {
    // `!important` only ranks a declaration; the reader keeps source order.
    let Some(head) = value.len().checked_sub("important".len()).and_then(|at| value.get(..at)) else {
        return value;
    };
    if !value[head.len()..].eq_ignore_ascii_case("important") {
        return value;
    }
    head.trim_end().strip_suffix('!').map_or(value, str::trim_end)
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn has_image(value: &str) -> bool {
    // Every image value is a function (`url()`, `linear-gradient()`, `image-set()`); the
    // colour and arithmetic functions are the others.
    let bytes = value.as_bytes();
    memchr::memchr_iter(b'(', bytes).any(|at| {
        let start =
            bytes[..at].iter().rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'-')).map_or(0, |p| p + 1);
        let name = &value[start..at];
        !["rgb", "rgba", "hsl", "hsla", "calc", "var"].iter().any(|f| name.eq_ignore_ascii_case(f))
    })
}

/// A CSS number at the start of `s` (`-1.5`, `.5`, `007`) and the rest after it.
pub fn number(s: &str) -> Option<(f32, &str)> {
    let bytes = s.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let negative = bytes.first() == Some(&b'-');
    let mut value = 0f32;
    let mut digits = 0;
    while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        value = value * 10.0 + f32::from(d - b'0');
        digits += 1;
        i += 1;
    }
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        let mut scale = 0.1f32;
        while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            value += f32::from(d - b'0') * scale;
            scale *= 0.1;
            digits += 1;
            i += 1;
        }
    }
    (digits > 0).then(|| (if negative { -value } else { value }, &s[i..]))
}

fn number_or_percent(value: &str) -> Option<f32> {
    match number(value)? {
        (n, "") => Some(n),
        (n, "%") => Some(n / 100.0),
        _ => None,
    }
}

/// A length; unitless numbers are pixels (mail renders in quirks mode).
fn length(value: &str) -> Option<Len> {
    let (n, unit) = number(value)?;
    let unit = unit.trim();
    let per = |u: &str| unit.eq_ignore_ascii_case(u);
    Some(if unit.is_empty() || per("px") {
        Len::Px(n)
    } else if per("pt") {
        Len::Px(n * 4.0 / 3.0)
    } else if per("pc") {
        Len::Px(n * 16.0)
    } else if per("in") {
        Len::Px(n * 96.0)
    } else if per("cm") {
        Len::Px(n * 96.0 / 2.54)
    } else if per("mm") {
        Len::Px(n * 96.0 / 25.4)
    } else if per("em") {
        Len::Em(n)
    } else if per("rem") {
        Len::Px(n * 16.0)
    } else if per("ex") || per("ch") {
        Len::Em(n / 2.0)
    } else if per("%") {
        // Only a zero percentage is known without the container.
        if n != 0.0 {
            return None;
        }
        Len::Px(0.0)
    } else {
        return None;
    })
}

fn font_size(value: &str) -> Option<Len> {
    const KEYWORDS: [(&str, f32); 7] = [
        ("xx-small", 9.0),
        ("x-small", 10.0),
        ("small", 13.0),
        ("medium", 16.0),
        ("large", 18.0),
        ("x-large", 24.0),
        ("xx-large", 32.0),
    ];
    if let Some((_, px)) = KEYWORDS.iter().find(|(k, _)| value.eq_ignore_ascii_case(k)) {
        return Some(Len::Px(*px));
    }
    if value.eq_ignore_ascii_case("smaller") {
        return Some(Len::Em(1.0 / 1.2));
    }
    if value.eq_ignore_ascii_case("larger") {
        return Some(Len::Em(1.2));
    }
    if let Some((n, "%")) = number(value) {
        return Some(Len::Em(n / 100.0));
    }
    length(value)
}

/// The size in a `font` shorthand word (`bold 0/0 a`): a length with a unit, a zero, or a
/// keyword; bare numbers there are weights.
fn font_shorthand_size(word: &str) -> Option<Len> {
    let size = word.split('/').next().unwrap_or(word);
    match number(size) {
        Some((n, "")) => (n == 0.0).then_some(Len::Px(0.0)),
        Some(_) => font_size(size),
        None => font_size(size).filter(|_| !size.is_empty()),
    }
}

/// `rect(top right bottom left)` that leaves no area (1px or less either way).
fn clip_rect_is_empty(value: &str) -> bool {
    let Some(inner) = function_args(value, "rect") else { return false };
    let sides: Vec<Option<f32>> = inner
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| length(s).map(|l| resolve(l, 16.0)))
        .collect();
    let [top, right, bottom, left] = sides[..] else { return false };
    // `auto` is the box's own edge: unknown here, so it leaves the area open.
    let narrow = matches!((left, right), (Some(l), Some(r)) if r - l <= 1.0);
    let flat = matches!((top, bottom), (Some(t), Some(b)) if b - t <= 1.0);
    narrow || flat
}

/// `inset(50%)` and more, or a circle or ellipse of radius zero.
fn clip_path_is_empty(value: &str) -> bool {
    if let Some(inner) = function_args(value, "inset") {
        let mut insets = inner.split_ascii_whitespace().map_while(|s| number(s).filter(|(_, u)| *u == "%"));
        return insets.any(|(n, _)| n >= 50.0);
    }
    ["circle", "ellipse"].iter().any(|f| {
        function_args(value, f).and_then(|inner| inner.split_ascii_whitespace().next()).and_then(length)
            == Some(Len::Px(0.0))
    })
}

/// The text inside `name(…)` when `value` is that function call.
fn function_args<'v>(value: &'v str, name: &str) -> Option<&'v str> {
    let rest = value.get(name.len()..)?;
    if !starts_with_ci(value, name) {
        return None;
    }
    let inner = rest.trim_start().strip_prefix('(')?;
    Some(inner.rsplit_once(')').map_or(inner, |(inner, _)| inner).trim())
}

/// A colour value; `None` for `inherit` and the like (keeps the inherited colour).
fn paint(value: &str) -> Option<Paint> {
    let known =
        |rgb: u32, alpha: f32| Some(Paint::Rgba([(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8], alpha));
    if let Some(hex) = value.strip_prefix('#') {
        return Some(hex_colour(hex).unwrap_or(Paint::Unknown));
    }
    for f in ["rgba", "rgb"] {
        if let Some(args) = function_args(value, f) {
            return Some(rgb_function(args).unwrap_or(Paint::Unknown));
        }
    }
    if ["inherit", "currentcolor", "initial", "unset", "revert"].iter().any(|w| value.eq_ignore_ascii_case(w))
    {
        return None;
    }
    if value.eq_ignore_ascii_case("transparent") {
        return known(0, 0.0);
    }
    match NAMED_COLOURS.iter().find(|(name, _)| value.eq_ignore_ascii_case(name)) {
        Some(&(_, rgb)) => known(rgb, 1.0),
        None => Some(Paint::Unknown),
    }
}

/// A colour attribute (`bgcolor`, `<font color>`): mail writes `FFFFFF` without `#` too.
pub fn attribute_paint(value: &str) -> Paint {
    let value = value.trim();
    let bare_hex = value.len() == 6 && value.bytes().all(|b| b.is_ascii_hexdigit());
    let parsed = if bare_hex { hex_colour(value) } else { paint(value) };
    parsed.unwrap_or(Paint::Unknown)
}

fn hex_colour(hex: &str) -> Option<Paint> {
    let digits: Vec<u8> =
        hex.bytes().map(|b| (b as char).to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
    let (rgb, alpha) = match digits[..] {
        [r, g, b] => ([r * 17, g * 17, b * 17], 255),
        [r, g, b, a] => ([r * 17, g * 17, b * 17], a * 17),
        [r1, r2, g1, g2, b1, b2] => ([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2], 255),
        [r1, r2, g1, g2, b1, b2, a1, a2] => ([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2], a1 * 16 + a2),
        _ => return None,
    };
    Some(Paint::Rgba(rgb, f32::from(alpha) / 255.0))
}

/// `rgb(…)` / `rgba(…)` arguments, comma or space separated, channels as numbers or percentages.
fn rgb_function(args: &str) -> Option<Paint> {
    let parts: Vec<&str> = args
        .split(|c: char| c == ',' || c == '/' || c.is_ascii_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if !(3..=4).contains(&parts.len()) {
        return None;
    }
    let mut rgb = [0u8; 3];
    for (channel, part) in rgb.iter_mut().zip(&parts) {
        let value = match number(part)? {
            (n, "") => n,
            (n, "%") => n * 2.55,
            _ => return None,
        };
        *channel = value.clamp(0.0, 255.0).round() as u8;
    }
    let alpha = match parts.get(3) {
        Some(a) => number_or_percent(a)?.clamp(0.0, 1.0),
        None => 1.0,
    };
    Some(Paint::Rgba(rgb, alpha))
}

/// The strings of a `content` value joined, CSS escapes decoded (`\2713 ` is ✓); `attr()`,
/// counters and quotes are not text this reader can know.
fn content(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '"' && c != '\'' {
            continue;
        }
        let quote = c;
        while let Some(c) = chars.next() {
            if c == quote {
                break;
            }
            if c == '\\' {
                unescape(&mut chars, &mut out);
            } else {
                out.push(c);
            }
            if out.len() >= MAX_CONTENT {
                return crate::text::cut(&out, MAX_CONTENT).to_string();
            }
        }
    }
    out
}

/// One CSS escape after its backslash: up to six hex digits and one white space, an
/// escaped line break (nothing), or the next character itself.
fn unescape(chars: &mut std::str::Chars<'_>, out: &mut String) {
    let mut code = 0u32;
    let mut digits = 0;
    let peek = |chars: &std::str::Chars<'_>| chars.clone().next();
    while digits < 6 {
        let Some(d) = peek(chars).and_then(|c| c.to_digit(16)) else { break };
        code = code * 16 + d;
        digits += 1;
        chars.next();
    }
    if digits > 0 {
        if peek(chars).is_some_and(|c| c.is_ascii_whitespace()) {
            chars.next();
        }
        out.push(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}'));
        return;
    }
    match chars.next() {
        Some('\n' | '\r' | '\x0c') | None => {}
        Some(c) => out.push(c),
    }
}

/// The colour names mail uses, with the near-whites and near-blacks a hiding trick would pick.
const NAMED_COLOURS: &[(&str, u32)] = &[
    ("black", 0x000000),
    ("white", 0xffffff),
    ("red", 0xff0000),
    ("green", 0x008000),
    ("blue", 0x0000ff),
    ("yellow", 0xffff00),
    ("gray", 0x808080),
    ("grey", 0x808080),
    ("silver", 0xc0c0c0),
    ("maroon", 0x800000),
    ("purple", 0x800080),
    ("fuchsia", 0xff00ff),
    ("magenta", 0xff00ff),
    ("lime", 0x00ff00),
    ("olive", 0x808000),
    ("navy", 0x000080),
    ("teal", 0x008080),
    ("aqua", 0x00ffff),
    ("cyan", 0x00ffff),
    ("orange", 0xffa500),
    ("darkgray", 0xa9a9a9),
    ("darkgrey", 0xa9a9a9),
    ("dimgray", 0x696969),
    ("dimgrey", 0x696969),
    ("lightgray", 0xd3d3d3),
    ("lightgrey", 0xd3d3d3),
    ("gainsboro", 0xdcdcdc),
    ("whitesmoke", 0xf5f5f5),
    ("snow", 0xfffafa),
    ("ivory", 0xfffff0),
    ("ghostwhite", 0xf8f8ff),
    ("floralwhite", 0xfffaf0),
    ("mintcream", 0xf5fffa),
    ("azure", 0xf0ffff),
    ("aliceblue", 0xf0f8ff),
    ("honeydew", 0xf0fff0),
    ("seashell", 0xfff5ee),
    ("lavenderblush", 0xfff0f5),
    ("linen", 0xfaf0e6),
    ("oldlace", 0xfdf5e6),
    ("beige", 0xf5f5dc),
    ("lightyellow", 0xffffe0),
    ("darkblue", 0x00008b),
    ("darkred", 0x8b0000),
    ("darkgreen", 0x006400),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn hides(style: &str) -> bool {
        Computed::ROOT.child(&Style::parse(style)).hides()
    }

    #[test]
    fn zero_font_is_hidden_but_small_font_is_not() {
        for style in [
            "font-size: 0px",
            "font-size:0",
            "font-size:0em",
            "font-size:1px",
            "font-size:.5pt",
            "font:0/0 a",
        ] {
            assert!(hides(style), "{style}");
        }
        for style in ["font-size:0.9em", "font-size:2px", "font-size:x-small", "font: bold 400 12px Arial"] {
            assert!(!hides(style), "{style}");
        }
    }

    #[test]
    fn a_child_can_restore_font_size_but_not_undo_display_none() {
        let zero = Computed::ROOT.child(&Style::parse("font-size:0"));
        assert!(!zero.child(&Style::parse("font-size:14px")).hides());
        assert!(zero.child(&Style::parse("font-size:2em")).hides(), "2 × 0 is still 0");
        let none = Computed::ROOT.child(&Style::parse("display:none"));
        assert!(none.child(&Style::parse("display:block")).hides());
        let invisible = Computed::ROOT.child(&Style::parse("visibility:hidden"));
        assert!(!invisible.child(&Style::parse("visibility:visible")).hides());
        let faint = Computed::ROOT.child(&Style::parse("opacity:0.2"));
        assert!(faint.child(&Style::parse("opacity:0.2")).hides(), "opacity multiplies");
    }

    #[test]
    fn text_in_its_background_colour_is_hidden() {
        assert!(hides("color:#fff"));
        assert!(hides("color:#FEFEFE"));
        assert!(hides("color: rgb(250, 251, 252)"));
        assert!(hides("color:rgba(0,0,0,0)"));
        assert!(hides("color:transparent"));
        assert!(hides("color:white;background:#000;color:#000"), "later declaration wins");
        assert!(!hides("color:#eeeeee"), "light grey on white is still read");
        assert!(!hides("color:#ccc"));
        assert!(!hides("color:coral"), "an unknown name never hides");
        let dark = Computed::ROOT.child(&Style::parse("background-color:#0b1f3a"));
        assert!(!dark.child(&Style::parse("color:#ffffff")).hides());
        assert!(dark.child(&Style::parse("color:#0c1f3b")).hides());
        let image = Computed::ROOT.child(&Style::parse("background:url(hero.jpg) #fff"));
        assert!(!image.child(&Style::parse("color:#fff")).hides(), "an image behind the text is unknown");
    }

    #[test]
    fn nearness_is_a_few_steps_per_channel() {
        assert!(near([255; 3], [245, 250, 255]));
        assert!(!near([255; 3], [244, 255, 255]));
        assert!(near([0; 3], [10, 0, 5]));
        assert!(!near([0; 3], [0, 0, 11]));
    }

    #[test]
    fn clipped_and_off_screen_boxes_hide() {
        for style in [
            "position:absolute;left:-9999px",
            "position:fixed; top:-100em",
            "text-indent:-9999px",
            "position:absolute;clip:rect(0 0 0 0)",
            "position:absolute;clip:rect(1px, 1px, 1px, 1px)",
            "clip-path:inset(50%)",
            "clip-path: circle(0)",
            "width:0;height:0;overflow:hidden",
            "max-height:0px;overflow:hidden",
        ] {
            assert!(hides(style), "{style}");
        }
        for style in [
            "position:relative;left:-9999px",
            "position:absolute;left:-20px",
            "clip:rect(0, 300px, 200px, 0)",
            "clip-path:inset(10%)",
            "height:0",
            "max-height:0",
            "width:0;overflow:visible",
        ] {
            assert!(!hides(style), "{style}");
        }
    }

    #[test]
    fn content_strings_decode_css_escapes() {
        assert_eq!(content(r#""Micro" 'soft'"#), "Microsoft");
        assert_eq!(content(r#""\4D icro\73 oft""#), "Microsoft");
        assert_eq!(content(r#""\"quoted\"" attr(title)"#), "\"quoted\"");
        assert_eq!(content(r#""\2713""#), "✓");
        assert_eq!(content(r#""\0 x""#), "\u{fffd}x");
        assert_eq!(content("none"), "");
        assert_eq!(content("\"unterminated \\"), "unterminated ");
    }

    #[test]
    fn colours_parse_in_every_written_form() {
        let rgb = |v: &str| match paint(v) {
            Some(Paint::Rgba(rgb, _)) => Some(rgb),
            _ => None,
        };
        assert_eq!(rgb("#abc"), Some([0xaa, 0xbb, 0xcc]));
        assert_eq!(rgb("#A1B2C3"), Some([0xa1, 0xb2, 0xc3]));
        assert_eq!(rgb("rgb(1 2 3)"), Some([1, 2, 3]));
        assert_eq!(rgb("RGB(100%, 0%, 50%)"), Some([255, 0, 128]));
        assert_eq!(rgb("White"), Some([255; 3]));
        assert_eq!(paint("#12"), Some(Paint::Unknown));
        assert_eq!(paint("hsl(0, 0%, 100%)"), Some(Paint::Unknown));
        assert_eq!(paint("inherit"), None);
        assert_eq!(paint("rgba(0,0,0,.5)"), Some(Paint::Rgba([0; 3], 0.5)));
    }

    #[test]
    fn important_and_quoted_semicolons_do_not_break_declarations() {
        let s = Style::parse(r#"content:"a;b" !important; display : NONE!important"#);
        assert_eq!(s.content.as_deref(), Some("a;b"));
        assert_eq!(s.display, Some(Display::None));
        assert_eq!(Style::parse("display:inline-block").display, Some(Display::Inline));
        assert_eq!(Style::parse("display:table-cell").display, Some(Display::Block));
        assert!(Style::parse("font-family:Arial;padding:0").is_empty());
    }

    /// A pseudo-random string over `alphabet`, `len` chars long at most.
    fn random_text(state: &mut u64, alphabet: &[char], len: u64) -> String {
        let mut text = String::new();
        for _ in 0..(*state % len) {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            text.push(alphabet[(*state % alphabet.len() as u64) as usize]);
        }
        *state = state.wrapping_add(1);
        text
    }

    #[test]
    fn numbers_are_read_as_a_float_parser_reads_them() {
        // The reference: the longest prefix a float parser accepts, among the CSS forms.
        let reference = |s: &str| {
            (1..=s.len())
                .rev()
                .filter_map(|end| s.get(..end))
                .filter(|p| !p.contains(['e', 'E', 'i', 'n']) && !p.ends_with('.'))
                .find_map(|p| p.parse::<f64>().ok().map(|n| (n, p.len())))
        };
        let alphabet: Vec<char> = "0019.-+x é".chars().collect();
        let mut state = 0x9e37_79b9_7f4a_7c15;
        let mut read = 0;
        for _ in 0..20_000 {
            let s = random_text(&mut state, &alphabet, 8);
            let ours = number(&s).map(|(n, rest)| (f64::from(n), s.len() - rest.len()));
            match (ours, reference(&s)) {
                (Some((a, la)), Some((b, lb))) => {
                    assert_eq!(la, lb, "{s:?}");
                    assert!((a - b).abs() <= 1e-4 * b.abs().max(1.0), "{s:?}: {a} vs {b}");
                    read += 1;
                }
                (None, None) => {}
                (ours, theirs) => panic!("{s:?}: {ours:?} vs {theirs:?}"),
            }
        }
        assert!(read > 5_000, "numbers were tried ({read})");
    }
}
