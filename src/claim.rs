//! Claim detection: does this message claim to be a Microsoft code or account-security
//! mail, which kind, in which language, and which code does it carry?
//!
//! A claim needs Microsoft named together with account-security wording, or a phrase
//! only Microsoft's templates use. "Named" has strengths: the display name or a "Microsoft
//! account" phrase names Microsoft as the sender, so any account wording (even a billing
//! or policy lure) makes the claim; the bare word "Microsoft" or a product name in a
//! subject or body is weaker (newsletters write it), so it needs specific wording — a code
//! label with its code, or account-security words in the subject. A code mail that never
//! names Microsoft (GitHub, a bank) is not a claim.
//!
//! Text is folded before matching ([`fold`]): lower case, full-width and mathematical
//! letters to ASCII, invisible characters dropped (so "Micro\u{200b}soft" still names
//! Microsoft; the sender rule reports the invisible characters themselves), a few look-alike
//! letters to Latin, punctuation as spaces. Only the first [`MAX_TEXT_BYTES`] of a field
//! are read. Only visible text counts: hidden filler is the content rule's business.

use std::sync::OnceLock;

use crate::findings::evidence;
use crate::model::{Claim, Evidence, EvidenceSource, MessageInput};
use crate::raw::{cut, RawFacts};
use crate::tables::claims as t;

/// Bytes of one text field read at most (the rest of a huge body is ignored, and said so).
pub const MAX_TEXT_BYTES: usize = 256 * 1024;
/// Bytes of a display name and a subject read at most: real ones are short.
const MAX_NAME_BYTES: usize = 1024;
const MAX_SUBJECT_BYTES: usize = 4096;
/// Evidence items a claim keeps at most.
const MAX_CLAIM_EVIDENCE: usize = 6;
/// Occurrences of one phrase looked at most (bounded work on hostile repetition).
const MAX_OCCURRENCES: usize = 2_000;

/// What the message claims, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    pub kind: Claim,
    /// The code next to a known label, if any.
    pub code: Option<String>,
    /// Language tag of the matched wording (`en`, `ja`, …).
    pub language: Option<&'static str>,
    /// The subject / body / label words that made the claim.
    pub evidence: Vec<Evidence>,
    /// The label and code as written ("Security code: 123456"), when a code was found.
    pub code_evidence: Option<Evidence>,
    /// A device-code lure: the device-login address the message sends the reader to.
    pub device_login: Option<Evidence>,
    /// An attached web page that is a sign-in form naming Microsoft.
    pub attached_sign_in_page: Option<Evidence>,
    /// Authenticator / Entra context, where 8-digit codes are normal.
    pub long_code_context: bool,
    /// The body was longer than [`MAX_TEXT_BYTES`]; only its start was read.
    pub body_cut: bool,
}

impl ClaimFacts {
    pub fn none() -> Self {
        ClaimFacts {
            kind: Claim::None,
            code: None,
            language: None,
            evidence: Vec::new(),
            code_evidence: None,
            device_login: None,
            attached_sign_in_page: None,
            long_code_context: false,
            body_cut: false,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Folding

/// A text folded for matching, remembering where each folded byte came from so that
/// evidence can quote the original words.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    /// The original text (cut at [`MAX_TEXT_BYTES`]).
    pub source: &'a str,
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte offset in `source` of the char it came from.
    map: Vec<u32>,
    /// Every word of `text` (runs of [`is_word`] chars) as its [`word_key`] and byte
    /// offset in `text` in one `u64` (key high), sorted: a pattern whose words are not all
    /// here cannot match, and one that can is looked for only where its rarest word
    /// stands, not by scanning the whole text.
    words: Vec<u64>,
    /// Whether `text` holds any CJK / kana / hangul.
    has_wide: bool,
}

impl<'a> Folded<'a> {
    /// The original text behind the folded byte range `start..end`.
    pub fn original(&self, start: usize, end: usize) -> &'a str {
        let from = self.map.get(start).map_or(self.source.len(), |&o| o as usize);
        // End after the char behind the last folded byte, not at the next one: the
        // separators between them (", ", " - ") are not part of the match.
        let to = match end.checked_sub(1).and_then(|last| self.map.get(last)) {
            Some(&o) => {
                let o = o as usize;
                o + self.source.get(o..).and_then(|r| r.chars().next()).map_or(0, char::len_utf8)
            }
            None => from,
        };
        let s = self.source.get(from..to.max(from)).unwrap_or("");
        s.trim_matches(|c: char| c.is_whitespace() || is_ignorable(c))
    }

    /// Byte offset in `source` just after the folded range ending at `end`.
    fn source_offset(&self, end: usize) -> usize {
        self.map.get(end).map_or(self.source.len(), |&o| o as usize)
    }
}

/// Folds a text for matching. `skip_addresses` blanks out URLs and e-mail addresses
/// (a body's `go.microsoft.com` link or `…@hotmail.com` recipient does not name Microsoft).
pub fn fold(source: &str, skip_addresses: bool) -> Folded<'_> {
    let source = cut(source, MAX_TEXT_BYTES);
    let skipped = if skip_addresses { address_tokens(source) } else { Vec::new() };
    let mut ranges = skipped.iter().copied();
    let mut skip = ranges.next();
    let mut f = Folder {
        text: String::with_capacity(source.len()),
        map: Vec::with_capacity(source.len()),
        words: Vec::new(),
        word: None,
        has_wide: false,
        last: None,
        pending_space: false,
        space_at: 0,
    };

    let bytes = source.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let at = next;
        while skip.is_some_and(|(_, end)| end <= at) {
            skip = ranges.next();
        }
        // A skipped token reads as one separator; plain text runs up to the next one.
        let limit = match skip {
            Some((start, end)) if start <= at => {
                f.separator(at);
                next = end;
                continue;
            }
            Some((start, _)) => start,
            None => bytes.len(),
        };
        let b = bytes[at];
        if b.is_ascii() {
            // The common case, with the same outcome as the general path below: ASCII is
            // never ignorable, confusable or wide, and lower-cases to one ASCII char.
            if is_ascii_separator(b) {
                f.separator(at);
                next += 1;
                continue;
            }
            let mut end = at + 1;
            while end < limit && bytes[end].is_ascii() && !is_ascii_separator(bytes[end]) {
                end += 1;
            }
            f.push_ascii(source.get(at..end).unwrap_or_default(), at);
            next = end;
            continue;
        }
        let raw = source.get(at..).and_then(|r| r.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
        next += raw.len_utf8();
        if is_ignorable(raw) {
            continue;
        }
        let c = width_fold(confusable(raw));
        if is_separator(c) {
            f.separator(at);
            continue;
        }
        for lc in c.to_lowercase() {
            f.push_char(confusable(lc), at);
        }
    }
    f.end_word();
    let Folder { text, map, mut words, has_wide, .. } = f;
    words.sort_unstable();
    Folded { source, text, map, words, has_wide }
}

