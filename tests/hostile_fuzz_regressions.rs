//! Every input the fuzzers (`fuzz/`) found to break the core, kept as a test.
//! Each one names its target, the date and what broke.

use codeguard::{analyze, analyze_eml, MessageInput};

fn both_paths(bytes: &[u8]) {
    let _ = analyze_eml(bytes);
    let input =
        MessageInput { raw_source: Some(String::from_utf8_lossy(bytes).into_owned()), ..Default::default() };
    let _ = analyze(&input);
}

/// raw_eml, 2026-11-25: `html::bare_urls` sliced "https://".len() bytes off a candidate
/// that began "https:/" followed by a multi-byte character (a char-boundary panic).
#[test]
fn bare_url_prefix_cut_inside_a_character() {
    both_paths("From: a@b.example\r\nSubject: x\r\n\r\nhttps:/\u{ff}\u{ff}".as_bytes());
    both_paths("From: a@b.example\r\nSubject: x\r\n\r\nhttp:/\u{e9}".as_bytes());
    both_paths("From: a@b.example\r\nSubject: x\r\n\r\nHTTPS:/\u{1F600}".as_bytes());
    assert!(codeguard::text::shapes::bare_urls("https:/\u{ff}\u{ff} http://a.example", 10)
        .contains(&"http://a.example".to_string()));
}
