//! `raw::page_parts`: what a webmail page shows of a message, which the browser tests
//! build their fixture pages from (`codeguard render`).

use codeguard::raw::{page_parts, PageParts};
use codeguard::ReadError;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/mail/page/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn html_part_keeps_its_style_blocks() {
    let parts = page_parts(&fixture("before-content.eml")).expect("reads");
    assert_eq!(parts.sender_name, "Account Team");
    assert_eq!(parts.sender_address, "no-reply@acct-verify-center.com");
    assert_eq!(parts.subject, "Your verification code");
    assert!(parts.html.contains(".brand::before { content: \"Micro\"; }"), "{}", parts.html);
    assert!(parts.text.is_empty(), "an HTML-only message has no text part: {:?}", parts.text);
}

#[test]
fn text_only_message_has_its_text_and_no_html() {
    let parts = page_parts(&fixture("plain-text.eml")).expect("reads");
    assert!(parts.html.is_empty());
    assert!(parts.text.contains("Security code: 558120"), "{}", parts.text);
}

#[test]
fn decoded_parts_and_attachment_names() {
    let eml = "From: A <a@example.org>\r\nSubject: =?utf-8?q?Caf=C3=A9?=\r\nMIME-Version: 1.0\r\n\
               Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\
               Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\
               PHA+aGk8L3A+\r\n--b\r\nContent-Type: text/html; name=\"invoice.html\"\r\n\
               Content-Disposition: attachment; filename=\"invoice.html\"\r\n\r\n<form></form>\r\n--b--\r\n";
    let parts = page_parts(eml.as_bytes()).expect("reads");
    assert_eq!(
        parts,
        PageParts {
            sender_name: "A".into(),
            sender_address: "a@example.org".into(),
            subject: "Café".into(),
            html: "<p>hi</p>".into(),
            text: String::new(),
            attachments: vec!["invoice.html".into()],
        }
    );
}

#[test]
fn not_a_message_is_an_error() {
    assert_eq!(page_parts(b"  \r\n"), Err(ReadError::Empty));
    assert_eq!(page_parts(b"just some words\n"), Err(ReadError::NotAMessage));
}
