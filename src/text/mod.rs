//! The text layer: what a person reads, as one comparable text. It knows nothing about
//! Microsoft or mail rules; everything above it (claims, rules, verdict) reads through it.
//!
//! - [`unicode`]: the per-character normalization (compatibility forms, combining marks,
//!   confusables, invisible characters), from a table generated from Unicode's data;
//! - [`html`]: a mail body's HTML read as rendered (what is visible, what is hidden, how);

pub mod fold;
pub mod html;
pub mod phrases;
pub mod unicode;

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

/// Finds an ASCII needle in `hay`, ignoring ASCII case: memchr finds the places of the
/// first byte (both cases at once), the rest is compared only there.
pub fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let (&first, rest) = n.split_first()?;
    let last_start = h.len().checked_sub(n.len())?;
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &h[..=last_start])
        .find(|&at| h[at + 1..at + n.len()].eq_ignore_ascii_case(rest))
}