/// The folded text as it is written, with its word hashes (runs of [`is_word`] chars)
/// taken on the way: sorted and deduplicated at the end, for a binary search (no hasher
/// state needed in wasm).
struct Folder {
    text: String,
    map: Vec<u32>,
    words: Vec<u64>,
    /// The hash and start of the word being written, if the last char written is a word char.
    word: Option<(u64, u32)>,
    has_wide: bool,
    last: Option<char>,
    pending_space: bool,
    /// Where the pending run of separators began: the folded space points there.
    space_at: usize,
}

impl Folder {
    fn separator(&mut self, at: usize) {
        if !self.pending_space {
            self.pending_space = true;
            self.space_at = at;
        }
    }

    fn end_word(&mut self) {
        if let Some((h, start)) = self.word.take() {
            self.words.push(word_entry(h, start));
        }
    }

    /// The pending separators become one space, except next to wide-script chars.
    fn space_before(&mut self, next_wide: bool) {
        if self.pending_space {
            self.pending_space = false;
            if self.last.is_some_and(|p| !is_wide(p) && !next_wide) {
                self.text.push(' ');
                self.map.push(self.space_at as u32);
                self.end_word();
            }
        }
    }

    /// A folded char that came from the source char at `at`.
    fn push_char(&mut self, c: char, at: usize) {
        let wide = is_wide(c);
        self.space_before(wide);
        let from = self.text.len();
        let mut buf = [0u8; 4];
        let encoded = c.encode_utf8(&mut buf);
        self.text.push_str(encoded);
        self.map.extend(std::iter::repeat_n(at as u32, encoded.len()));
        self.has_wide |= wide;
        if is_word(c) {
            let (h, start) = self.word.unwrap_or((FNV_OFFSET, from as u32));
            self.word = Some((encoded.bytes().fold(h, fnv_step), start));
        } else {
            self.end_word();
        }
        self.last = Some(c);
    }

    /// A run of ASCII chars that are not separators, starting at `at` of the source.
    fn push_ascii(&mut self, run: &str, at: usize) {
        let Some(&last) = run.as_bytes().last() else { return };
        self.space_before(false);
        let from = self.text.len();
        self.text.push_str(run);
        if let Some(written) = self.text.get_mut(from..) {
            written.make_ascii_lowercase();
        }
        self.map.extend((at..at + run.len()).map(|o| o as u32));
        for (i, b) in run.bytes().enumerate() {
            if b.is_ascii_alphanumeric() {
                let (h, start) = self.word.unwrap_or((FNV_OFFSET, (from + i) as u32));
                self.word = Some((fnv_step(h, b.to_ascii_lowercase()), start));
            } else {
                self.end_word();
            }
        }
        self.last = Some(last.to_ascii_lowercase() as char);
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// FNV-1a: a cheap hash for the word set.
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(FNV_OFFSET, fnv_step)
}

/// A word's hash in 32 bits, so that key and place pack into one sortable `u64`. Two
/// words that share a key only cost a look at a place where the pattern is not.
fn word_key(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

fn word_entry(h: u64, at: u32) -> u64 {
    u64::from(word_key(h)) << 32 | u64::from(at)
}

/// Byte ranges of whitespace-separated tokens that are URLs or e-mail addresses.
fn address_tokens(source: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let token = source.as_bytes().get(s..e).unwrap_or_default();
        let lower_www = token.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"www."));
        let scheme = token.windows(3).any(|w| w == b"://");
        if lower_www || token.contains(&b'@') || scheme {
            out.push((s, e));
        }
    };
    let bytes = source.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let (split, len) = if b.is_ascii() {
            let split = matches!(
                b,
                b' ' | b'\t'
                    | b'\n'
                    | b'\x0b'
                    | b'\x0c'
                    | b'\r'
                    | b'<'
                    | b'>'
                    | b'('
                    | b')'
                    | b'"'
                    | b'['
                    | b']'
            );
            (split, 1)
        } else {
            let c = source.get(at..).and_then(|r| r.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
            (c.is_whitespace(), c.len_utf8())
        };
        match (split, start) {
            (true, Some(s)) => {
                flush(s, at, &mut out);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        at += len;
    }
    if let Some(s) = start {
        flush(s, source.len(), &mut out);
    }
    out
}

/// Characters nobody sees: zero-width, bidi controls, variation selectors, tags.
pub fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x34F | 0x61C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Full-width ASCII, the ideographic space, mathematical and enclosed letters to ASCII
/// (the cheap part of NFKC that lures use).
fn width_fold(c: char) -> char {
    let cp = c as u32;
    let ascii = |n: u32| char::from_u32(n).unwrap_or(c);
    match cp {
        0xFF01..=0xFF5E => ascii(cp - 0xFEE0),
        0x3000 => ' ',
        // Mathematical alphanumeric letters: 13 alphabets of A–Z a–z.
        0x1D400..=0x1D6A3 => {
            let i = (cp - 0x1D400) % 52;
            ascii(if i < 26 { 'A' as u32 + i } else { 'a' as u32 + i - 26 })
        }
        0x1D7CE..=0x1D7FF => ascii('0' as u32 + (cp - 0x1D7CE) % 10),
        0x24B6..=0x24CF => ascii('a' as u32 + cp - 0x24B6),
        0x24D0..=0x24E9 => ascii('a' as u32 + cp - 0x24D0),
        _ => c,
    }
}

/// Letters of other scripts that look Latin (Cyrillic, Greek, Cherokee, small capitals),
/// so "Місrosoft" with Cyrillic letters still names Microsoft. Table words go through
/// the same folding, so Russian phrases still match Russian text.
fn confusable(c: char) -> char {
    match c {
        'а' | 'α' | 'Ꭺ' | 'ᴀ' | 'ɑ' => 'a',
        'в' | 'ʙ' | 'Ᏼ' => 'b',
        'с' | 'ϲ' | 'Ꮯ' | 'ᴄ' => 'c',
        'ԁ' | 'ᴅ' => 'd',
        'е' | 'ε' | 'Ꭼ' | 'ᴇ' => 'e',
        'ғ' => 'f',
        'ɢ' | 'Ᏻ' => 'g',
        'н' | 'һ' | 'ʜ' | 'Ꮋ' => 'h',
        'і' | 'ι' | 'ı' | 'ɪ' | 'Ꭵ' => 'i',
        'ј' | 'ᴊ' | 'Ꭻ' => 'j',
        'к' | 'κ' | 'ᴋ' | 'Ꮶ' => 'k',
        'ӏ' | 'ʟ' | 'Ꮮ' => 'l',
        'м' | 'μ' | 'ᴍ' | 'Ꮇ' => 'm',
        'ɴ' => 'n',
        'о' | 'ο' | 'ᴏ' | 'Ꮎ' => 'o',
        'р' | 'ρ' | 'ᴘ' | 'Ꮲ' => 'p',
        'ԛ' => 'q',
        'ʀ' | 'Ꮢ' => 'r',
        'ѕ' | 'ꜱ' | 'Ꮪ' => 's',
        'т' | 'τ' | 'ᴛ' | 'Ꭲ' => 't',
        'υ' | 'ᴜ' => 'u',
        'ν' | 'ᴠ' | 'Ꮩ' => 'v',
        'ԝ' | 'ᴡ' | 'Ꮃ' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'ʏ' => 'y',
        'ᴢ' | 'Ꮓ' => 'z',
        _ => c,
    }
}

/// Punctuation that separates words like a space does.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_'
                | '.'
                | ','
                | ';'
                | '/'
                | '\\'
                | '|'
                | '*'
                | '"'
                | '\''
                | '`'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '<'
                | '>'
                | '!'
                | '?'
                | '¡'
                | '¿'
                | '#'
                | '+'
                | '='
                | '~'
                | '^'
                | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '·'
                | '•'
                | '…'
                | '−'
                | '。'
                | '、'
                | '，'
                | '！'
                | '？'
                | '「'
                | '」'
                | '『'
                | '』'
                | '（'
                | '）'
                | '【'
                | '】'
                | '・'
                | '〈'
                | '〉'
                | '《'
                | '》'
                | '；'
        )
        || ('\u{2010}'..='\u{2015}').contains(&c)
}

