//! Attachment bodies no rule reads, dropped before mail-parser decodes them.
//!
//! mail-parser decodes every part it meets, and for a message with a 2 MB photo or PDF
//! that decoding is most of the time spent (issue 5's p99). Images, audio, video, fonts
//! and application files are never read: only their names are (from their headers).
//! So their base64 lines are left out of the source mail-parser sees.
//!
//! This is deliberately conservative, because the text mail-parser gets must not lose
//! anything a rule reads:
//! - parts are found as mail-parser finds them (the innermost multipart's delimiters
//!   only), and the walk stops at anything it does not model;
//! - a part's header block, read by mail-parser itself (encoded names decoded), must say
//!   base64 and a binary type, and must not be an attachment that opens as a web page
//!   ([`mime::opens_as_page`]: those are read);
//! - only lines made purely of the base64 alphabet are dropped, so the first line with a
//!   space, a tag or a `-` (every delimiter has two) ends the drop.
//!
//! The `unread_parts` fuzz target checks that what the rules read is the same with and
//! without the drop.

use std::borrow::Cow;

use mail_parser::MimeHeaders;

use crate::mime;

/// Multiparts open at once and the longest boundary followed (RFC 2046 allows 70
/// characters; deeper or longer ends the walk, so junk cannot make it slow),
/// and header-block bytes looked at for one part.
const MAX_BOUNDARIES: usize = 64;
const MAX_BOUNDARY_BYTES: usize = 200;
const MAX_BLOCK_BYTES: usize = 16 * 1024;
/// Smaller sources are left alone: their attachments cost little to decode, and the
/// pass over them would cost more than it saves.
pub const MIN_SOURCE_BYTES: usize = 64 * 1024;

/// Main types whose bodies no rule reads (unless they open as a page).
const UNREAD_TYPES: &[&str] = &["image", "audio", "video", "font", "model", "application"];

