//! Attachment bodies no rule reads, dropped before mail-parser decodes them.
//!
//! mail-parser decodes every part it meets, and for a message with a 2 MB photo or PDF
//! that decoding is most of the time spent (issue 5's p99). Images, audio, video, fonts
//! and application files are never read: only their names are (from their headers).
//! So their base64 lines are left out of the source mail-parser sees.
//!
//! This is deliberately conservative, because the text mail-parser gets must not lose
//! anything a rule reads:
//! - a part is recognized only after a delimiter line of a boundary that a header block
//!   already declared;
//! - its header block, read by mail-parser itself (encoded names decoded), must say
//!   base64 and a binary type, and must not be an attachment that opens as a web page
//!   ([`raw::opens_as_page`]: those are read);
//! - only lines made purely of the base64 alphabet are dropped, so the first line with a
//!   space, a tag or a `-` (every delimiter has two) ends the drop. Text dressed as a
//!   fake part can lose at most bare one-word lines.

use std::borrow::Cow;

use mail_parser::MimeHeaders;

use crate::raw;

/// Boundaries remembered at most, and header-block bytes looked at for one part.
const MAX_BOUNDARIES: usize = 64;
const MAX_BLOCK_BYTES: usize = 16 * 1024;
/// Smaller sources are left alone: their attachments cost little to decode, and the
/// pass over them would cost more than it saves.
const MIN_SOURCE_BYTES: usize = 64 * 1024;

/// Main types whose bodies no rule reads (unless they open as a page).
const UNREAD_TYPES: &[&str] = &["image", "audio", "video", "font", "model", "application"];

/// The source with the base64 lines of unread attachments left out (borrowed when
/// there are none).
pub fn drop_unread_bodies(source: &[u8]) -> Cow<'_, [u8]> {
    if source.len() < MIN_SOURCE_BYTES {
        return Cow::Borrowed(source);
    }
    let mut boundaries: Vec<Vec<u8>> = Vec::new();
    let mut out: Vec<u8> = Vec::new();
    // Bytes before this offset are in `out` already (or left out).
    let mut copied = 0;
    // At the start of a header block (the message's, then each part's).
    let mut at = 0;
    loop {
        let block_end = end_of_headers(source, at);
        let headers = raw::parser().parse_headers(&source[at..block_end.min(at + MAX_BLOCK_BYTES)]);
        let content_type = headers.as_ref().and_then(|h| h.content_type());
        if let Some(boundary) = content_type.and_then(|ct| ct.attribute("boundary")) {
            if boundaries.len() < MAX_BOUNDARIES && !boundary.is_empty() {
                boundaries.push(boundary.as_bytes().to_vec());
            }
        }
        let mut body = block_end;
        if headers.as_ref().is_some_and(is_unread) {
            let end = base64_run(source, body);
            if end > body {
                out.extend_from_slice(&source[copied..body]);
                copied = end;
            }
            body = end;
        }
        if boundaries.is_empty() {
            break;
        }
        match next_part(source, body, &boundaries) {
            Some(part) => at = part,
            None => break,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(source);
    }
    out.extend_from_slice(&source[copied..]);
    Cow::Owned(out)
}

/// Where the body after the header block starting at `from` begins (after its blank line).
fn end_of_headers(source: &[u8], mut from: usize) -> usize {
    loop {
        let Some(nl) = find_newline(source, from) else { return source.len() };
        let line = &source[from..nl];
        if line.is_empty() || line == b"\r" {
            return nl + 1;
        }
        from = nl + 1;
    }
}

/// The start of the header block of the next part: the line after the next delimiter
/// line of a declared boundary.
fn next_part(source: &[u8], mut from: usize, boundaries: &[Vec<u8>]) -> Option<usize> {
    loop {
        // Delimiters start a line; a body starting with one is found at `from` itself.
        let line =
            if source[from..].starts_with(b"--") { from } else { from + find(&source[from..], b"\n--")? + 1 };
        let end = find_newline(source, line).map_or(source.len(), |nl| nl + 1);
        let content = source[line..end].trim_ascii_end();
        if is_delimiter(content, boundaries) {
            return Some(end);
        }
        from = end;
        if from >= source.len() {
            return None;
        }
    }
}

/// The end of the run of whole base64 lines starting at `from`: the start of the first
/// line that is empty or holds anything else.
fn base64_run(source: &[u8], from: usize) -> usize {
    let mut line_start = from;
    loop {
        let rest = &source[line_start..];
        let stop = rest.iter().position(|&b| !BASE64[usize::from(b)]).unwrap_or(rest.len());
        let ending = match &rest[stop..] {
            [b'\n', ..] => 1,
            [b'\r', b'\n', ..] => 2,
            // The end of the source, or a byte outside the alphabet.
            _ => return if stop == rest.len() && stop > 0 { source.len() } else { line_start },
        };
        if stop == 0 {
            return line_start;
        }
        line_start += stop + ending;
    }
}

/// The base64 alphabet, as a table (this loop runs over megabytes).
static BASE64: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'=';
        b += 1;
    }
    table
};

fn find_newline(source: &[u8], from: usize) -> Option<usize> {
    crate::claim::find_byte_ci(&source[from..], b'\n').map(|p| from + p)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    crate::claim::find_bytes_ci(hay, needle)
}

