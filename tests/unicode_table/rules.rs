//! What each character folds to, and why: the rules of `src/text/unicode.rs`'s table, applied
//! to the Unicode data (`ucd`) and to UTS #39's confusables (the `unicode-security` crate).

use std::collections::{BTreeMap, HashMap};
use std::ops::RangeInclusive;

use codeguard::text::unicode::Class;
use unicode_security::skeleton;

use crate::ucd::{Entry, Ucd};

/// Every folded character: code point → (folded text, class).
pub type FoldMap = BTreeMap<u32, (String, Class)>;

/// Look-alikes lures use that confusables.txt does not take to a Latin letter (it maps them to
/// another non-Latin shape, or not at all). Each one reads as that letter in mail fonts.
const SUPPLEMENT: &[(char, &str)] = &[
    ('ʍ', "m"), // turned w, where confusables sends Cyrillic м and Cherokee ꮇ: an m in mail fonts
    ('ĸ', "k"), // kra, where confusables sends Cyrillic к: a small-capital K
    ('β', "b"), // Greek beta: confusables gives ß; lures use it for b
    ('ε', "e"), // Greek epsilon: confusables gives ɛ (open e); an e in mail fonts
    ('μ', "m"), // Greek mu (and the micro sign): unmapped; lures use it for m
    ('ζ', "z"), // Greek zeta: unmapped; a z with a tail
    ('η', "h"), // Greek eta: confusables gives n, but case folds first and capital Η is an H
    ('χ', "x"), // Greek chi: confusables maps only the capital Χ, and case folds first
    ('ғ', "f"), // Cyrillic ghe with stroke: confusables gives r; the stroke makes it an f
];

/// Korean keeps its typed forms: syllables are never decomposed (the brief) and the
/// compatibility jamo (ㅋㅋ typed alone) are not taken apart into conjoining jamo either;
/// half-width Hangul still folds to them.
const HANGUL_SYLLABLES: RangeInclusive<u32> = 0xAC00..=0xD7A3;
const HANGUL_COMPAT_JAMO: RangeInclusive<u32> = 0x3130..=0x318F;

/// Compatibility forms of non-Latin writing that NFKD maps to other non-Latin characters
/// (CJK compatibility ideographs, Kangxi and CJK radicals, enclosed and squared CJK, Arabic
/// presentation forms): left as written unless they fold to Latin letters or digits. No
/// Microsoft name or claim is disguised with them, and they were 2,400 chars of the table.
const LEFT_AS_WRITTEN: &[RangeInclusive<u32>] =
    &[0x2E80..=0x2FDF, 0x3200..=0x33FF, 0xF900..=0xFAFF, 0xFB50..=0xFDFF, 0xFE70..=0xFEFF, 0x2F800..=0x2FA1F];

/// Invisible besides Default_Ignorable_Code_Point (all inside it in Unicode 15; named so a
/// change there cannot let one of them through): bidi controls, Mongolian and standard
/// variation selectors, tag characters and the Hangul fillers.
const INVISIBLE: &[RangeInclusive<u32>] = &[
    0x061C..=0x061C,
    0x200E..=0x200F,
    0x202A..=0x202E,
    0x2066..=0x2069,
    0x180B..=0x180F,
    0xFE00..=0xFE0F,
    0xE0100..=0xE01EF,
    0xE0000..=0xE007F,
    0x115F..=0x1160,
    0x3164..=0x3164,
    0xFFA0..=0xFFA0,
];

/// Scripts whose letters never stand in for Latin ones: CJK stays as written (confusables
/// would read 〇 as O, 丨 as l). Right-to-left letters are left too (`latin_shape`): they
/// reorder the line around them, so inside a Latin word they show as what they are, and
/// Arabic ا → l would garble Arabic.
const NEVER_LATIN: &[&str] = &["Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"];

pub struct Rules<'a> {
    ucd: &'a Ucd,
    /// Multi-char skeletons of ASCII chars ("''" for `"`, "rn" for m): a char with that
    /// prototype reads as the ASCII char itself.
    ascii_skeletons: HashMap<String, char>,
}

