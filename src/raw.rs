//! Raw RFC 5322 reading (mail-parser): turns an `.eml` or pasted source into the same
//! [`MessageInput`] the page adapters produce, plus the [`RawFacts`] only the source
//! has (headers in order, the HTML as sent).

use std::borrow::Cow;
use std::fmt;

use mail_parser::{Address, MimeHeaders};
use serde::Serialize;

pub use crate::mime::opens_as_page;
use crate::mime::parser;

use crate::model::{LinkInput, MessageInput, Site};
pub use crate::text::cut;
use crate::text::html;
use crate::unread;

/// Bytes of raw source read at most; the rest is ignored (and said so in a reason).
pub const MAX_SOURCE_BYTES: usize = 4 * 1024 * 1024;
/// Headers kept at most: authentication sits near the top, junk piles up below.
pub const MAX_HEADERS: usize = 1_000;
/// Bytes of one header value kept at most.
const MAX_HEADER_VALUE: usize = 8 * 1024;
/// Bytes of HTML and text kept for the rules.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Mailboxes of the From header looked at (a From with thousands is junk anyway).
const MAX_MAILBOXES: usize = 16;
/// Attachments named at most.
const MAX_ATTACHMENTS: usize = 100;

/// The top-level headers the rules read; the rest (Received, List-*, X-*) are only counted.
/// A rule that reads another header must add it here (a debug assertion says so).
pub const READ_HEADERS: &[&str] = &[
    "From",
    "Sender",
    "Reply-To",
    "Return-Path",
    "Authentication-Results",
    "ARC-Authentication-Results",
    "ARC-Seal",
    "DKIM-Signature",
];

/// What only the raw source tells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawFacts {
    /// The top-level [`READ_HEADERS`] in source order (topmost first), names as sent,
    /// values unfolded.
    pub headers: Vec<(String, String)>,
    /// Whether the source or a part of it was cut at a cap.
    pub truncated: bool,
    /// Attachments that open as a web page (HTML, SVG): `(name, source as sent, capped)`.
    /// Fake sign-in pages ride in them (added for the claim rule by detect-what).
    pub attachment_pages: Vec<(String, String)>,
}

impl RawFacts {
    /// Every value of a header, topmost first (case-insensitive name).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        debug_assert!(READ_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name)), "{name} is not kept");
        self.headers.iter().filter(move |(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The topmost value of a header.
    pub fn first<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.all(name).next()
    }
}

/// Why a source could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    NotAMessage,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => f.write_str("the file is empty"),
            ReadError::NotAMessage => {
                f.write_str("not an e-mail message (no From or Subject header in the first 4 MiB)")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// The source as it is read (capped at [`MAX_SOURCE_BYTES`], unread attachment bodies
/// dropped) and whether the cap cut it.
fn prepare(bytes: &[u8]) -> Result<(Cow<'_, [u8]>, bool), ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    let truncated = bytes.len() > MAX_SOURCE_BYTES;
    Ok((unread::drop_unread_bodies(&bytes[..bytes.len().min(MAX_SOURCE_BYTES)]), truncated))
}

/// The parsed message, or why it is not one.
fn parse(bytes: &[u8]) -> Result<mail_parser::Message<'_>, ReadError> {
    let message = parser().parse(bytes).ok_or(ReadError::NotAMessage)?;
    if message.headers().is_empty() || message.from().is_none() && message.subject().is_none() {
        return Err(ReadError::NotAMessage);
    }
    Ok(message)
}

/// Reads a raw message into the page model plus the raw-only facts.
pub fn read(bytes: &[u8]) -> Result<(MessageInput, RawFacts), ReadError> {
    let (bytes, truncated) = prepare(bytes)?;
    let message = parse(&bytes)?;

    let (mut facts, mut scan) = facts_from(&message);
    let has_html = html_part(&message).is_some();
    facts.truncated |= truncated;

    let (sender_name, sender_address) = first_mailbox(message.from());
    let links = scan
        .links
        .into_iter()
        .enumerate()
        .map(|(index, (text, href))| LinkInput { index, text, href, wrapped_href: None })
        .collect();
    let hidden_text = std::mem::take(&mut scan.hidden_text);
    let image_text = std::mem::take(&mut scan.image_text);
    let disguises = std::mem::take(&mut scan.disguises);
    let (body_text, links) = if has_html {
        (scan.visible_text, links)
    } else {
        // The text part as sent: mail-parser's `body_text` would drag its HTML-to-text
        // converter and entity table (~8 KB gzipped) into the wasm for a case that has no HTML.
        let text = message.text_bodies().next().and_then(|part| part.text_contents()).unwrap_or_default();
        let text = cut(text, MAX_BODY_BYTES).to_string();
        let links = crate::text::shapes::bare_urls(&text, html::MAX_LINKS)
            .into_iter()
            .enumerate()
            .map(|(index, href)| LinkInput { index, text: href.clone(), href, wrapped_href: None })
            .collect();
        (text, links)
    };
    let input = MessageInput {
        site: Site::File,
        sender_name,
        sender_address,
        subject: subject(&message),
        date: message.date().map(|d| d.to_rfc3339()),
        body_text,
        links,
        attachments: attachment_names(&message),
        hidden_text,
        image_text,
        disguises,
        raw_source: None,
    };
    Ok((input, facts))
}

/// What a webmail page shows of a message: the header fields it prints and the body
/// parts as sent (decoded, the HTML with its own `<style>` blocks). The browser tests
/// build fixture pages from it, so the page path can be compared with [`read`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageParts {
    pub sender_name: String,
    pub sender_address: String,
    pub subject: String,
    /// The HTML body part, capped at [`MAX_BODY_BYTES`]; empty when there is none.
    pub html: String,
    /// The first plain-text body part, capped at [`MAX_BODY_BYTES`].
    pub text: String,
    pub attachments: Vec<String>,
}

