//! The visible-text reader: any HTML (broken on purpose or not) is read without a panic,
//! and the reader's outputs stay within their caps (text grows at most linearly, the
//! style sheet's generated text by a fixed budget).
#![no_main]

use codeguard::text::html::{scan, MAX_LINKS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let s = scan(&html);
    assert!(s.links.len() <= MAX_LINKS);
    assert!(s.visible_text.len() + s.hidden_text.len() + s.image_text.len() <= 4 * html.len() + 20 * 1024);
    assert!(s.disguises.len() <= 256);
});
