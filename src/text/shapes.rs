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
}
