//! One normalization per character, so a disguised text folds like the plain one it shows:
//! compatibility forms to their letters (NFKD), combining marks and invisible characters
//! dropped, digits of every script to ASCII digits and letters of other scripts that look
//! Latin to that Latin letter (UTS #39 confusables), all in lower case, each with the
//! [`Class`] of what was done.
//!
//! The table (`unicode_table.rs`) is generated from Unicode's data files by
//! `tests/unicode_table/`, whose test fails when the file differs from what it generates.

#[rustfmt::skip]
#[path = "unicode_table.rs"]
mod table;

/// The Unicode versions of the data the table was generated from: the UCD files of Debian's
/// `unicode-data` package (UnicodeData, DerivedCoreProperties, Scripts) and the confusables
/// of the `unicode-security` crate.
pub const UNICODE_VERSION: &str = table::UNICODE_VERSION;

/// What the normalization did to a character: decides whether it was a disguise.
/// Ordered from the most benign; where several apply to one char, the table gives the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Full-width / half-width forms, ideographic space (ordinary CJK typing: benign); also
    /// other spaces, other scripts' decimal digits and typographic punctuation (’ – ‐ → ' -),
    /// which are ordinary typing too.
    Width,
    /// A precomposed letter with a diacritic (é → e): ordinary writing, a disguise only inside
    /// a brand. Also the alphabet letters that read as a plain one without decomposing
    /// (ø ł đ ı).
    Accent,
    /// Decorative compatibility forms: mathematical alphanumerics, circled/parenthesized letters,
    /// small capitals, superscripts, ligatures, letterlike symbols (NFKD does the rest).
    Compat,
    /// A letter of another script that looks Latin (UTS #39 confusables to Latin letters/digits).
    Confusable,
    /// A combining mark (general category M): dropped.
    Mark,
    /// A default-ignorable / format character (zero-width, soft hyphen, word joiner, bidi
    /// controls, variation selectors, tag characters, Hangul fillers…): dropped.
    Invisible,
}

/// The table's class numbers (`Class as u8`, which the generator writes).
const CLASSES: [Class; 6] =
    [Class::Width, Class::Accent, Class::Compat, Class::Confusable, Class::Mark, Class::Invisible];

/// The folded form of `c`, lower case, and why; `None` when `c` folds to its own lower case
/// (the caller lower-cases it). `Some(("", Class::Mark | Class::Invisible))` drops it.
/// ASCII is never in the table (the caller's fast path relies on it).
pub fn fold_char(c: char) -> Option<(&'static str, Class)> {
    if c.is_ascii() {
        return None;
    }
    let cp = c as u32;
    // The last block starting at or before `cp` (blocks never overlap).
    let b = table::FIRSTS.partition_point(|&first| first <= cp).checked_sub(1)?;
    let index = cp - table::FIRSTS.get(b)?;
    if index >= u32::from(*table::COUNTS.get(b)?) {
        return None;
    }
    let kind = *table::KINDS.get(b)?;
    let width = usize::from(kind >> 3);
    let class = *CLASSES.get(usize::from(kind & 7))?;
    let start = usize::from(*table::OFFSETS.get(b)?) + index as usize * width;
    // `get`: a table fault gives no fold rather than a panic (the table test rules it out).
    Some((table::POOL.get(start..start + width)?, class))
}

/// Whether `c` is dropped as invisible (what [`fold_char`] gives [`Class::Invisible`]).
pub fn is_invisible(c: char) -> bool {
    matches!(fold_char(c), Some((_, Class::Invisible)))
}

/// Whether `c` is dropped as a combining mark (what [`fold_char`] gives [`Class::Mark`]).
pub fn is_mark(c: char) -> bool {
    matches!(fold_char(c), Some((_, Class::Mark)))
}