/// [`is_separator`] for an ASCII byte.
fn is_ascii_separator(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'
            | b'\n'
            | b'\x0b'
            | b'\x0c'
            | b'\r'
            | b'-'
            | b'_'
            | b'.'
            | b','
            | b';'
            | b'/'
            | b'\\'
            | b'|'
            | b'*'
            | b'"'
            | b'\''
            | b'`'
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'<'
            | b'>'
            | b'!'
            | b'?'
            | b'#'
            | b'+'
            | b'='
            | b'~'
            | b'^'
    )
}

/// Scripts written without spaces between words (or whose spacing varies): no space is
/// kept next to them, so "セキュリティ コード" and "セキュリティコード" fold the same.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFF65..=0xFF9F | 0x20000..=0x3FFFF)
}

/// A letter or digit of an alphabet written with spaces: word boundaries apply.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x530
}

// ---------------------------------------------------------------------------------------
// Phrases

/// A table phrase, folded once.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub text: String,
    start_boundary: bool,
    end_boundary: bool,
    /// The whole words the text must hold for a match: ([`word_key`], byte offset in `text`).
    words: Vec<(u32, u32)>,
    /// Whether the pattern holds wide-script chars.
    wide: bool,
}

impl Pattern {
    pub fn new(phrase: &str) -> Pattern {
        let (body, prefix) = match phrase.strip_suffix('*') {
            Some(b) => (b, true),
            None => (phrase, false),
        };
        let text = fold(body, false).text;
        let start_boundary = text.chars().next().is_some_and(is_word);
        let end_boundary = !prefix && text.chars().last().is_some_and(is_word);
        let pieces: Vec<(usize, &str)> = text
            .split(|c: char| !is_word(c))
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let last = pieces.len().saturating_sub(1);
        let words = pieces
            .iter()
            .enumerate()
            .filter(|&(i, (_, w))| {
                // A word at either end is whole only where a boundary applies; inside, the
                // pattern's own separators make it whole.
                !w.is_empty() && (i > 0 || start_boundary) && (i < last || end_boundary)
            })
            .map(|(_, &(at, w))| (word_key(word_hash(w)), at as u32))
            .collect();
        let wide = text.chars().any(is_wide);
        Pattern { text, start_boundary, end_boundary, words, wide }
    }

    /// Every match in a folded text, in order. A whole word of the pattern stands at a
    /// fixed offset in every match, so only the places where its rarest word stands are
    /// tried; a pattern without whole words (wide script, a prefix) is searched for.
    pub fn find_in<'f>(&'f self, folded: &'f Folded) -> Matches<'f> {
        let mut rarest: Option<(&[u64], u32)> = None;
        for &(key, offset) in &self.words {
            let places = occurrences(folded, key);
            if rarest.is_none_or(|(fewest, _)| places.len() < fewest.len()) {
                rarest = Some((places, offset));
            }
            if places.is_empty() {
                // Most patterns stop here: one of their words is not in the text at all.
                break;
            }
        }
        let how = match rarest {
            _ if self.wide && !folded.has_wide => How::Done,
            Some((places, offset)) => How::Places(places, offset),
            None => How::Scan(0),
        };
        Matches { pattern: self, hay: &folded.text, how, looked: 0 }
    }

    /// Every match in `hay` (folded byte ranges), by scanning it.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> Matches<'h> {
        Matches { pattern: self, hay, how: How::Scan(0), looked: 0 }
    }

    /// The match at byte `at` of `hay`, if the text stands there with its word boundaries.
    fn match_at(&self, hay: &str, at: usize) -> Option<(usize, usize)> {
        let end = at + self.text.len();
        if hay.get(at..end)? != self.text {
            return None;
        }
        let before_ok = !self.start_boundary || !hay[..at].chars().next_back().is_some_and(is_word);
        let after_ok = !self.end_boundary || !hay[end..].chars().next().is_some_and(is_word);
        (before_ok && after_ok).then_some((at, end))
    }

    pub fn find(&self, hay: &str) -> Option<(usize, usize)> {
        self.find_iter(hay).next()
    }
}

/// The matches of one pattern in one text, at most [`MAX_OCCURRENCES`] places looked at
/// (bounded work on hostile repetition). One concrete type, so the search is compiled
/// once rather than into every caller.
pub struct Matches<'a> {
    pattern: &'a Pattern,
    hay: &'a str,
    how: How<'a>,
    looked: usize,
}

enum How<'a> {
    /// The places of the pattern's rarest word, and that word's offset in the pattern.
    Places(&'a [u64], u32),
    /// A scan of the text from this byte on.
    Scan(usize),
    Done,
}

impl Iterator for Matches<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let text = &self.pattern.text;
        while self.looked < MAX_OCCURRENCES && !text.is_empty() {
            self.looked += 1;
            let at = match self.how {
                How::Places(places, offset) => {
                    let (&entry, rest) = places.split_first()?;
                    self.how = How::Places(rest, offset);
                    match (entry as u32).checked_sub(offset) {
                        Some(at) => at as usize,
                        None => continue,
                    }
                }
                How::Scan(from) => {
                    let at = from + self.hay.get(from..)?.find(text.as_str())?;
                    self.how = How::Scan(at + self.hay[at..].chars().next().map_or(1, char::len_utf8));
                    at
                }
                How::Done => return None,
            };
            if let Some(found) = self.pattern.match_at(self.hay, at) {
                return Some(found);
            }
        }
        None
    }
}

