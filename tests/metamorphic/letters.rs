//! The normalization classes a fake puts on a word, each one function from a word to its
//! disguise. Chars a class has no form for (kana in a Latin-only class) stay as they are.

/// Each letter followed by `marks`.
fn marked(word: &str, marks: &[char]) -> String {
    word.chars()
        .flat_map(|c| std::iter::once(c).chain(marks.iter().copied().filter(move |_| c.is_alphanumeric())))
        .collect()
}

/// The chars of `word` with `between(i)` inserted between the i-th and the next.
fn interleaved(word: &str, between: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    for (i, c) in word.chars().enumerate() {
        if i > 0 {
            out.push_str(&between(i - 1));
        }
        out.push(c);
    }
    out
}

/// Each char through `map` (unmapped chars stay).
fn mapped(word: &str, map: impl Fn(char) -> Option<char>) -> String {
    word.chars().map(|c| map(c).unwrap_or(c)).collect()
}

fn offset(c: char, base: u32) -> Option<char> {
    char::from_u32(base + c as u32)
}

/// U+0336 (long stroke overlay) on every letter: M̶i̶c̶r̶o̶s̶o̶f̶t̶.
pub fn combining_stroke(word: &str) -> String {
    marked(word, &['\u{0336}'])
}

/// Three stacked marks on every letter.
pub fn combining_stack(word: &str) -> String {
    marked(word, &['\u{030A}', '\u{0306}', '\u{0323}'])
}

/// Cyrillic letters that look Latin.
pub fn cyrillic(word: &str) -> String {
    mapped(word, |c| {
        let i = "aceopxyisjhMCAEOPTHKBX".find(c)?;
        "асеорхуіѕјһМСАЕОРТНКВХ".chars().nth("aceopxyisjhMCAEOPTHKBX"[..i].chars().count())
    })
}

/// Greek letters that look Latin.
pub fn greek(word: &str) -> String {
    mapped(word, |c| {
        let i = "oicuvkMAEOTKNBHXYZ".find(c)?;
        "οιϲυνκΜΑΕΟΤΚΝΒΗΧΥΖ".chars().nth("oicuvkMAEOTKNBHXYZ"[..i].chars().count())
    })
}

/// Mathematical bold letters and digits.
pub fn math_bold(word: &str) -> String {
    mapped(word, |c| match c {
        'A'..='Z' => offset(c, 0x1D400 - 'A' as u32),
        'a'..='z' => offset(c, 0x1D41A - 'a' as u32),
        '0'..='9' => offset(c, 0x1D7CE - '0' as u32),
        _ => None,
    })
}

/// Circled letters.
pub fn circled(word: &str) -> String {
    mapped(word, |c| match c {
        'A'..='Z' => offset(c, 0x24B6 - 'A' as u32),
        'a'..='z' => offset(c, 0x24D0 - 'a' as u32),
        _ => None,
    })
}

/// Small capitals for the lower-case letters (a capital stays a capital).
pub fn small_capitals(word: &str) -> String {
    const SMALL: &str = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ";
    mapped(word, |c| c.is_ascii_lowercase().then(|| SMALL.chars().nth((c as u8 - b'a') as usize)).flatten())
}

/// Full-width forms of ASCII.
pub fn full_width(word: &str) -> String {
    mapped(word, |c| ('!'..='~').contains(&c).then(|| offset(c, 0xFEE0)).flatten())
}

/// Zero-width space, non-joiner, joiner and no-break space in turn between letters.
pub fn zero_width(word: &str) -> String {
    interleaved(word, |i| ['\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}'][i % 4].to_string())
}

pub fn soft_hyphens(word: &str) -> String {
    interleaved(word, |_| "\u{00AD}".into())
}

pub fn word_joiners(word: &str) -> String {
    interleaved(word, |_| "\u{2060}".into())
}

/// Left-to-right, right-to-left and Arabic letter marks in turn between letters.
pub fn bidi_marks(word: &str) -> String {
    interleaved(word, |i| ['\u{200E}', '\u{200F}', '\u{061C}'][i % 3].to_string())
}

/// A variation selector after every letter (VS1 to VS16 in turn).
pub fn variation_selectors(word: &str) -> String {
    let mut i = 0;
    word.chars()
        .flat_map(|c| {
            i += 1;
            [Some(c), c.is_alphanumeric().then(|| char::from_u32(0xFE00 + (i - 1) % 16)).flatten()]
        })
        .flatten()
        .collect()
}

/// Tag characters (U+E0020…U+E007E, invisible) between letters: the tag form of the
/// letter itself, so a filter that maps tags to ASCII reads every letter twice.
pub fn tag_chars(word: &str) -> String {
    let letters: Vec<char> = word.chars().collect();
    interleaved(word, |i| {
        let c = letters[i];
        let ascii = if (' '..='~').contains(&c) { c } else { 'x' };
        char::from_u32(0xE0000 + ascii as u32).map(String::from).unwrap_or_default()
    })
}

/// "M i c r o s o f t".
pub fn spaced(word: &str) -> String {
    interleaved(word, |_| " ".into())
}

/// "M.i.c.r.o.s.o.f.t".
pub fn dotted(word: &str) -> String {
    interleaved(word, |_| ".".into())
}

/// Digits for the letters they resemble: "M1cr0s0ft".
pub fn digits_for_letters(word: &str) -> String {
    mapped(word, |c| match c {
        'o' | 'O' => Some('0'),
        'i' | 'I' => Some('1'),
        _ => None,
    })
}

/// The word backwards between RIGHT-TO-LEFT OVERRIDE and POP DIRECTIONAL FORMATTING:
/// displayed forwards.
pub fn reversed(word: &str) -> String {
    format!("\u{202E}{}\u{202C}", word.chars().rev().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_write_what_they_say() {
        assert_eq!(combining_stroke("ab"), "a\u{336}b\u{336}");
        assert_eq!(cyrillic("Microsoft"), "Місrоѕоft");
        assert_eq!(greek("Microsoft"), "Μιϲrοsοft");
        assert_eq!(math_bold("Az9"), "\u{1D400}\u{1D433}\u{1D7D7}");
        assert_eq!(circled("Mz"), "\u{24C2}\u{24E9}");
        assert_eq!(small_capitals("Code"), "Cᴏᴅᴇ");
        assert_eq!(full_width("M-1"), "Ｍ－１");
        assert_eq!(spaced("abc"), "a b c");
        assert_eq!(dotted("abc"), "a.b.c");
        assert_eq!(digits_for_letters("Microsoft"), "M1cr0s0ft");
        assert_eq!(tag_chars("ab"), "a\u{E0061}b");
        assert_eq!(variation_selectors("ab"), "a\u{FE00}b\u{FE01}");
        assert_eq!(reversed("abc"), "\u{202E}cba\u{202C}");
    }
}
