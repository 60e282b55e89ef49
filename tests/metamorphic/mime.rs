//! The MIME writer: a [`Mail`] back to bytes, in the transfer encoding, charset and
//! header encoding a variant asks for. Everything is CRLF, as on the wire.

use encoding_rs::{Encoding, UTF_8};

use super::fixture::Mail;

/// How body parts are carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transfer {
    /// 7bit when every byte is ASCII, else 8bit.
    Plain,
    /// Labelled 8bit whatever the bytes.
    EightBit,
    Base64,
    /// Quoted-printable with a soft line break inside every word of four or more letters.
    QuotedPrintableSplit,
}

/// How the subject and the display name are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderWords {
    /// As is when ASCII, else RFC 2047 B-encoded words in the body's charset.
    Plain,
    /// Q-encoded words, split inside every word of four or more letters.
    SplitQ,
    /// B-encoded words, split the same way.
    SplitB,
}

#[derive(Debug, Clone, Copy)]
pub struct Wire {
    pub transfer: Transfer,
    pub charset: &'static Encoding,
    pub header_words: HeaderWords,
}

impl Default for Wire {
    fn default() -> Self {
        Wire { transfer: Transfer::Plain, charset: UTF_8, header_words: HeaderWords::Plain }
    }
}

const ALT_BOUNDARY: &str = "cg-alt-7Fq2Lx";
const MIX_BOUNDARY: &str = "cg-mix-7Fq2Lx";

/// Writes a mail; `None` when the charset cannot hold its text.
pub fn write(mail: &Mail, wire: &Wire) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for (name, value) in &mail.headers {
        let value = if name.eq_ignore_ascii_case("From") {
            let name = phrase(&mail.display_name, wire)?;
            if name.is_empty() {
                format!("<{}>", mail.address)
            } else {
                format!("{name} <{}>", mail.address)
            }
        } else if name.eq_ignore_ascii_case("Subject") {
            unstructured(&mail.subject, wire)?
        } else {
            value.replace('\n', "\r\n")
        };
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"MIME-Version: 1.0\r\n");

    let mut body = Vec::new();
    body.push(match (&mail.text, &mail.html) {
        (Some(text), Some(html)) => multipart(
            "alternative",
            ALT_BOUNDARY,
            vec![
                leaf("text/plain", text, wire.charset, wire.transfer, "")?,
                leaf("text/html", html, wire.charset, wire.transfer, "")?,
            ],
        ),
        (Some(text), None) => leaf("text/plain", text, wire.charset, wire.transfer, "")?,
        (None, Some(html)) => leaf("text/html", html, wire.charset, wire.transfer, "")?,
        (None, None) => return None,
    });
    if let Some(a) = &mail.attachment {
        let disposition =
            format!("; name=\"{0}\"\r\nContent-Disposition: attachment; filename=\"{0}\"", a.name);
        // The attachment keeps UTF-8: only the message's own text changes charset.
        body.push(leaf(&a.mime_type, &a.body, UTF_8, wire.transfer, &disposition)?);
        body = vec![multipart("mixed", MIX_BOUNDARY, body)];
    }
    out.extend(body.concat());
    Some(out)
}

/// A multipart entity (its Content-Type header first) from its parts' entities.
fn multipart(subtype: &str, boundary: &str, parts: Vec<Vec<u8>>) -> Vec<u8> {
    let mut out = format!("Content-Type: multipart/{subtype}; boundary=\"{boundary}\"\r\n\r\n").into_bytes();
    for part in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        out.extend(part);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

/// One body part: headers and encoded content. `extra` ends the Content-Type line.
fn leaf(
    mime_type: &str,
    text: &str,
    charset: &'static Encoding,
    transfer: Transfer,
    extra: &str,
) -> Option<Vec<u8>> {
    let text = crlf(text);
    let bytes = encode(&text, charset)?;
    let (label, content) = match transfer {
        Transfer::Plain if bytes.is_ascii() => ("7bit", bytes),
        Transfer::Plain | Transfer::EightBit => ("8bit", bytes),
        Transfer::Base64 => ("base64", wrap76(&base64(&bytes))),
        Transfer::QuotedPrintableSplit => {
            if charset != UTF_8 {
                return None;
            }
            ("quoted-printable", quoted_printable(&text, &word_splits(&text)))
        }
    };
    let mut out = format!(
        "Content-Type: {mime_type}; charset=\"{}\"{extra}\r\nContent-Transfer-Encoding: {label}\r\n\r\n",
        charset.name()
    )
    .into_bytes();
    out.extend(content);
    Some(out)
}

fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// The text in a charset; `None` when a character has no place in it.
pub fn encode(text: &str, charset: &'static Encoding) -> Option<Vec<u8>> {
    let (bytes, used, unmappable) = charset.encode(text);
    (!unmappable && used == charset).then(|| bytes.into_owned())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { B64[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' });
        }
    }
    out
}

fn wrap76(encoded: &[u8]) -> Vec<u8> {
    encoded.chunks(76).flat_map(|line| line.iter().copied().chain(*b"\r\n")).collect()
}

/// Byte offsets in the middle of every word (run of alphanumeric chars) of four or more
/// chars: where the variants break words apart.
pub fn word_splits(text: &str) -> Vec<usize> {
    let mut splits = Vec::new();
    let mut word: Vec<usize> = Vec::new();
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphanumeric() {
            word.push(at);
        } else {
            if word.len() >= 4 {
                splits.push(word[word.len() / 2]);
            }
            word.clear();
        }
    }
    splits
}