/// Where the word with key `key` stands in a folded text (a sorted run of its entries).
fn occurrences<'f>(folded: &'f Folded, key: u32) -> &'f [u64] {
    let words = &folded.words;
    let key_of = |e: &u64| (e >> 32) as u32;
    let from = words.partition_point(|e| key_of(e) < key);
    let rest = &words[from..];
    if rest.first().is_none_or(|e| key_of(e) != key) {
        return &[];
    }
    &rest[..rest.partition_point(|e| key_of(e) == key)]
}

/// A folded table of phrases, each with its language and kind.
pub struct Table<T> {
    pub entries: Vec<(Pattern, T)>,
}

impl<T: Copy> Table<T> {
    fn new(items: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        Table { entries: items.into_iter().map(|(p, v)| (Pattern::new(p), v)).collect() }
    }

    /// The first entry (in table order) found in `hay`, with its match.
    pub fn first(&self, hay: &str) -> Option<(T, usize, usize)> {
        self.entries.iter().find_map(|(p, v)| p.find(hay).map(|(s, e)| (*v, s, e)))
    }

    /// Like [`Table::first`], in a folded text (looked up by its words, not scanned).
    pub fn first_in_folded(&self, folded: &Folded) -> Option<(T, usize, usize)> {
        self.entries.iter().find_map(|(p, v)| p.find_in(folded).next().map(|(s, e)| (*v, s, e)))
    }

    /// Like [`Table::all`], in a folded text (looked up by its words, not scanned).
    pub fn all_in_folded<'s>(&'s self, folded: &'s Folded) -> impl Iterator<Item = (T, usize, usize)> + 's {
        self.entries.iter().filter_map(move |(p, v)| p.find_in(folded).next().map(|(s, e)| (*v, s, e)))
    }

    /// Every entry found in `hay`, with its first match.
    pub fn all<'s>(&'s self, hay: &'s str) -> impl Iterator<Item = (T, usize, usize)> + 's {
        self.entries.iter().filter_map(move |(p, v)| p.find(hay).map(|(s, e)| (*v, s, e)))
    }
}

/// Language and kind of a phrase.
pub type Tag = (&'static str, Claim);

/// Folds a list of plain phrases once.
pub fn plain(items: &'static [&'static str]) -> Table<()> {
    Table::new(items.iter().map(|p| (*p, ())))
}

/// Folds a list of language phrases once.
pub fn langs(items: &'static [t::LangPhrase]) -> Table<&'static str> {
    Table::new(items.iter().map(|p| (p.text, p.lang)))
}

fn kinds(items: &'static [t::KindPhrase]) -> Table<Tag> {
    Table::new(items.iter().map(|p| (p.text, (p.lang, p.kind))))
}

struct Tables {
    microsoft: Table<()>,
    products: Table<()>,
    form_products: Table<()>,
    file_products: Table<()>,
    account: Table<&'static str>,
    teams: Table<&'static str>,
    subjects: Table<Tag>,
    templates: Table<Tag>,
    labels: Table<Tag>,
    generic_labels: Table<()>,
    kind_words: Table<Tag>,
    lures: Table<&'static str>,
    generic_lures: Table<&'static str>,
    login_form: Table<()>,
    share: Table<()>,
    long_code: Table<()>,
    fillers: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        microsoft: plain(t::MICROSOFT),
        products: plain(t::PRODUCTS),
        form_products: plain(t::FORM_PRODUCTS),
        file_products: plain(t::FILE_PRODUCTS),
        account: langs(t::ACCOUNT_PHRASES),
        teams: langs(t::TEAM_NAMES),
        subjects: kinds(t::SUBJECTS),
        templates: kinds(t::TEMPLATES),
        labels: kinds(t::CODE_LABELS),
        generic_labels: plain(t::GENERIC_CODE_LABELS),
        kind_words: kinds(t::KIND_WORDS),
        lures: langs(t::LURE_WORDS),
        generic_lures: langs(t::GENERIC_LURE_WORDS),
        login_form: plain(t::LOGIN_FORM),
        share: plain(t::SHARE_PHRASES),
        long_code: plain(t::LONG_CODE_CONTEXT),
        fillers: t::CODE_FILLERS.iter().map(|f| f.to_lowercase()).collect(),
    })
}

// ---------------------------------------------------------------------------------------
// Fields

/// One folded field of the message, with where its evidence comes from.
pub struct Field<'a> {
    pub folded: Folded<'a>,
    pub source: EvidenceSource,
    pub location: &'static str,
}

impl<'a> Field<'a> {
    pub fn evidence(&self, start: usize, end: usize) -> Evidence {
        evidence(self.source, self.location, self.folded.original(start, end))
    }
}

/// The display name, subject and visible body, folded (the body cut at the cap).
pub struct Fields<'a> {
    pub name: Field<'a>,
    pub subject: Field<'a>,
    pub body: Field<'a>,
}

impl<'a> Fields<'a> {
    pub fn new(input: &'a MessageInput) -> Self {
        Fields {
            name: Field {
                folded: fold(cut(&input.sender_name, MAX_NAME_BYTES), false),
                source: EvidenceSource::Sender,
                location: "display name",
            },
            subject: Field {
                folded: fold(cut(&input.subject, MAX_SUBJECT_BYTES), true),
                source: EvidenceSource::Subject,
                location: "subject",
            },
            body: Field {
                folded: fold(&input.body_text, true),
                source: EvidenceSource::Body,
                location: "body",
            },
        }
    }

    /// Subject first, then body: where wording is looked for.
    pub fn texts(&self) -> [&Field<'a>; 2] {
        [&self.subject, &self.body]
    }

    pub fn all(&self) -> [&Field<'a>; 3] {
        [&self.name, &self.subject, &self.body]
    }
}

/// A phrase found in a field.
struct Hit<T> {
    value: T,
    evidence: Evidence,
}

fn first_in<T: Copy>(table: &Table<T>, fields: &[&Field]) -> Option<Hit<T>> {
    fields.iter().find_map(|f| {
        table.first_in_folded(&f.folded).map(|(value, s, e)| Hit { value, evidence: f.evidence(s, e) })
    })
}

/// The most specific kind among the kind words of the given fields.
fn best_kind(table: &Table<Tag>, field: &Field) -> Option<Hit<Tag>> {
    table
        .all_in_folded(&field.folded)
        .min_by_key(|((_, kind), s, _)| (kind_rank(*kind), *s))
        .map(|(value, s, e)| Hit { value, evidence: field.evidence(s, e) })
}

