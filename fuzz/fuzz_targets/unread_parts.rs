//! Arbitrary bytes, padded past the size where unread attachment bodies are dropped:
//! what the rules read from the source (the HTML part, the first text body, attachment
//! names and attached pages, as `raw` takes them) must be the same with and without the
//! drop, and the drop must never add bytes.
#![no_main]

use codeguard::unread::{drop_unread_bodies, MIN_SOURCE_BYTES};
use libfuzzer_sys::fuzz_target;
use mail_parser::{MessageParser, MimeHeaders};

/// The parts of a parsed message that `raw` reads.
fn read(source: &[u8]) -> Option<(Option<String>, Option<String>, Vec<(String, Vec<u8>)>)> {
    let message = MessageParser::new().parse(source)?;
    let html = codeguard::raw::html_part(&message).and_then(|p| p.text_contents()).map(str::to_string);
    let text = message.text_bodies().next().and_then(|p| p.text_contents()).map(str::to_string);
    let attachments = message
        .attachments()
        .map(|p| {
            let name = p.attachment_name().unwrap_or_default().to_string();
            // Bodies of attachments count only where they are read: pages.
            let page = codeguard::raw::opens_as_page(p);
            (name, if page { p.contents().to_vec() } else { Vec::new() })
        })
        .collect();
    Some((html, text.filter(|t| !t.is_empty()), attachments))
}

fuzz_target!(|data: &[u8]| {
    let mut source = data.to_vec();
    while source.len() < MIN_SOURCE_BYTES {
        source.extend_from_slice(
            b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n",
        );
    }
    let slim = drop_unread_bodies(&source);
    assert!(slim.len() <= source.len());
    if slim.len() < source.len() {
        assert_eq!(read(&slim), read(&source), "what the rules read changed");
    }
});