/// The source with the base64 lines of unread attachments left out (borrowed when
/// there are none).
///
/// Parts are followed the way mail-parser follows them: only the innermost open
/// multipart's boundary delimits (an outer one inside it is text), a delimiter is
/// `--boundary` anywhere (not only at a line start), and `--boundary--` closes that
/// multipart. Anything this walk does not model (a nested message, a digest, odd header
/// blocks, too deep or too long boundaries) ends it: the rest is kept as it is.
pub fn drop_unread_bodies(source: &[u8]) -> Cow<'_, [u8]> {
    if source.len() < MIN_SOURCE_BYTES {
        return Cow::Borrowed(source);
    }
    // Boundaries of the open multiparts, innermost last.
    let mut open: Vec<Delimiter> = Vec::new();
    let mut out: Vec<u8> = Vec::new();
    // Bytes before this offset are in `out` already (or left out).
    let mut copied = 0;
    // At the start of a header block (the message's, then each part's).
    let mut at = 0;
    while let Some(body) = end_of_headers(source, at) {
        let Some(headers) = mime::parser().parse_headers(&source[at..body]) else { break };
        let content_type = headers.content_type();
        // mail-parser matches main types as written ("multipart", not "Multipart").
        let main_type = content_type.map_or("", |ct| ct.ctype());
        if main_type == "message" {
            break;
        }
        let mut from = body;
        if main_type == "multipart" {
            // An empty boundary is no boundary to mail-parser: the part is text.
            if let Some(boundary) =
                content_type.and_then(|ct| ct.attribute("boundary")).filter(|b| !b.is_empty())
            {
                if content_type.and_then(|ct| ct.subtype()) == Some("digest")
                    || open.len() >= MAX_BOUNDARIES
                    || boundary.len() > MAX_BOUNDARY_BYTES
                {
                    break;
                }
                let delimiter = Delimiter::new(boundary.as_bytes());
                // Its first delimiter opens its first part (none: mail-parser reads it as
                // text, and this walk stops).
                let Some(first) = delimiter.find(source, body) else { break };
                open.push(delimiter);
                at = skip_crlf(source, first);
                continue;
            }
        } else if is_unread(&headers) {
            let end = base64_run(source, body);
            if end > body {
                out.extend_from_slice(&source[copied..body]);
                copied = end;
                from = end;
            }
        }
        // The next part: after the next delimiter of the innermost multipart, closing
        // multiparts on the way out.
        let next = loop {
            let Some(delimiter) = open.last() else { break None };
            let Some(found) = delimiter.find(source, from) else { break None };
            if source[found..].starts_with(b"--") {
                open.pop();
                from = found + 2;
            } else {
                break Some(after_delimiter(source, found));
            }
        };
        match next {
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

/// Where the body after the header block starting at `from` begins (after its empty
/// line); none for a block this walk does not trust to read as mail-parser reads it: too
/// long, unended, or with a line of only spaces (which mail-parser may end a block on).
fn end_of_headers(source: &[u8], mut from: usize) -> Option<usize> {
    let limit = source.len().min(from + MAX_BLOCK_BYTES);
    while from < limit {
        let nl = find_newline(source, from)?;
        let line = &source[from..nl];
        if line.is_empty() || line == b"\r" {
            return Some(nl + 1);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        from = nl + 1;
    }
    None
}

/// A multipart's `--boundary`, with its searcher built once (memchr's two-way search
/// is linear, so a crafted boundary and body cannot make the walk quadratic).
struct Delimiter {
    text: Vec<u8>,
    finder: memchr::memmem::Finder<'static>,
}

impl Delimiter {
    /// `boundary` is at most [`MAX_BOUNDARY_BYTES`] long (the walk checks it first).
    fn new(boundary: &[u8]) -> Delimiter {
        let text = [b"--", &boundary[..boundary.len().min(MAX_BOUNDARY_BYTES)]].concat();
        let finder = memchr::memmem::Finder::new(&text).into_owned();
        Delimiter { text, finder }
    }

    /// The offset just after the first delimiter at or after `from`, case-sensitive as
    /// mail-parser compares boundaries.
    fn find(&self, source: &[u8], from: usize) -> Option<usize> {
        let at = self.finder.find(source.get(from..)?)?;
        Some(from + at + self.text.len())
    }
}

/// Where the header block after a part's delimiter starts (mail-parser's `is_multipart_end`).
fn after_delimiter(source: &[u8], at: usize) -> usize {
    match source.get(at..) {
        Some([b'\r', b'\n', ..]) => at + 2,
        Some([b'\n', ..]) => at + 1,
        Some([b, ..]) if b.is_ascii_whitespace() => skip_crlf(source, at + 1),
        _ => at,
    }
}

/// After a delimiter: spaces, tabs and CRs, then one line feed (mail-parser's `skip_crlf`).
fn skip_crlf(source: &[u8], mut at: usize) -> usize {
    while let Some(&b) = source.get(at) {
        match b {
            b'\r' | b' ' | b'\t' => at += 1,
            b'\n' => return at + 1,
            _ => break,
        }
    }
    at
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
    memchr::memchr(b'\n', &source[from..]).map(|p| from + p)
}

/// Whether a part with these headers is base64 of a type no rule reads.
fn is_unread(headers: &mail_parser::Message) -> bool {
    let binary = headers
        .content_type()
        .is_some_and(|ct| UNREAD_TYPES.iter().any(|t| ct.ctype().eq_ignore_ascii_case(t)));
    binary
        && headers.content_transfer_encoding().is_some_and(|e| e.trim().eq_ignore_ascii_case("base64"))
        && !mime::opens_as_page(headers)
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
    fn the_delimiter_search_agrees_with_a_plain_one() {
        // Small alphabets make overlapping and periodic needles, where a search that
        // skips wrongly would miss a match.
        let naive = |hay: &[u8], from: usize, needle: &[u8]| {
            (from..=hay.len().saturating_sub(needle.len()))
                .find(|&i| hay[i..].starts_with(needle))
                .map(|i| i + needle.len())
        };
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..20_000 {
            let boundary: Vec<u8> = (0..next(5)).map(|_| b"-ab"[next(3)]).collect();
            let delimiter = Delimiter::new(&boundary);
            let hay: Vec<u8> = (0..next(40)).map(|_| b"-ab\n"[next(4)]).collect();
            let from = next(hay.len() as u64 + 1);
            assert_eq!(
                delimiter.find(&hay, from),
                naive(&hay, from, &delimiter.text),
                "{hay:?} {from} {boundary:?}"
            );
        }
    }

    #[test]
    fn an_outer_delimiter_inside_an_inner_multipart_is_text() {
        // mail-parser reads "--Zz1" inside the "In" multipart as HTML text, so the fake
        // part there keeps its lines; the real photo after "In" closes is dropped.
        let png = "Content-Type: image/png\r\nContent-Transfer-Encoding: base64";
        let source = format!(
            "From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"Zz1\"\r\n\r\n\
             --Zz1\r\nContent-Type: multipart/alternative; boundary=\"In\"\r\n\r\n\
             --In\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>\r\n--Zz1\r\n{png}\r\n\r\nVerify\r\n\
             --In--\r\n--Zz1\r\n{png}\r\n\r\n{}--Zz1--\r\n",
            photo()
        );
        let slim = drop_unread_bodies(source.as_bytes());
        let text = String::from_utf8_lossy(&slim);
        assert!(text.contains("Verify") && !text.contains("iVBOR"), "{text}");
        assert_eq!(read(&slim), read(source.as_bytes()));
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