fn kind_rank(kind: Claim) -> u8 {
    match kind {
        Claim::SingleUseCode => 0,
        Claim::SecurityCode => 1,
        Claim::PasswordReset => 2,
        Claim::SignInAlert => 3,
        Claim::OtherAccountAlert => 4,
        Claim::None => 5,
    }
}

// ---------------------------------------------------------------------------------------
// Detection

/// Detects the claim.
pub fn detect(input: &MessageInput, raw: Option<&RawFacts>) -> ClaimFacts {
    detect_in(&Fields::new(input), input, raw)
}

/// Detects the claim in fields already folded (the pipeline folds once for every rule).
pub fn detect_in(fields: &Fields, input: &MessageInput, raw: Option<&RawFacts>) -> ClaimFacts {
    let tb = tables();
    let (name, subject, body) = (&fields.name, &fields.subject, &fields.body);
    let texts = fields.texts();

    // Who is named, and how firmly: the display name or a "Microsoft account" phrase in
    // the subject speak as Microsoft; the phrase in a body may be someone writing about
    // their account; a bare "Microsoft" or product name may be news.
    let name_brand = first_in(&tb.microsoft, &[name])
        .or_else(|| first_in(&tb.products, &[name]))
        .or_else(|| first_in(&tb.teams, &[name]).map(|h| Hit { value: (), evidence: h.evidence }));
    let subject_account = first_in(&tb.account, &[subject]).or_else(|| first_in(&tb.teams, &[subject]));
    let body_account = first_in(&tb.account, &[body]).or_else(|| first_in(&tb.teams, &[body]));
    let template = first_in(&tb.templates, &texts);
    let genuine_subject = first_in(&tb.subjects, &[subject]);
    let subject_brand = first_in(&tb.microsoft, &[subject]);
    // Products count in the subject only: a body's "Sent from Outlook for iOS" or a
    // bounce quoting "X-Mailer: Microsoft Outlook" is no claim.
    let subject_product = first_in(&tb.products, &[subject]);
    let body_brand = first_in(&tb.microsoft, &[body]);
    let body_product = first_in(&tb.products, &[body]);

    let template_or_brand = template.is_some()
        || name_brand.is_some()
        || subject_brand.is_some()
        || subject_product.is_some()
        || body_brand.is_some()
        || body_product.is_some()
        || first_in(&tb.form_products, &fields.all()).is_some();
    let device = device_login(input);
    let page = raw.and_then(attached_sign_in_page);
    if !template_or_brand && device.is_none() && page.is_none() {
        // Nothing names Microsoft: no need to read further (most mail stops here).
        return ClaimFacts::none();
    }

    // What is said.
    let subject_kind = best_kind(&tb.kind_words, subject);
    let body_kind = best_kind(&tb.kind_words, body);
    let labelled = find_code(&tb.labels, fields);
    let lure = first_in(&tb.lures, &fields.all());
    let generic_lure = first_in(&tb.generic_lures, &fields.all());
    let headline_lure = first_in(&tb.lures, &[name, subject]);
    let body_lures: Vec<Evidence> =
        tb.lures.all_in_folded(&body.folded).take(2).map(|(_, s, e)| body.evidence(s, e)).collect();

    let any_kind = subject_kind.is_some() || body_kind.is_some() || labelled.is_some();
    let mut reasons: Vec<Evidence> = Vec::new();
    let kind_evidence = |reasons: &mut Vec<Evidence>| {
        reasons.extend(ev(&subject_kind));
        reasons.extend(ev(&body_kind));
        if let Some(c) = &labelled {
            reasons.push(c.evidence.clone());
        }
    };

    let claimed = if template.is_some() || genuine_subject.is_some() {
        reasons.extend(ev(&genuine_subject));
        reasons.extend(ev(&template));
        reasons.extend(ev(&name_brand));
        true
    } else if name_brand.is_some() && (any_kind || lure.is_some() || generic_lure.is_some()) {
        reasons.extend(ev(&name_brand));
        kind_evidence(&mut reasons);
        if !any_kind {
            reasons.extend(ev(&lure).or(ev(&generic_lure)));
        }
        true
    } else if subject_account.is_some() && (any_kind || lure.is_some()) {
        reasons.extend(ev(&subject_account));
        kind_evidence(&mut reasons);
        if !any_kind {
            reasons.extend(ev(&lure));
        }
        true
    } else if body_account.is_some() && (any_kind || headline_lure.is_some() || body_lures.len() >= 2) {
        reasons.extend(ev(&body_account));
        kind_evidence(&mut reasons);
        if !any_kind {
            reasons.extend(ev(&headline_lure));
            reasons.extend(body_lures);
        }
        true
    } else if (subject_brand.is_some() || subject_product.is_some())
        && (subject_kind.is_some() || labelled.is_some())
        || (body_brand.is_some() || body_product.is_some()) && subject_kind.is_some()
        || body_brand.is_some() && labelled.is_some()
    {
        // A subject naming Microsoft with account wording or a code; a body naming it
        // under an account-security subject; a code labelled under a body naming
        // "Microsoft" itself (a product name there may be a "Sent from Outlook" line).
        reasons.extend(ev(&subject_brand).or(ev(&subject_product)));
        reasons.extend(ev(&body_brand).or(ev(&body_product)));
        kind_evidence(&mut reasons);
        true
    } else if let Some(found) = &device {
        reasons.push(found.clone());
        true
    } else if let Some(found) = &page {
        reasons.push(found.clone());
        true
    } else if let Some(form) = login_form(fields) {
        reasons.extend(form);
        true
    } else if let Some(share) = file_share(fields) {
        reasons.extend(share);
        true
    } else {
        false
    };
    if !claimed {
        return ClaimFacts::none();
    }

    // The kind: the subject says it best, then the code label, then the body.
    let kind = if device.is_some() {
        Claim::SecurityCode
    } else {
        genuine_subject
            .as_ref()
            .map(|h| h.value.1)
            .or(subject_kind.as_ref().map(|h| h.value.1))
            .or(labelled.as_ref().map(|c| c.kind))
            .or(template.as_ref().map(|h| h.value.1))
            .or(body_kind.as_ref().map(|h| h.value.1))
            .unwrap_or(Claim::OtherAccountAlert)
    };
    let language = genuine_subject
        .as_ref()
        .map(|h| h.value.0)
        .or(labelled.as_ref().map(|c| c.lang))
        .or(subject_kind.as_ref().map(|h| h.value.0))
        .or(template.as_ref().map(|h| h.value.0))
        .or(body_kind.as_ref().map(|h| h.value.0))
        .or(subject_account.as_ref().map(|h| h.value))
        .or(body_account.as_ref().map(|h| h.value))
        .or(lure.as_ref().map(|h| h.value));

    // The code: after a specific label, or else after a bare "code" word.
    let code = labelled.or_else(|| find_code_generic(&tb.generic_labels, fields, device.is_some()));
    if let Some(c) = &code {
        reasons.push(c.evidence.clone());
    }
    let mut unique: Vec<Evidence> = Vec::new();
    for e in reasons {
        if !unique.contains(&e) {
            unique.push(e);
        }
    }
    unique.truncate(MAX_CLAIM_EVIDENCE);
    let reasons = unique;

    let long_code_context = fields.all().iter().any(|f| tb.long_code.first_in_folded(&f.folded).is_some());
    ClaimFacts {
        kind,
        code: code.as_ref().map(|c| c.code.clone()),
        language,
        evidence: reasons,
        code_evidence: code.map(|c| c.evidence),
        device_login: device,
        attached_sign_in_page: page,
        long_code_context,
        body_cut: input.body_text.len() > MAX_TEXT_BYTES,
    }
}

