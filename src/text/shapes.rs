//! Shapes in text, by `regex` with ASCII classes (compiled once): phone numbers and money
//! amounts. Written against the original text, not the folded one: digits and their
//! separators are what the shape is.

use std::sync::OnceLock;

use regex::Regex;

/// Currency signs that mark a money amount.
pub const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₿', '₽'];

/// The phone-number shape: an optional international prefix (`+44`, or the `1-` that
/// North American toll-free numbers are written with), an area part (in brackets or not),
/// then two groups of digits, with single spaces, dots or dashes between.
fn phone_shape() -> &'static Regex {
    static SHAPE: OnceLock<Regex> = OnceLock::new();
    SHAPE.get_or_init(|| {
        Regex::new(r"(?:\+[ \t]?[0-9]{1,3}[ \t.-]?|1[ .-])?(?:\([0-9]{2,4}\)|[0-9]{2,4})[ \t.-]?[0-9]{3,4}[ \t.-]?[0-9]{3,4}")
            .expect("the phone shape is a valid regex")
    })
}

/// The non-overlapping phone-shaped matches of `text`, leftmost first, at most `max`.
fn phone_matches(text: &str, max: usize) -> Vec<(usize, usize)> {
    phone_shape().find_iter(text).take(max).map(|m| (m.start(), m.end())).collect()
}

/// Phone numbers in `text` (original, not folded): 9–15 digits, not glued to other
/// digits or letters, not a dotted IP address or a date.
pub fn phone_numbers(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, end) in phone_matches(text, 200) {
        let s = text.get(start..end).unwrap_or_default();
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        let before = text.get(..start).and_then(|t| t.chars().next_back());
        let mut after = text.get(end..).unwrap_or_default().chars();
        let next = after.next();
        let glued = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | ':' | '-'))
            || next.is_some_and(|c| {
                c.is_alphanumeric()
                    || matches!(c, '.' | ':' | '-') && after.next().is_some_and(|d| d.is_ascii_digit())
            });
        let dotted = s.contains('.') && !s.contains('+');
        if (9..=15).contains(&digits) && !glued && !dotted {
            out.push((start, end));
        }
    }
    out
}

/// A currency sign (next to a number or not), or a decimal amount (`49.99`, `1.299,00`:
/// a digit, `.` or `,`, two digits, then no third digit).
pub fn has_money(text: &str) -> bool {
    static AMOUNT: OnceLock<Regex> = OnceLock::new();
    let amount = AMOUNT.get_or_init(|| {
        Regex::new(r"[0-9][.,][0-9]{2}(?:[^0-9]|$)").expect("the amount shape is a valid regex")
    });
    text.chars().any(|c| CURRENCY_SIGNS.contains(&c)) || amount.is_match(text)
}

/// Where a word stops in running text, for addresses: a space, or a bracket or quote
/// around it.
fn ends_token(c: char) -> bool {
    c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '"' | '[' | ']')
}

