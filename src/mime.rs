//! mail-parser set up the way codeguard reads mail: the one parser (only the headers
//! the rules read are decoded) and which parts open as web pages. Shared by the raw
//! reader ([`crate::raw`]) and the attachment pre-pass ([`crate::unread`]).

use std::sync::OnceLock;

use mail_parser::{HeaderName, MessageParser, MimeHeaders};

/// The parser, told to decode only the headers read through it: the MIME headers (for
/// the parts), From, Subject and Date. Every other header is skipped to its end; its
/// value is read from the source ([`mail_parser::Message::headers_raw`]), so nothing is
/// lost, but Received, Message-ID, List-* and the rest are not parsed for nothing.
pub fn parser() -> &'static MessageParser {
    static PARSER: OnceLock<MessageParser> = OnceLock::new();
    PARSER.get_or_init(|| {
        MessageParser::new()
            .with_mime_headers()
            .header_address(HeaderName::From)
            .header_text(HeaderName::Subject)
            .header_date(HeaderName::Date)
            .default_header_ignore()
    })
}

/// Whether an attachment opens as a web page, by its name or content type.
pub fn opens_as_page<'x>(part: &impl MimeHeaders<'x>) -> bool {
    let name = part.attachment_name().unwrap_or_default().trim().to_ascii_lowercase();
    let by_name = [".html", ".htm", ".shtml", ".xhtml", ".svg", ".mht"].iter().any(|e| name.ends_with(e));
    let by_type = part.content_type().is_some_and(|ct| {
        let sub = ct.subtype().unwrap_or_default();
        ct.ctype().eq_ignore_ascii_case("text") && sub.eq_ignore_ascii_case("html")
            || sub.eq_ignore_ascii_case("svg+xml")
    });
    by_name || by_type
}
