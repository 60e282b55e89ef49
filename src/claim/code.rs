//! The code a message carries: the first code right after a label ("Security code:",
//! "セキュリティ コード:", "Votre code à usage unique est :"), in the body first, then the
//! subject.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{evidence, Claim, Evidence};
use crate::tables::claims as t;
use crate::text::cut;
use crate::text::fold::is_wide;
use crate::text::phrases::PhraseId;
use crate::text::unicode::{self, Class};

use super::fields::{Field, Fields};
use super::phrases::{Table, Tag};

/// A code found after a label.
pub struct FoundCode {
    pub kind: Claim,
    pub lang: &'static str,
    pub code: String,
    pub evidence: Evidence,
}

/// The first code after a label of `labels`, body first, in table order.
pub fn find_code(labels: &Table<Tag>, fields: &Fields) -> Option<FoundCode> {
    for field in [&fields.body, &fields.subject] {
        for &(id, (lang, kind)) in &labels.entries {
            if let Some((code, evidence)) = code_in(id, field, false) {
                return Some(FoundCode { kind, lang, code, evidence });
            }
        }
    }
    None
}

/// A code after a bare "code" word; `letters_ok` for device codes.
pub fn find_code_generic(labels: &Table<()>, fields: &Fields, letters_ok: bool) -> Option<FoundCode> {
    for field in [&fields.body, &fields.subject] {
        for &(id, ()) in &labels.entries {
            if let Some((code, evidence)) = code_in(id, field, letters_ok) {
                return Some(FoundCode { kind: Claim::SecurityCode, lang: "", code, evidence });
            }
        }
    }
    None
}

/// The first code after an occurrence of the label `id` in `field`, quoted with its label.
fn code_in(id: PhraseId, field: &Field, letters_ok: bool) -> Option<(String, Evidence)> {
    let folded = &field.folded;
    field.matches(id).find_map(|(start, end)| {
        let (code, stop) = code_after_with(folded.source, folded.source_offset(end), letters_ok)?;
        let from = folded.source_offset(start);
        let found =
            evidence(field.source, field.location, folded.source.get(from..stop).unwrap_or(code.as_str()));
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
    let mut pos = 0;
    let mut words_skipped = 0;
    loop {
        let tail = &window[pos..];
        let skip: usize = tail
            .char_indices()
            .find(|&(_, c)| !(c.is_whitespace() || unicode::is_invisible(c) || is_code_separator(c)))
            .map_or(tail.len(), |(i, _)| i);
        pos += skip;
        let tail = &window[pos..];
        let word_len =
            tail.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(tail.len(), |(i, _)| i);
        if word_len == 0 {
            return None;
        }
        if words_skipped < 2 {
            let word = tail[..word_len].to_lowercase();
            if fillers().contains(&word) {
                pos += word_len;
                words_skipped += 1;
                continue;
            }
            // Wide-script fillers glue onto the code ("は123456"): skip just the filler.
            if let Some(f) = t::CODE_FILLERS
                .iter()
                .find(|f| f.chars().next().is_some_and(is_wide) && tail.starts_with(**f))
            {
                pos += f.len();
                words_skipped += 1;
                continue;
            }
        }
        return read_code(tail, letters_ok).map(|(code, len)| (code, from + pos + len));
    }
}

/// The filler words, lower case.
fn fillers() -> &'static [String] {
    static FILLERS: OnceLock<Vec<String>> = OnceLock::new();
    FILLERS.get_or_init(|| t::CODE_FILLERS.iter().map(|f| f.to_lowercase()).collect())
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

/// The shape of a code token: `123 456` (two groups of three digits), or letters and
/// digits in groups joined by `-` (`ABCD-EFGH`).
fn code_shape() -> &'static Regex {
    static SHAPE: OnceLock<Regex> = OnceLock::new();
    SHAPE.get_or_init(|| {
        Regex::new(r"^(?:[0-9]{3} [0-9]{3}|[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)")
            .expect("the code shape is a valid regex")
    })
}

/// Reads a code token at the start of `s`. Without `letters_ok` it needs a digit; with
/// it (device codes such as `ABCD-EFGH`) capital letters alone will do. Full-width
/// letters and digits read as ASCII (Japanese mail writes codes that way).
fn read_code(s: &str, letters_ok: bool) -> Option<(String, usize)> {
    // The token in ASCII, with where each ASCII byte came from in `s`.
    let mut ascii = String::new();
    let mut ends = Vec::new();
    for (i, c) in s.char_indices().take(40) {
        let a = match unicode::fold_char(c) {
            Some((w, Class::Width | Class::Compat)) if w.len() == 1 => {
                w.chars().next().map(|w| if c.is_uppercase() { w.to_ascii_uppercase() } else { w })
            }
            None if c.is_ascii() => Some(c),
            _ => None,
        };
        let Some(a) = a else { break };
        ascii.push(a);
        ends.push(i + c.len_utf8());
    }
    let found = code_shape().find(&ascii)?;
    let code = found.as_str();
    if code.len() > 24 {
        return None;
    }
    let end = ends[found.end() - 1];
    // A letter right after the token (`123456abc…` in a longer word) means it is not a code.
    if s[end..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let plain = code.chars().filter(char::is_ascii_alphanumeric).count();
    let has_digit = code.chars().any(|c| c.is_ascii_digit());
    let capitals = letters_ok && plain >= 6 && !code.chars().any(|c| c.is_ascii_lowercase());
    if (4..=16).contains(&plain) && (has_digit || capitals) {
        Some((code.replace(' ', ""), end))
    } else {
        None
    }
}