/// The `http(s)://` URLs written out in plain text, in order, at most `max`: each runs to
/// the next space, bracket or quote, without a sentence's closing punctuation.
pub fn bare_urls(text: &str, max: usize) -> Vec<String> {
    static SHAPE: OnceLock<Regex> = OnceLock::new();
    let shape = SHAPE.get_or_init(|| {
        // Not a space (what `char::is_whitespace` holds), bracket or quote.
        Regex::new(r#"(?i-u:https?://)[^\t-\r \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}<>"\)\]]*"#).expect("the bare-URL shape is a valid regex")
    });
    shape
        .find_iter(text)
        .take(max)
        .map(|m| m.as_str().trim_end_matches(['.', ',', ';']).to_string())
        .collect()
}

/// The byte spans of the words of `text` that are URLs or e-mail addresses (a `://`, an
/// `@`, or a leading `www.`), in order. Found from those marks, not word by word: a text
/// without one costs a single search.
pub fn address_spans(text: &str) -> Vec<(usize, usize)> {
    static MARKS: OnceLock<Regex> = OnceLock::new();
    let marks =
        MARKS.get_or_init(|| Regex::new(r"(?i-u)@|://|www\.").expect("the address marks are a valid regex"));
    let mut out = Vec::new();
    // Where the last span ended: a mark before it is inside that span.
    let mut covered = 0;
    for m in marks.find_iter(text) {
        if m.start() < covered {
            continue;
        }
        let before = &text[covered..m.start()];
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| ends_token(c))
            .map_or(covered, |(i, c)| covered + i + c.len_utf8());
        // "www." names a host only where the word begins with it.
        if m.as_str().eq_ignore_ascii_case("www.") && start != m.start() {
            continue;
        }
        let after = &text[m.start()..];
        let end = m.start() + after.find(ends_token).unwrap_or(after.len());
        out.push((start, end));
        covered = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text, its phone-shaped matches, and whether it holds money.
    type Case = (&'static str, &'static [(usize, usize)], bool);

    /// Expected values as leftmost-first regex engines give them (the hand matchers these
    /// regexes replaced agreed with them on millions of pseudo-random strings).
    #[test]
    fn shapes_match_what_they_describe() {
        let cases: &[Case] = &[
            ("Call +1 (800) 555-0199 now", &[(5, 22)], false),
            ("+44 20 7946 0958", &[(0, 16)], false),
            ("+1-800-555-0199", &[(0, 15)], false),
            ("(0800) 123 4567", &[(0, 15)], false),
            ("(12)3456789", &[(0, 11)], false),
            ("+123 4567 890 1234", &[(0, 18)], false),
            ("0800.123.4567", &[(0, 13)], false),
            ("1234567890123456", &[(0, 12)], false),
            ("12 345 678", &[(0, 10)], false),
            ("+ 1 800 555 0199", &[(0, 16)], false),
            ("(123456) 789 0123", &[], false),
            ("+1234 (56) 789-0123", &[(6, 19)], false),
            ("tel: 1-800-642-7676 or +49 (0)89 3176 0", &[(5, 19)], false),
            ("Call 1-877-555-0199 now", &[(5, 19)], false),
            ("192.168.100.200", &[(0, 11)], false),
            ("2024-01-15 10:30", &[], false),
            ("+1 800 555 01990", &[(0, 15)], false),
            ("12-3456-7890-1234", &[(0, 12)], false),
            ("((12) 345 678)", &[(1, 13)], false),
            ("+\t1\t22\t333\t4444", &[(0, 15)], false),
            ("99.99 USD", &[], true),
            ("1.299,00 €", &[], true),
            ("49.999", &[], false),
            ("12,34", &[], true),
            ("a 5.00b", &[], true),
            ("x9.9y", &[], false),
            ("", &[], false),
            ("$", &[], true),
            ("5 €", &[], true),
            ("1,23\n", &[], true),
        ];
        for &(text, phones, money) in cases {
            assert_eq!(phone_matches(text, 200), phones, "{text:?}");
            assert_eq!(has_money(text), money, "{text:?}");
        }
    }

    /// Word by word, as the reader of a sentence would find them.
    fn address_spans_word_by_word(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        let mut flush = |s: usize, e: usize| {
            let token = &text.as_bytes()[s..e];
            let www = token.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"www."));
            if www || token.contains(&b'@') || token.windows(3).any(|w| w == b"://") {
                out.push((s, e));
            }
        };
        for (i, c) in text.char_indices() {
            match (ends_token(c), start) {
                (true, Some(s)) => {
                    flush(s, i);
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            flush(s, text.len());
        }
        out
    }

    #[test]
    fn address_spans_are_the_words_that_hold_an_address_mark() {
        assert_eq!(
            address_spans("mail me@x.example or see https://a.example/p now"),
            vec![(5, 17), (25, 44)]
        );
        assert_eq!(address_spans("(WWW.example.com) awww.x"), vec![(1, 16)]);
        // Random texts over the characters that matter agree with the word-by-word reading.
        let alphabet: Vec<char> = "ab@:/w.W <>()\"[]é\u{a0}\u{3000}".chars().collect();
        let mut seed = 0x2545_f491_u32;
        for _ in 0..3000 {
            let len = (seed % 40) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    alphabet[seed as usize % alphabet.len()]
                })
                .collect();
            assert_eq!(address_spans(&text), address_spans_word_by_word(&text), "{text:?}");
        }
    }

    #[test]
    fn bare_urls_run_to_a_space_or_bracket_without_closing_punctuation() {
        assert_eq!(
            bare_urls("See HTTPS://a.example/x?y=1. and (http://b.example) or ftp://c", 10),
            vec!["HTTPS://a.example/x?y=1", "http://b.example"]
        );
        assert_eq!(bare_urls("http://a http://b http://c", 2).len(), 2);
        assert_eq!(bare_urls("http://a.example\u{a0}x\u{3000}", 5), vec!["http://a.example"]);
    }
}