fn ev<T>(hit: &Option<Hit<T>>) -> Option<Evidence> {
    hit.as_ref().map(|h| h.evidence.clone())
}

/// A sign-in form written into the body: two form phrases and an Office product named.
fn login_form(fields: &Fields) -> Option<Vec<Evidence>> {
    let tb = tables();
    let body = &fields.body;
    let found: Vec<Evidence> =
        tb.login_form.all_in_folded(&body.folded).map(|(_, s, e)| body.evidence(s, e)).take(2).collect();
    if found.len() < 2 {
        return None;
    }
    let brand = first_in(&tb.microsoft, &fields.all())
        .or_else(|| first_in(&tb.products, &fields.all()))
        .or_else(|| first_in(&tb.form_products, &fields.all()))?;
    let mut out = vec![brand.evidence];
    out.extend(found);
    Some(out)
}

/// A document "shared with you" on a Microsoft file product.
fn file_share(fields: &Fields) -> Option<Vec<Evidence>> {
    let tb = tables();
    let product = first_in(&tb.file_products, &fields.all())?;
    let share = first_in(&tb.share, &fields.texts())?;
    Some(vec![product.evidence, share.evidence])
}

/// The device-login address, in the body text or a link.
fn device_login(input: &MessageInput) -> Option<Evidence> {
    let body = cut(&input.body_text, MAX_TEXT_BYTES);
    // Every device-login address holds "device": most bodies are ruled out in one pass.
    if find_ascii_ci(body, "device").is_some() {
        for needle in t::DEVICE_LOGIN {
            if let Some(at) = find_ascii_ci(body, needle) {
                return Some(evidence(EvidenceSource::Body, "body", &body[at..at + needle.len()]));
            }
        }
    }
    for link in input.links.iter().take(crate::text::html::MAX_LINKS) {
        for (what, text) in [("href", &link.href), ("text", &link.text)] {
            let text = cut(text, 4 * 1024);
            if find_ascii_ci(text, "device").is_none() {
                continue;
            }
            if t::DEVICE_LOGIN.iter().any(|needle| find_ascii_ci(text, needle).is_some()) {
                return Some(evidence(EvidenceSource::Link, format!("link {} {what}", link.index), text));
            }
        }
    }
    None
}

/// An attached web page with a password field that names Microsoft: a fake sign-in page.
/// Pages written out with `unescape('%3C…')` are percent-decoded first.
fn attached_sign_in_page(raw: &RawFacts) -> Option<Evidence> {
    for (name, page) in raw.attachment_pages.iter().take(5) {
        let page = cut(page, MAX_TEXT_BYTES);
        let decoded =
            if find_ascii_ci(page, "%3c").is_some() { percent_decode(page) } else { page.to_string() };
        let lower = decoded.to_ascii_lowercase();
        let password_field = lower.match_indices("password").take(MAX_OCCURRENCES).any(|(at, _)| {
            let mut from = at.saturating_sub(32);
            while !lower.is_char_boundary(from) {
                from -= 1;
            }
            let before: String = lower[from..at]
                .chars()
                .rev()
                .filter(|c| !matches!(c, ' ' | '"' | '\'' | '\\'))
                .take(5)
                .collect();
            before == "=epyt"
        });
        if !password_field {
            continue;
        }
        if let Some(brand) = t::PAGE_BRANDS.iter().find(|b| lower.contains(*b)) {
            return Some(evidence(
                EvidenceSource::Attachment,
                format!("attachment {name}"),
                format!("a sign-in page with a password field that names \"{brand}\""),
            ));
        }
    }
    None
}

/// `%XX` escapes decoded (invalid ones kept as they are), as UTF-8 with replacement.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Finds an ASCII needle in `hay`, ignoring ASCII case.
///
/// The needle's first byte is looked for eight bytes at a time (both cases at once), and
/// only where it occurs is the rest compared: linear in practice, not O(n·m) per needle.
pub fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    find_bytes_ci(hay.as_bytes(), needle.as_bytes())
}