/// Reads the parts a webmail page would show.
pub fn page_parts(bytes: &[u8]) -> Result<PageParts, ReadError> {
    let (bytes, _) = prepare(bytes)?;
    let message = parse(&bytes)?;
    let (sender_name, sender_address) = first_mailbox(message.from());
    let html = html_part(&message).and_then(|part| part.text_contents()).unwrap_or_default();
    let text = message.text_bodies().find(|part| !is_html(part)).and_then(|part| part.text_contents());
    Ok(PageParts {
        sender_name,
        sender_address,
        subject: subject(&message),
        html: cut(html, MAX_BODY_BYTES).to_string(),
        text: cut(text.unwrap_or_default(), MAX_BODY_BYTES).to_string(),
        attachments: attachment_names(&message),
    })
}

fn subject(message: &mail_parser::Message) -> String {
    message.subject().map(|s| cut(s, MAX_HEADER_VALUE).to_string()).unwrap_or_default()
}

fn attachment_names(message: &mail_parser::Message) -> Vec<String> {
    message
        .attachments()
        .take(MAX_ATTACHMENTS)
        .filter_map(|part| part.attachment_name().map(str::to_string))
        .collect()
}

/// Reads only the raw-only facts (the page already gave the rest); unreadable source
/// gives no facts rather than an error, so the page's verdict still stands.
pub fn read_facts(bytes: &[u8]) -> RawFacts {
    let truncated = bytes.len() > MAX_SOURCE_BYTES;
    let bytes = unread::drop_unread_bodies(&bytes[..bytes.len().min(MAX_SOURCE_BYTES)]);
    match parser().parse(&bytes[..]) {
        Some(message) => {
            let (mut facts, _) = facts_from(&message);
            facts.truncated |= truncated;
            facts
        }
        None => RawFacts { truncated, ..RawFacts::default() },
    }
}

/// The raw-only facts, and the scan of the HTML body they came from.
fn facts_from(message: &mail_parser::Message) -> (RawFacts, html::Scan) {
    let mut truncated = false;
    let mut headers = Vec::new();
    for (count, (name, value)) in message.headers_raw().enumerate() {
        if count == MAX_HEADERS {
            truncated = true;
            break;
        }
        if READ_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            headers.push((name.to_string(), unfold(cut(value, MAX_HEADER_VALUE))));
        }
    }
    let html = html_part(message).and_then(|part| part.text_contents()).unwrap_or("");
    if html.len() > MAX_BODY_BYTES {
        truncated = true;
    }
    let scan = html::scan(cut(html, MAX_BODY_BYTES));
    let facts = RawFacts { headers, truncated, attachment_pages: attachment_pages(message) };
    (facts, scan)
}

/// Bytes of one attached page kept, and pages kept at most.
const MAX_PAGE_BYTES: usize = 256 * 1024;
const MAX_PAGES: usize = 5;

/// The attachments that open as a web page, by name or content type.
fn attachment_pages(message: &mail_parser::Message) -> Vec<(String, String)> {
    message
        .attachments()
        .take(MAX_ATTACHMENTS)
        .filter(|part| opens_as_page(*part))
        .take(MAX_PAGES)
        .map(|part| {
            let bytes = part.contents();
            let text = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_PAGE_BYTES)]).into_owned();
            (part.attachment_name().unwrap_or_default().to_string(), text)
        })
        .collect()
}

/// The first body part that really is HTML (mail-parser lists plain text there too).
pub fn html_part<'a>(message: &'a mail_parser::Message) -> Option<&'a mail_parser::MessagePart<'a>> {
    message.html_bodies().find(|part| is_html(part))
}

fn is_html(part: &mail_parser::MessagePart) -> bool {
    part.content_type().and_then(|ct| ct.subtype()).is_some_and(|sub| sub.eq_ignore_ascii_case("html"))
}

/// The display name and address a reader sees: the first name and the first real
/// address. Fakes split them over junk mailboxes (`Microsoft account team ,_<a@b>`).
fn first_mailbox(address: Option<&Address>) -> (String, String) {
    let Some(address) = address else {
        return (String::new(), String::new());
    };
    let mailboxes: Vec<_> = address.iter().take(MAX_MAILBOXES).collect();
    let name = mailboxes.iter().filter_map(|a| a.name()).map(str::trim).find(|n| !n.is_empty());
    let addr = mailboxes
        .iter()
        .filter_map(|a| a.address())
        .find(|a| a.contains('@'))
        .or_else(|| mailboxes.iter().find_map(|a| a.address()));
    (name.unwrap_or_default().to_string(), addr.unwrap_or_default().trim().to_string())
}

/// Joins folded header lines and trims, so rules read one line.
fn unfold(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut start = 0;
    // CR and LF are ASCII, so the positions around them are char boundaries.
    for piece in value.as_bytes().split(|&b| b == b'\r' || b == b'\n') {
        let line = value.get(start..start + piece.len()).unwrap_or_default().trim();
        start += piece.len() + 1;
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}
