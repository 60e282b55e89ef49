//! The visible-text reader: any HTML (broken on purpose or not) is read without a panic,
//! every link's text is visible text, and the reader's outputs stay within their caps.
#![no_main]

use codeguard::text::html::{scan, MAX_LINKS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let s = scan(&html);
    assert!(s.links.len() <= MAX_LINKS);
    assert!(s.visible_text.len() + s.hidden_text.len() + s.image_text.len() <= 4 * html.len() + 64);
    assert!(s.disguises.len() <= 64);
});