/// A delimiter line (`--boundary`) that opens a part, not the closing `--boundary--`.
fn is_delimiter(line: &[u8], boundaries: &[Vec<u8>]) -> bool {
    let Some(rest) = line.strip_prefix(b"--") else { return false };
    boundaries.iter().any(|b| rest.strip_prefix(&b[..]).is_some_and(|after| !after.starts_with(b"--")))
}

/// Whether a part with these headers is base64 of a type no rule reads.
fn is_unread(headers: &mail_parser::Message) -> bool {
    let binary = headers
        .content_type()
        .is_some_and(|ct| UNREAD_TYPES.iter().any(|t| ct.ctype().eq_ignore_ascii_case(t)));
    binary
        && headers.content_transfer_encoding().is_some_and(|e| e.trim().eq_ignore_ascii_case("base64"))
        && !raw::opens_as_page(headers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::{MessageParser, MimeHeaders};

    /// A small PNG, repeated past [`MIN_SOURCE_BYTES`] so that the source is looked at.
    fn photo() -> String {
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E\r\n"
            .repeat(MIN_SOURCE_BYTES / 80 + 1)
    }

    fn message(part_headers: &str, body: &str) -> String {
        format!(
            "From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"Zz1\"\r\n\r\n\
             --Zz1\r\nContent-Type: text/html\r\n\r\n<p>Your code</p>\r\n\
             --Zz1\r\n{part_headers}\r\n\r\n{body}\r\n--Zz1--\r\n"
        )
    }

    /// What `raw::read` takes from a source: the HTML parts, the first text body, the
    /// attachment names.
    fn read(source: &[u8]) -> (Vec<String>, Option<String>, Vec<String>) {
        let message = MessageParser::new().parse(source).expect("a message");
        let html = message
            .html_bodies()
            .filter(|p| p.content_type().and_then(|ct| ct.subtype()) == Some("html"))
            .filter_map(|p| p.text_contents())
            .map(str::to_string)
            .collect();
        let text = message.text_bodies().next().and_then(|p| p.text_contents()).map(str::to_string);
        let names = message.attachments().filter_map(|p| p.attachment_name()).map(str::to_string).collect();
        (html, text, names)
    }

    #[test]
    fn a_photo_is_dropped_and_everything_else_kept() {
        let headers = "Content-Type: image/png; name=\"a.png\"\r\nContent-Transfer-Encoding: base64";
        let source = message(headers, &photo());
        let slim = drop_unread_bodies(source.as_bytes());
        assert_eq!(String::from_utf8_lossy(&slim), message(headers, ""));
        assert_eq!(read(&slim), read(source.as_bytes()));
        assert_eq!(read(&slim).2, ["a.png"]);
    }

    #[test]
    fn an_encoded_name_is_read_as_mail_parser_reads_it() {
        // "foto ação.jpg" in an encoded word: a photo, dropped.
        let headers = "Content-Type: image/jpeg; name=\"=?UTF-8?B?Zm90byBhw6fDo28uanBn?=\"\r\n\
                       Content-Transfer-Encoding: base64";
        let source = message(headers, &photo());
        let slim = drop_unread_bodies(source.as_bytes());
        assert_eq!(String::from_utf8_lossy(&slim), message(headers, ""));
        assert_eq!(read(&slim).2, ["foto ação.jpg"]);
    }

    #[test]
    fn pages_text_small_sources_and_hidden_names_are_kept() {
        for headers in [
            "Content-Type: application/octet-stream; name=\"login.html\"\r\nContent-Transfer-Encoding: base64",
            "Content-Type: image/svg+xml\r\nContent-Transfer-Encoding: base64",
            "Content-Type: application/pdf; name=\"=?utf-8?B?bG9naW4uaHRtbA==?=\"\r\n\
             Content-Transfer-Encoding: base64",
            "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=utf-8''a%2Ehtm\r\n\
             Content-Transfer-Encoding: base64",
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64",
            "Content-Type: image/png\r\nContent-Transfer-Encoding: quoted-printable",
        ] {
            let source = message(headers, &photo());
            assert!(matches!(drop_unread_bodies(source.as_bytes()), Cow::Borrowed(_)), "{headers}");
        }
        let small = message("Content-Type: image/png\r\nContent-Transfer-Encoding: base64", "QUJD");
        assert!(matches!(drop_unread_bodies(small.as_bytes()), Cow::Borrowed(_)));
    }

    #[test]
    fn only_declared_boundaries_open_parts_and_text_ends_a_drop() {
        // A fake part inside the HTML, under a boundary nobody declared: kept.
        let fake = format!(
            "From: a@b.example\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--Fake\r\n\
             Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n{}",
            photo()
        );
        assert!(matches!(drop_unread_bodies(fake.as_bytes()), Cow::Borrowed(_)));
        // A line with a space or a tag after base64 lines is kept, and so is all after it.
        let body = format!("{}your code is 123456\r\nREVG", photo());
        let source = message("Content-Type: image/png\r\nContent-Transfer-Encoding: base64", &body);
        let slim = String::from_utf8(drop_unread_bodies(source.as_bytes()).into_owned()).unwrap();
        assert!(
            !slim.contains("iVBOR") && slim.contains("base64\r\n\r\nyour code is 123456\r\nREVG"),
            "{slim}"
        );
    }
}
