//! The page input built field by field from the fuzzer's bytes (no JSON to get right
//! first): bytes split on 0xFF into sender name, address, subject, body, then link
//! text/href pairs and attachments. Reaches the rules far more often than page_json.
#![no_main]

use codeguard::{LinkInput, MessageInput, Site};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0xFF).map(|p| String::from_utf8_lossy(p).into_owned());
    let mut next = || parts.next().unwrap_or_default();
    let site = match data.first().map(|b| b % 3) {
        Some(0) => Site::Gmail,
        Some(1) => Site::Outlook,
        _ => Site::File,
    };
    let mut input = MessageInput {
        site,
        sender_name: next(),
        sender_address: next(),
        subject: next(),
        date: Some(next()),
        body_text: next(),
        ..MessageInput::default()
    };
    let mut index = 0;
    loop {
        let (text, href) = (next(), next());
        if text.is_empty() && href.is_empty() {
            break;
        }
        let wrapped = next();
        input.links.push(LinkInput {
            index,
            text,
            href,
            wrapped_href: (!wrapped.is_empty()).then_some(wrapped),
        });
        index += 1;
    }
    input.attachments = std::iter::from_fn(|| Some(next())).take_while(|s| !s.is_empty()).take(8).collect();
    let v = codeguard::analyze(&input);
    let _ = serde_json::to_string(&v).expect("verdict serializes");
});