impl<'a> Rules<'a> {
    pub fn new(ucd: &'a Ucd) -> Rules<'a> {
        let ascii_skeletons = (' '..='~')
            .map(|a| (skeleton(&a.to_string()).collect::<String>(), a))
            .filter(|(s, _)| s.chars().count() > 1)
            .collect();
        Rules { ucd, ascii_skeletons }
    }

    pub fn fold_map(&self) -> FoldMap {
        (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter_map(|c| self.fold(c).map(|f| (c as u32, f)))
            .collect()
    }

    /// The folded text of `c` and why; `None` when it is its own lower case.
    pub fn fold(&self, c: char) -> Option<(String, Class)> {
        let cp = c as u32;
        if c.is_ascii() || HANGUL_SYLLABLES.contains(&cp) {
            return None;
        }
        if self.is_invisible(cp) {
            return Some((String::new(), Class::Invisible));
        }
        let entry = self.ucd.entry(cp)?;
        if is_mark(entry) {
            return Some((String::new(), Class::Mark));
        }
        if entry.category == "Zs" {
            // Every space is a space, whatever its width.
            return Some((" ".to_string(), Class::Width));
        }
        let mut class = None;
        let mut parts = Vec::new();
        self.decompose(c, &mut parts, &mut class);
        parts.retain(|&p| !self.drops(p));
        if parts.is_empty() {
            // Only marks once decomposed (the half-width voiced sound marks).
            return Some((String::new(), Class::Mark));
        }
        if parts.iter().all(|&p| p == ' ') {
            // A spacing accent (¨ ´ ˜) is a space plus a mark in NFKD: it reads as itself.
            class = None;
            parts = vec![c];
        }
        let mut out = String::new();
        for &p in &parts {
            self.fold_letter(p, &mut out, &mut class);
        }
        if LEFT_AS_WRITTEN.iter().any(|r| r.contains(&cp)) && !out.bytes().any(|b| b.is_ascii_alphanumeric())
        {
            return None;
        }
        let compatibility = matches!(entry.decomposition, Some((Some(_), _)));
        if compatibility && parts.len() == 1 && !parts[0].is_ascii() {
            // A look-alike reads as what it shows, not as what its compatibility mapping
            // makes of it: lunate ϲ and Ϲ show a c, their mappings ς and Σ do not.
            let mut own = String::new();
            let mut own_class = class;
            self.fold_letter(c, &mut own, &mut own_class);
            if own.is_ascii() {
                (out, class) = (own, own_class);
            }
        }
        if out == c.to_lowercase().collect::<String>() {
            return None;
        }
        Some((out, class.expect("a char that folds to something else has a class")))
    }

    fn is_invisible(&self, cp: u32) -> bool {
        self.ucd.is_default_ignorable(cp) || INVISIBLE.iter().any(|r| r.contains(&cp))
    }

    /// Dropped from a decomposition: marks and ignorables.
    fn drops(&self, c: char) -> bool {
        self.is_invisible(c as u32) || self.ucd.entry(c as u32).is_some_and(is_mark)
    }

    /// NFKD, recursively, raising `class` by the kind of each decomposition.
    fn decompose(&self, c: char, parts: &mut Vec<char>, class: &mut Option<Class>) {
        let cp = c as u32;
        match self.ucd.entry(cp).and_then(|e| e.decomposition.as_ref()) {
            Some((tag, mapping)) if !HANGUL_COMPAT_JAMO.contains(&cp) => {
                let marked = mapping.iter().any(|&m| self.drops(m));
                let kind = match tag.as_deref() {
                    Some("wide" | "narrow" | "noBreak") => Class::Width,
                    Some(_) => Class::Compat,
                    // A symbol with a mark drawn through it is another symbol (≠ is not =).
                    None if marked && !self.ucd.entry(cp).is_some_and(|e| e.category.starts_with('L')) => {
                        parts.push(c);
                        return;
                    }
                    // Canonical: a letter with its accents, or a singleton (K for the Kelvin
                    // sign, a CJK compatibility ideograph) that is another code for one glyph.
                    None if marked => Class::Accent,
                    None => Class::Compat,
                };
                raise(class, kind);
                for &m in mapping {
                    self.decompose(m, parts, class);
                }
            }
            _ => parts.push(c),
        }
    }

    /// One char of a decomposition, folded into `out`: digits to ASCII, spaces to ' ',
    /// the rest lower-cased and then look-alikes to their Latin letter.
    fn fold_letter(&self, c: char, out: &mut String, class: &mut Option<Class>) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            return;
        }
        let entry = self.ucd.entry(c as u32).expect("decompositions map to assigned chars");
        if let (Some(d), "Nd") = (entry.digit, entry.category.as_str()) {
            // Any script's decimal digit is that digit: a code written in them stays a code
            // (confusables would read Arabic-Indic ٠ as '.' and Devanagari ० as o).
            out.push(char::from(b'0' + d));
            raise(class, Class::Width);
            return;
        }
        // Lower case first, so a capital folds like its small letter (Ν like ν, to v).
        for l in c.to_lowercase() {
            match self.lookalike(l) {
                Some((latin, kind)) => {
                    out.push_str(&latin);
                    raise(class, kind);
                }
                None => out.push(l),
            }
        }
    }

