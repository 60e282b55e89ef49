//! The text layer: what a person reads, as one comparable text. It knows nothing about
//! Microsoft or mail rules; everything above it (claims, rules, verdict) reads through it.
//!
//! - [`unicode`]: the per-character normalization (compatibility forms, combining marks,
//!   confusables, invisible characters), from a table generated from Unicode's data;
//! - [`html`]: a mail body's HTML read as rendered (what is visible, what is hidden, how),
//!   with [`tokens`] (its tokenizer), [`css`] (the mail's own style rules), [`style`]
//!   (declarations and the state text is drawn in), [`entities`] (character references)
//!   and [`bidi`] (what a right-to-left override displays);

pub mod bidi;
pub mod css;
pub mod entities;
pub mod html;
pub mod style;
pub mod tokens;

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
