//! The bidi formatting characters and what a right-to-left override does to the text a
//! person reads (the HTML reader keeps the overrides' bookkeeping).

/// The first bidi formatting character in `s` (U+202A–U+202E, U+2066–U+2069) and where.
pub(super) fn control(s: &str) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    memchr::memchr_iter(0xe2, bytes).find_map(|at| {
        let control = match bytes.get(at + 1..at + 3)? {
            [0x80, b @ 0xaa..=0xae] => 0x2000 + u32::from(b - 0x80),
            [0x81, b @ 0xa6..=0xa9] => 0x2040 + u32::from(b - 0x80),
            _ => return None,
        };
        Some((at, char::from_u32(control)?))
    })
}

/// Text under a right-to-left override in the order a person reads it: reversed, except
/// that right-to-left script (Hebrew, Arabic) reads right to left anyway, so its runs
/// (with the spaces and marks between its letters) keep their order.
pub(super) fn displayed(logical: &str) -> String {
    let mut chars: Vec<char> = logical.chars().rev().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_rtl_script(chars[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut last_rtl = i;
        while end < chars.len() && (is_rtl_script(chars[end]) || !chars[end].is_alphanumeric()) {
            if is_rtl_script(chars[end]) {
                last_rtl = end;
            }
            end += 1;
        }
        chars[i..=last_rtl].reverse();
        i = last_rtl + 1;
    }
    chars.into_iter().collect()
}

pub(super) fn is_rtl_script(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08ff | 0xfb1d..=0xfdff | 0xfe70..=0xfeff | 0x10800..=0x10fff | 0x1e800..=0x1efff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_found_by_their_bytes() {
        assert_eq!(control("ab\u{202e}c"), Some((2, '\u{202e}')));
        assert_eq!(control("\u{2069}"), Some((0, '\u{2069}')));
        assert_eq!(control("é€\u{2026}\u{2065}\u{2029}"), None, "neighbours of the controls are text");
        assert_eq!(control("\u{202a}"), Some((0, '\u{202a}')));
    }

    #[test]
    fn display_order_reverses_latin_but_keeps_hebrew_reading_order() {
        assert_eq!(displayed("tfosorciM"), "Microsoft");
        assert_eq!(displayed("שלום עולם"), "שלום עולם");
        assert_eq!(displayed("שלום abc"), "cba שלום");
        assert_eq!(displayed("12 ab"), "ba 21");
    }
}