    /// The ASCII that `c` (a non-ASCII, non-mark char) reads as, lower case, and its class.
    fn lookalike(&self, c: char) -> Option<(String, Class)> {
        let ascii = self.latin_shape(c)?;
        let cp = c as u32;
        let kind = if !ascii.chars().any(|a| a.is_ascii_alphanumeric()) {
            // Typographic punctuation (’ “ – ‐): ordinary typing.
            Class::Width
        } else if self.ucd.script(cp) != "Latin" {
            Class::Confusable
        } else if self.ucd.entry(cp).is_some_and(|e| small_capital(e).is_none()) && is_alphabet_letter(c) {
            // A letter of some language's alphabet: ø ł đ (a stroke NFKD does not take off),
            // Turkish ı, Hausa ɓ ɗ.
            Class::Accent
        } else {
            // Small capitals and the phonetic letters no alphabet has (ʟ ᴦ).
            Class::Compat
        };
        Some((ascii, kind))
    }

    /// The ASCII that `c` reads as: the supplement, a small capital's letter, or its UTS #39
    /// prototype when that is ASCII once marks are dropped.
    fn latin_shape(&self, c: char) -> Option<String> {
        let cp = c as u32;
        let entry = self.ucd.entry(cp)?;
        if let Some(&(_, latin)) = SUPPLEMENT.iter().find(|s| s.0 == c) {
            return Some(latin.to_string());
        }
        if let Some(letters) = small_capital(entry) {
            return Some(letters);
        }
        if NEVER_LATIN.contains(&self.ucd.script(cp)) || matches!(entry.bidi.as_str(), "R" | "AL") {
            return None;
        }
        let shape: String = skeleton(&c.to_string()).filter(|&p| !self.drops(p)).collect();
        if !shape.chars().all(|p| p.is_ascii_graphic()) {
            // A non-Latin prototype (к → ĸ, н → ʜ): that shape's own reading, if it has one.
            let mut chars = shape.chars();
            return match (chars.next(), chars.next()) {
                (Some(p), None) if p != c => self.latin_shape(p),
                _ => None,
            };
        }
        if let Some(&a) = self.ascii_skeletons.get(&shape) {
            return Some(a.to_string());
        }
        if shape.chars().any(|p| p.is_ascii_alphanumeric()) {
            // A hook or stroke drawn as an apostrophe (Ɓ → 'B, ґ → r') is part of the letter.
            Some(shape.replace('\'', "").to_ascii_lowercase())
        } else if shape.is_empty() || (entry.category.starts_with('L') && entry.category != "Lm") {
            // A letter shaped like punctuation (Armenian ֆ like $, ʔ like ?) reads as a letter.
            None
        } else {
            Some(shape)
        }
    }
}

/// A Latin letter of some language's alphabet: those of the Latin-1, Extended-A and -B and
/// Extended Additional blocks, and elsewhere the letters with a case pair (an orthography
/// gave them a capital), as against phonetic-only letters.
fn is_alphabet_letter(c: char) -> bool {
    let paired = c.to_uppercase().ne(std::iter::once(c)) || c.to_lowercase().ne(std::iter::once(c));
    paired || matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

/// "LATIN LETTER SMALL CAPITAL G" → "g" (and AE, OE, OU to two letters).
fn small_capital(entry: &Entry) -> Option<String> {
    let (script, letters) = entry.name.split_once(" SMALL CAPITAL ")?;
    let letters = letters.strip_prefix("LETTER ").unwrap_or(letters);
    let latin = script == "LATIN LETTER" || script == "LATIN CAPITAL LETTER" || script == "LATIN";
    (latin && letters.len() <= 2 && letters.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| letters.to_ascii_lowercase())
}

fn is_mark(entry: &Entry) -> bool {
    entry.category.starts_with('M')
}

fn raise(class: &mut Option<Class>, to: Class) {
    *class = Some(class.map_or(to, |c| c.max(to)));
}