/// Quoted-printable of UTF-8 text with CRLF line ends: a soft line break at every offset
/// in `splits`, and wherever a line would pass 76 chars.
fn quoted_printable(text: &str, splits: &[usize]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut column = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at..].starts_with(b"\r\n") {
            out.extend_from_slice(b"\r\n");
            column = 0;
            at += 2;
            continue;
        }
        if splits.binary_search(&at).is_ok() && column > 0 {
            out.extend_from_slice(b"=\r\n");
            column = 0;
        }
        let b = bytes[at];
        let line_ends_here = bytes[at + 1..].starts_with(b"\r\n") || at + 1 == bytes.len();
        let literal = (b'!'..=b'~').contains(&b) && b != b'=' || (b == b' ' || b == b'\t') && !line_ends_here;
        let token = if literal { vec![b] } else { format!("={b:02X}").into_bytes() };
        if column + token.len() > 75 {
            out.extend_from_slice(b"=\r\n");
            column = 0;
        }
        column += token.len();
        out.extend(token);
        at += 1;
    }
    out
}

/// An unstructured header value (the subject).
fn unstructured(value: &str, wire: &Wire) -> Option<String> {
    match wire.header_words {
        HeaderWords::Plain if value.is_ascii() => Some(value.to_string()),
        HeaderWords::Plain => encoded_words(value, wire.charset, false, &[]),
        HeaderWords::SplitQ => encoded_words(value, wire.charset, true, &word_splits(value)),
        HeaderWords::SplitB => encoded_words(value, wire.charset, false, &word_splits(value)),
    }
}

/// A display name: quoted when ASCII, else encoded words.
fn phrase(name: &str, wire: &Wire) -> Option<String> {
    if name.is_empty() || wire.header_words == HeaderWords::Plain && name.is_ascii() {
        let needs_quotes =
            name.chars().any(|c| !(c.is_ascii_alphanumeric() || " !#$%&'*+-/=?^_`{|}~".contains(c)));
        return Some(if needs_quotes {
            format!("\"{}\"", name.replace(['\\', '"'], ""))
        } else {
            name.to_string()
        });
    }
    unstructured(name, wire)
}

/// RFC 2047 encoded words, each encoded on its own (so a stateful charset such as
/// ISO-2022-JP ends each one in ASCII), a word boundary at every split, folded.
fn encoded_words(value: &str, charset: &'static Encoding, q: bool, splits: &[usize]) -> Option<String> {
    // Raw bytes per word: B needs 4/3 of them, Q up to 3 each; a word stays under 75 chars.
    let max = if q { 15 } else { 30 };
    let mut words = Vec::new();
    let mut piece = String::new();
    for (at, c) in value.char_indices() {
        let mut longer = piece.clone();
        longer.push(c);
        let too_long = encode(&longer, charset)?.len() > max;
        if !piece.is_empty() && (splits.binary_search(&at).is_ok() || too_long) {
            words.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    words.push(piece);
    let words: Option<Vec<String>> = words
        .iter()
        .map(|w| {
            let bytes = encode(w, charset)?;
            let text = if q { q_encode(&bytes) } else { String::from_utf8(base64(&bytes)).ok()? };
            Some(format!("=?{}?{}?{text}?=", charset.name(), if q { 'Q' } else { 'B' }))
        })
        .collect();
    Some(words?.join("\r\n "))
}

/// Q encoding, strict enough for a display name (RFC 2047 section 5 rule 3).
fn q_encode(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            b' ' => "_".to_string(),
            b if b.is_ascii_alphanumeric() => (b as char).to_string(),
            b => format!("={b:02X}"),
        })
        .collect()
}