/// [`find_ascii_ci`] over bytes.
pub fn find_bytes_ci(h: &[u8], n: &[u8]) -> Option<usize> {
    let (&first, rest) = n.split_first()?;
    let last_start = h.len().checked_sub(n.len())?;
    let mut from = 0;
    while from <= last_start {
        let at = from + find_byte_ci(h.get(from..=last_start)?, first)?;
        if h.get(at + 1..at + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(rest)) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The first position of `b` in `h`, ignoring ASCII case (a word-at-a-time scan).
pub fn find_byte_ci(h: &[u8], b: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let (lower, upper) = (b.to_ascii_lowercase(), b.to_ascii_uppercase());
    let (a, z) = (ONES * u64::from(lower), ONES * u64::from(upper));
    // Whether any byte of `x` is zero (exact: no false alarms on the question "any?").
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let mut chunks = h.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if zero(w ^ a) || zero(w ^ z) {
            return chunk.iter().position(|&c| c == lower || c == upper).map(|p| base + p);
        }
        base += 8;
    }
    chunks.remainder().iter().position(|&c| c == lower || c == upper).map(|p| base + p)
}

/// A code found after a label.
struct FoundCode {
    kind: Claim,
    lang: &'static str,
    code: String,
    evidence: Evidence,
}

fn find_code(labels: &Table<Tag>, fields: &Fields) -> Option<FoundCode> {
    for field in [&fields.body, &fields.subject] {
        for (pattern, (lang, kind)) in &labels.entries {
            if let Some((code, evidence)) = code_in(pattern, field, false) {
                return Some(FoundCode { kind: *kind, lang, code, evidence });
            }
        }
    }
    None
}

/// A code after a bare "code" word; `letters_ok` for device codes.
fn find_code_generic(labels: &Table<()>, fields: &Fields, letters_ok: bool) -> Option<FoundCode> {
    for field in [&fields.body, &fields.subject] {
        for (pattern, ()) in &labels.entries {
            if let Some((code, evidence)) = code_in(pattern, field, letters_ok) {
                return Some(FoundCode { kind: Claim::SecurityCode, lang: "", code, evidence });
            }
        }
    }
    None
}

/// The first code after an occurrence of `label` in `field`, quoted with its label.
fn code_in(label: &Pattern, field: &Field, letters_ok: bool) -> Option<(String, Evidence)> {
    let folded = &field.folded;
    label.find_in(folded).find_map(|(start, end)| {
        let (code, stop) = code_after_with(folded.source, folded.source_offset(end), letters_ok)?;
        let from = folded.map.get(start).map_or(0, |&o| o as usize);
        let quote = folded.source.get(from..stop).unwrap_or(code.as_str());
        let found = evidence(field.source, field.location, quote);
        Some((code, found))
    })
}

/// The code right after a label at byte `from` of `source`: separators (`:`, `：`, spaces,
/// NBSP, dashes), at most two filler words ("is", "est", "lautet"), then 4–16 letters or
/// digits with at least one digit (groups joined by `-` as device codes are, or
/// `123 456`). Returns the code (full-width digits made ASCII) and where it ends.
pub fn code_after(source: &str, from: usize) -> Option<(String, usize)> {
    code_after_with(source, from, false)
}

fn code_after_with(source: &str, from: usize, letters_ok: bool) -> Option<(String, usize)> {
    let rest = source.get(from..)?;
    let window = cut(rest, 160);
    let fillers = &tables().fillers;
    let mut pos = 0;
    let mut words_skipped = 0;
    loop {
        let tail = &window[pos..];
        let skip: usize = tail
            .char_indices()
            .find(|&(_, c)| !(c.is_whitespace() || is_ignorable(c) || is_code_separator(c)))
            .map_or(tail.len(), |(i, _)| i);
        pos += skip;
        let tail = &window[pos..];
        let word_len =
            tail.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(tail.len(), |(i, _)| i);
        if word_len == 0 {
            return None;
        }
        let word = tail[..word_len].to_lowercase();
        if words_skipped < 2 {
            if fillers.contains(&word) {
                pos += word_len;
                words_skipped += 1;
                continue;
            }
            // Wide-script fillers glue onto the code ("は123456"): skip just the filler.
            if let Some(f) = fillers.iter().find(|f| is_wide_str(f) && tail.starts_with(f.as_str())) {
                pos += f.len();
                words_skipped += 1;
                continue;
            }
        }
        return read_code(tail, letters_ok).map(|(code, len)| (code, from + pos + len));
    }
}

fn is_wide_str(s: &str) -> bool {
    s.chars().next().is_some_and(is_wide)
}

fn is_code_separator(c: char) -> bool {
    matches!(
        c,
        ':' | '：'
            | '-'
            | '–'
            | '—'
            | '='
            | '"'
            | '\''
            | '“'
            | '”'
            | '«'
            | '»'
            | '('
            | '['
            | '*'
            | '>'
            | '「'
    )
}

/// Reads a code token at the start of `s`. Without `letters_ok` it needs a digit; with
/// it (device codes such as `ABCD-EFGH`) capital letters alone will do.
fn read_code(s: &str, letters_ok: bool) -> Option<(String, usize)> {
    let mut code = String::new();
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    let mut group_digits_only = true;
    let mut group_len = 0;
    let mut space_joined = false;
    while let Some((i, c)) = chars.next() {
        let c = width_fold(c);
        if c.is_ascii_alphanumeric() {
            code.push(c);
            group_len += 1;
            group_digits_only &= c.is_ascii_digit();
            end = i + s[i..].chars().next().map_or(1, char::len_utf8);
        } else if c == '-' || c == ' ' {
            // Join `ABCD-EFGH` and `123 456`, nothing looser.
            let next = chars.peek().map(|&(_, n)| width_fold(n));
            let join = match c {
                '-' => next.is_some_and(|n| n.is_ascii_alphanumeric()),
                _ => {
                    !space_joined
                        && group_digits_only
                        && group_len == 3
                        && next.is_some_and(|n| n.is_ascii_digit())
                        && s[i..].chars().skip(1).take_while(|c| width_fold(*c).is_ascii_digit()).count() == 3
                }
            };
            if !join {
                break;
            }
            if c == '-' {
                code.push('-');
            } else {
                space_joined = true;
            }
            group_len = 0;
            group_digits_only = true;
        } else {
            break;
        }
        if code.len() > 24 {
            return None;
        }
    }
    // A letter right after the token (`123456abc…` in a longer word) means it is not a code.
    if s[end..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let plain = code.chars().filter(char::is_ascii_alphanumeric).count();
    let has_digit = code.chars().any(|c| c.is_ascii_digit());
    let capitals = letters_ok && plain >= 6 && !code.chars().any(|c| c.is_ascii_lowercase());
    if (4..=16).contains(&plain) && (has_digit || capitals) {
        Some((code.trim_end_matches('-').to_string(), end))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(hay: &str, needle: &str) -> Option<usize> {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        if n.is_empty() || n.len() > h.len() {
            return None;
        }
        (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
    }

    #[test]
    fn fast_search_agrees_with_the_naive_one() {
        let hays = [
            "",
            "d",
            "Device",
            "xxxxxxxxDEVICELOGINxx",
            "aka.ms/DeviceLogin and microsoft.com/devicelogin",
            "ééé%3C%3c€€ device dévice",
            "0123456789abcdefdevice",
            "devic",
            "Sign in at https://MICROSOFT.COM/DEVICELOGIN now",
        ];
        let needles =
            ["device", "d", "%3c", "microsoft.com/devicelogin", "ce", "é", "zz", "0123456789abcdefdevice"];
        for hay in hays {
            for needle in needles {
                assert_eq!(find_ascii_ci(hay, needle), naive(hay, needle), "{hay:?} {needle:?}");
            }
        }
        // Every offset and length of a longer text.
        let text = "The quick brown Fox jumps over the lazy dog; FOX fox fOx. Ünïcödé fox";
        for start in 0..text.len() {
            for end in start..=text.len() {
                if let Some(needle) = text.get(start..end).filter(|n| n.is_ascii()) {
                    assert_eq!(find_ascii_ci(text, needle), naive(text, needle));
                }
            }
        }
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_general_rules() {
        for b in 0u8..0x80 {
            let c = b as char;
            assert_eq!(is_ascii_separator(b), is_separator(c), "{c:?}");
            assert!(!is_ignorable(c) && !is_wide(c));
            assert_eq!(width_fold(confusable(c)), c);
            let lower: Vec<char> = c.to_lowercase().map(confusable).collect();
            assert_eq!(lower, vec![b.to_ascii_lowercase() as char]);
        }
    }

    /// The char-by-char fold this module had before its fast paths, kept as the reference.
    fn reference_fold(source: &str, skip_addresses: bool) -> (String, Vec<u32>, Vec<u64>, bool) {
        let source = cut(source, MAX_TEXT_BYTES);
        let skipped = if skip_addresses { reference_address_tokens(source) } else { Vec::new() };
        let mut skip_iter = skipped.iter().peekable();
        let mut text = String::new();
        let mut map: Vec<u32> = Vec::new();
        let mut pending_space = false;
        let mut space_at = 0;
        let mut last: Option<char> = None;
        for (at, raw) in source.char_indices() {
            while skip_iter.peek().is_some_and(|&&(_, end)| end <= at) {
                skip_iter.next();
            }
            if skip_iter.peek().is_some_and(|&&(start, end)| start <= at && at < end) {
                if !pending_space {
                    pending_space = true;
                    space_at = at;
                }
                continue;
            }
            if is_ignorable(raw) {
                continue;
            }
            let c = width_fold(confusable(raw));
            if is_separator(c) {
                if !pending_space {
                    pending_space = true;
                    space_at = at;
                }
                continue;
            }
            for lc in c.to_lowercase() {
                let lc = confusable(lc);
                if pending_space {
                    pending_space = false;
                    if last.is_some_and(|p| !is_wide(p) && !is_wide(lc)) {
                        text.push(' ');
                        map.push(space_at as u32);
                    }
                }
                let before = text.len();
                text.push(lc);
                map.extend(std::iter::repeat_n(at as u32, text.len() - before));
                last = Some(lc);
            }
        }
        let mut words = Vec::new();
        let mut has_wide = false;
        for word in text.split(|c: char| {
            has_wide |= is_wide(c);
            !is_word(c)
        }) {
            if !word.is_empty() {
                words.push(word_entry(
                    word_hash(word),
                    (word.as_ptr() as usize - text.as_ptr() as usize) as u32,
                ));
            }
        }
        words.sort_unstable();
        (text, map, words, has_wide)
    }

    fn reference_address_tokens(source: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        let flush = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
            let token = &source[s..e];
            let lower_www = token.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."));
            if token.contains("://") || token.contains('@') || lower_www {
                out.push((s, e));
            }
        };
        for (at, c) in source.char_indices() {
            let split = c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '"' | '[' | ']');
            match (split, start) {
                (true, Some(s)) => {
                    flush(s, at, &mut out);
                    start = None;
                }
                (false, None) => start = Some(at),
                _ => {}
            }
        }
        if let Some(s) = start {
            flush(s, source.len(), &mut out);
        }
        out
    }

    fn assert_folds_like_reference(text: &str) {
        for skip in [false, true] {
            let f = fold(text, skip);
            assert_eq!(address_tokens(text), reference_address_tokens(text), "{text:?}");
            let (t, m, w, wide) = reference_fold(text, skip);
            assert_eq!((&f.text, &f.map, &f.words, f.has_wide), (&t, &m, &w, wide), "{text:?} skip={skip}");
        }
    }

    #[test]
    fn fold_agrees_with_the_char_by_char_reference() {
        for text in [
            "",
            " ",
            "Microsoft account security code: 123456",
            "Mi\u{200b}cro\u{200b}soft  ＡＣＣＯＵＮＴ -- Ѕесurіtу соdе!!",
            "Visit https://go.microsoft.com/fwlink?x=1 or write to a@b.example (www.Example.com) now",
            "セキュリティ コード: 123456 です。Microsoft アカウント",
            "İstanbul ΣΟΦΙΑ ß ﬁ ǅ 𝐌𝐢𝐜𝐫𝐨𝐬𝐨𝐟𝐭 Ⓜⓘⓒⓡⓞ",
            "a\u{a0}b\u{3000}c\u{2028}d\u{85}e — f – g ‘h’ “i” «j» (k) [l]",
            "x@y\u{a0}www.z.test\u{2003}http://q a://b <mailto:c@d>",
            "trailing separators ... ---",
            "ÉCRIVEZ-NOUS: café, naïve, Ærø; Код безопасности",
        ] {
            assert_folds_like_reference(text);
        }
        // A pseudo-random walk over a mix of ASCII, separators, invisible, wide and
        // look-alike characters.
        let alphabet: Vec<char> =
            "aZ09 .-@:/_w\t\n<>()\"[]éÉßİΣсМ\u{200b}\u{feff}\u{a0}\u{3000}ｱア漢한ＡⓂ𝐀—·ǅﬁ".chars().collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            state = state.wrapping_add(1);
            assert_folds_like_reference(&text);
        }
    }

    #[test]
    fn looking_up_by_word_finds_what_scanning_finds() {
        let tb = tables();
        let patterns: Vec<&Pattern> = [&tb.microsoft, &tb.products, &tb.generic_labels, &tb.login_form]
            .iter()
            .flat_map(|table| table.entries.iter().map(|(p, _)| p))
            .chain(
                [&tb.subjects, &tb.templates, &tb.labels, &tb.kind_words]
                    .iter()
                    .flat_map(|t| t.entries.iter().map(|(p, _)| p)),
            )
            .chain(tb.account.entries.iter().chain(&tb.lures.entries).map(|(p, _)| p))
            .collect();
        assert!(patterns.iter().any(|p| p.words.is_empty()) && patterns.iter().any(|p| p.words.len() > 1));
        let mut found = 0;
        for p in &patterns {
            // The phrase alone, glued to letters on either side, inside a sentence, twice,
            // and in the middle of an unrelated table phrase.
            let t: &str = &p.text;
            let other: &str = &patterns[(t.len() * 7) % patterns.len()].text;
            for hay in [
                t.to_string(),
                format!("x{t}"),
                format!("{t}s"),
                format!("Your {t}: 123456, {t}!"),
                format!("{other} {t} {other}{t}"),
            ] {
                let folded = fold(&hay, false);
                let by_word: Vec<_> = p.find_in(&folded).collect();
                let by_scan: Vec<_> = p.find_iter(&folded.text).collect();
                assert_eq!(by_word, by_scan, "{t:?} in {hay:?}");
                found += by_word.len();
            }
        }
        assert!(found > patterns.len() * 4, "the phrases were found ({found})");
    }

    #[test]
    fn every_device_login_address_holds_device() {
        // `device_login` rules a body out by the word "device" before the full search.
        assert!(t::DEVICE_LOGIN.iter().all(|n| find_ascii_ci(n, "device").is_some()));
    }
}
