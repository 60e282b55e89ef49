//! A small, tolerant HTML reader for mail bodies: the visible text, the text hidden
//! from the reader, and the links with their visible text.
//!
//! Mail HTML is often broken on purpose, so this is a single bounded pass over the
//! bytes, not a parser: unterminated tags, comments and quotes end at the end of input,
//! nesting is capped, and nothing here can loop or recurse on hostile input.

/// Links read at most; the link rules cap what they judge again.
pub const MAX_LINKS: usize = 5_000;
/// Open elements tracked at most; deeper nesting is treated as flat.
const MAX_DEPTH: usize = 256;

/// What one pass over an HTML body finds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    /// Text a reader sees.
    pub visible_text: String,
    /// Text inside elements styled to be invisible (`display:none`, zero font size, …).
    pub hidden_text: String,
    /// The `alt` and `title` text of images, one per line.
    pub image_text: String,
    /// How the body disguises what it shows.
    pub disguises: Vec<crate::model::Disguise>,
    /// `(visible text, href)` of each `<a href>`, in order.
    pub links: Vec<(String, String)>,
}

/// The visible text of an HTML body.
pub fn visible_text(html: &str) -> String {
    scan(html).visible_text
}

/// The links of an HTML body: `(visible text, href)`.
pub fn links(html: &str) -> Vec<(String, String)> {
    scan(html).links
}

struct Open<'a> {
    /// The tag name as written (ASCII letters and digits: compared ignoring case).
    name: &'a str,
    hidden: bool,
}

/// The `http(s)://` URLs written out in plain text, in order.
pub fn bare_urls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = find_ascii_ci(rest, "http") {
        let candidate = &rest[at..];
        let is_url = ["http://", "https://"].iter().any(|p| {
            candidate.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
        });
        let end = candidate
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ')' | ']'))
            .unwrap_or(candidate.len());
        if is_url && out.len() < MAX_LINKS {
            out.push(candidate[..end].trim_end_matches(['.', ',', ';']).to_string());
        }
        rest = &candidate[end.max(4)..];
    }
    out
}

/// Scans an HTML body once.
pub fn scan(html: &str) -> Scan {
    let mut out = Scan::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut style = String::new();
    // The open link: its href and where its text starts in `visible_text`.
    let mut link: Option<(String, usize)> = None;
    let mut rest = html;

    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, &stack, rest);
            break;
        };
        push_text(&mut out, &stack, &rest[..lt]);
        rest = &rest[lt..];

        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let (tag, after) = read_tag(rest, &mut style);
        rest = after;
        let Some(tag) = tag else {
            // A lone '<' is text.
            push_text(&mut out, &stack, "<");
            continue;
        };

        if tag.closing {
            if tag.name.eq_ignore_ascii_case("a") {
                close_link(&mut out, &mut link);
            }
            if let Some(pos) = stack.iter().rposition(|o| o.name.eq_ignore_ascii_case(tag.name)) {
                stack.truncate(pos);
            }
            if is_block(tag.name) {
                push_break(&mut out, &stack);
            }
            continue;
        }

        if is_block(tag.name) {
            push_break(&mut out, &stack);
        }
        if is_raw_text(tag.name) {
            // Skip script/style/title contents entirely: never shown as text.
            let close = format!("</{}", tag.name);
            rest = find_ascii_ci(rest, &close).map_or("", |at| &rest[at..]);
            continue;
        }
        if tag.name.eq_ignore_ascii_case("a") {
            close_link(&mut out, &mut link);
            if let Some(href) = tag.href {
                if out.links.len() < MAX_LINKS {
                    link = Some((href, out.visible_text.len()));
                }
            }
        }
        if !tag.self_closing && !is_void(tag.name) && stack.len() < MAX_DEPTH {
            let inherited = stack.last().is_some_and(|o| o.hidden);
            stack.push(Open { name: tag.name, hidden: inherited || tag.hidden });
        }
    }
    close_link(&mut out, &mut link);
    out.visible_text = tidy(&out.visible_text);
    out.hidden_text = tidy(&out.hidden_text);
    out
}

fn close_link(out: &mut Scan, link: &mut Option<(String, usize)>) {
    if let Some((href, start)) = link.take() {
        let text = out.visible_text.get(start..).unwrap_or_default();
        out.links.push((tidy(text), href));
    }
}

fn push_text(out: &mut Scan, stack: &[Open<'_>], raw: &str) {
    if raw.is_empty() {
        return;
    }
    let target =
        if stack.last().is_some_and(|o| o.hidden) { &mut out.hidden_text } else { &mut out.visible_text };
    decode_entities_into(raw, target);
}

fn push_break(out: &mut Scan, stack: &[Open<'_>]) {
    let target =
        if stack.last().is_some_and(|o| o.hidden) { &mut out.hidden_text } else { &mut out.visible_text };
    target.push('\n');
}

/// One tag as read from the source.
struct Tag<'a> {
    /// As written: ASCII letters and digits, compared ignoring case.
    name: &'a str,
    closing: bool,
    self_closing: bool,
    href: Option<String>,
    hidden: bool,
}

/// Reads the tag at the start of `s` (which begins with '<'); returns the rest after it.
/// `style` is scratch space for reading a style attribute.
fn read_tag<'a>(s: &'a str, style: &mut String) -> (Option<Tag<'a>>, &'a str) {
    let body = &s[1..];
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let name_len = body.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(body.len());
    if name_len == 0 {
        // `<!doctype>`, `<?xml>` and the like: skip to '>'.
        if body.starts_with(['!', '?']) {
            return (None, body.find('>').map_or("", |e| &body[e + 1..]));
        }
        return (None, body);
    }
    let name = &body[..name_len];
    let (attrs, rest) = split_tag_end(&body[name_len..]);
    let mut tag =
        Tag { name, closing, self_closing: attrs.trim_end().ends_with('/'), href: None, hidden: false };
    attributes(attrs, |key, value| {
        // Keys compare ignoring ASCII case, as the lower-cased key compared before.
        if key.eq_ignore_ascii_case("href") && tag.name.eq_ignore_ascii_case("a") {
            let mut href = String::new();
            decode_entities_into(value.trim(), &mut href);
            tag.href = Some(href);
        } else if key.eq_ignore_ascii_case("style") {
            tag.hidden |= style_hides(value, style);
        } else if key.eq_ignore_ascii_case("hidden")
            || key.eq_ignore_ascii_case("aria-hidden") && value.eq_ignore_ascii_case("true")
        {
            tag.hidden = true;
        }
    });
    (Some(tag), rest)
}

/// Splits at the '>' that ends a tag, honouring quotes; unterminated runs to the end.
fn split_tag_end(s: &str) -> (&str, &str) {
    let bytes = s.as_bytes();
    let mut i = 0;
    // Mail tags carry long quoted styles: jump over a quoted value in one search.
    while let Some(found) = bytes[i..].iter().position(|&b| matches!(b, b'"' | b'\'' | b'>')) {
        let at = i + found;
        if bytes[at] == b'>' {
            return (&s[..at], &s[at + 1..]);
        }
        let quote = bytes[at];
        match bytes[at + 1..].iter().position(|&b| b == quote) {
            Some(close) => i = at + 1 + close + 1,
            None => break,
        }
    }
    (s, "")
}

/// Calls `each` with the `key=value` pairs of a tag's attribute text, in order (keys as
/// written).
fn attributes<'a>(mut s: &'a str, mut each: impl FnMut(&'a str, &'a str)) {
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() {
            return;
        }
        let key_len = s.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(s.len());
        let key = &s[..key_len];
        s = s[key_len..].trim_start();
        let value;
        if let Some(after) = s.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    value = &inner[..end];
                    s = inner.get(end + 1..).unwrap_or("");
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    value = &after[..end];
                    s = &after[end..];
                }
            }
        } else {
            value = "";
        }
        if key_len == 0 {
            // Junk like a stray '=': skip one char so the loop always advances.
            s = s.get(1..).unwrap_or("");
            continue;
        }
        each(key, value);
    }
}

/// Whether an inline style hides the element from the reader.
/// `compact` is scratch space (the style without white space, ASCII lower-cased).
fn style_hides(style: &str, compact: &mut String) -> bool {
    compact.clear();
    compact.extend(style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()));
    let style = compact.as_str();
    style.contains("display:none")
        || style.contains("visibility:hidden")
        || zero_valued(style, "font-size:")
        || zero_valued(style, "opacity:")
        || zero_valued(style, "max-height:") && style.contains("overflow:hidden")
}

/// Whether `prop` is set to a number that is zero (`0`, `0px`, `0.0em`).
fn zero_valued(style: &str, prop: &str) -> bool {
    style.match_indices(prop).any(|(at, _)| {
        let value = &style.as_bytes()[at + prop.len()..];
        let number =
            &value[..value.iter().position(|b| !(b.is_ascii_digit() || *b == b'.')).unwrap_or(value.len())];
        // A decimal number (at most one point, a digit somewhere) whose digits are all 0.
        number.iter().any(u8::is_ascii_digit)
            && number.iter().filter(|&&b| b == b'.').count() <= 1
            && number.iter().all(|&b| b == b'0' || b == b'.')
    })
}

/// A tag name lower-cased into `buf`; `None` when longer than any name the lists hold.
fn lowered<'b>(name: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let out = buf.get_mut(..name.len())?;
    out.copy_from_slice(name.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn is_void(name: &str) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lowered(name, &mut buf).unwrap_or_default(),
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_raw_text(name: &str) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lowered(name, &mut buf).unwrap_or_default(),
        "script" | "style" | "title" | "textarea" | "noscript"
    )
}

fn is_block(name: &str) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lowered(name, &mut buf).unwrap_or_default(),
        "br" | "p"
            | "div"
            | "tr"
            | "li"
            | "ul"
            | "ol"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "blockquote"
            | "section"
            | "td"
            | "th"
    )
}

/// Finds `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    crate::text::find_ascii_ci(hay, needle)
}

/// Appends `raw` with the common character references decoded.
fn decode_entities_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.as_bytes().iter().take(12).position(|&b| b == b';');
        let decoded = end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        _ => return None,
    })
}

/// Collapses runs of white space (keeping single line breaks) and trims.
///
/// One pass: the words (runs of non-white-space) in order, joined by a line break where
/// the white space between them held one and by a space otherwise.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    let mut newline = false;
    let push_word = |out: &mut String, word: &str, newline: &mut bool| {
        if !out.is_empty() {
            out.push(if *newline { '\n' } else { ' ' });
        }
        out.push_str(word);
        *newline = false;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (white, len) = if b.is_ascii() {
            (matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'), 1)
        } else {
            let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or('\u{fffd}');
            (c.is_whitespace(), c.len_utf8())
        };
        if white {
            if let Some(start) = word_start.take() {
                push_word(&mut out, text.get(start..i).unwrap_or_default(), &mut newline);
            }
            newline |= b == b'\n';
        } else if word_start.is_none() {
            word_start = Some(i);
        }
        i += len;
    }
    if let Some(start) = word_start {
        push_word(&mut out, text.get(start..).unwrap_or_default(), &mut newline);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_links_text_and_hidden_parts() {
        let s = scan(
            r#"<p>Security code: <b>123456</b></p><a href="https://x.test/a?b=1&amp;c=2">Go <i>there</i></a>
               <div style="display: none">Microsoft account team</div><style>p{}</style>"#,
        );
        assert_eq!(s.links, vec![("Go there".to_string(), "https://x.test/a?b=1&c=2".to_string())]);
        assert!(s.visible_text.contains("Security code: 123456"));
        assert!(!s.visible_text.contains("Microsoft account team"));
        assert_eq!(s.hidden_text, "Microsoft account team");
    }

    #[test]
    fn survives_unterminated_markup() {
        for html in [
            "<a href=\"x",
            "<!-- never closed",
            "<div style='font-size:0'>a",
            "<",
            "&#xFFFFFFFF;",
            "<a href=x>t",
        ] {
            let _ = scan(html);
        }
        assert_eq!(scan("<a href=x>t").links, vec![("t".to_string(), "x".to_string())]);
    }

    #[test]
    fn tidy_keeps_single_line_breaks_between_words() {
        fn lines_way(text: &str) -> String {
            let mut out = String::new();
            for line in text.lines() {
                let words: Vec<&str> = line.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
                if words.is_empty() {
                    continue;
                }
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&words.join(" "));
            }
            out
        }
        for text in [
            "",
            "  ",
            "a",
            " a  b \n\n c\r\n d\re\u{a0}f\u{2028}g\u{3000}h \x0b\x0ci\n",
            "\n\n x \t\n",
            "één  twee\u{85}drie\n\u{200b}vier",
        ] {
            assert_eq!(tidy(text), lines_way(text), "{text:?}");
        }
    }

    #[test]
    fn zero_font_is_hidden_but_small_font_is_not() {
        assert!(style_hides("font-size: 0px", &mut String::new()));
        assert!(!style_hides("font-size:0.9em", &mut String::new()));
    }

    /// A pseudo-random string over `alphabet`, `len` chars long at most.
    fn random_text(state: &mut u64, alphabet: &[char], len: u64) -> String {
        let mut text = String::new();
        for _ in 0..(*state % len) {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            text.push(alphabet[(*state % alphabet.len() as u64) as usize]);
        }
        *state = state.wrapping_add(1);
        text
    }

    #[test]
    fn zero_values_are_told_as_a_float_parser_tells_them() {
        let reference = |style: &str, prop: &str| {
            style.match_indices(prop).any(|(at, _)| {
                let value = &style[at + prop.len()..];
                let number: String = value.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                number.parse::<f64>().is_ok_and(|n| n == 0.0)
            })
        };
        let alphabet: Vec<char> = "00.1x;é".chars().collect();
        let mut state = 0x9e37_79b9_7f4a_7c15;
        let mut zeros = 0;
        for _ in 0..20_000 {
            let style = format!(
                "{}opacity:{}font-size:{}",
                random_text(&mut state, &alphabet, 4),
                random_text(&mut state, &alphabet, 6),
                random_text(&mut state, &alphabet, 6)
            );
            for prop in ["opacity:", "font-size:"] {
                let zero = zero_valued(&style, prop);
                assert_eq!(zero, reference(&style, prop), "{style:?} {prop}");
                zeros += usize::from(zero);
            }
        }
        assert!(zeros > 1_000, "zero values were tried ({zeros})");
    }

    #[test]
    fn a_tag_ends_at_the_first_unquoted_angle_bracket() {
        let reference = |s: &str| {
            let mut quote: Option<u8> = None;
            for (i, b) in s.bytes().enumerate() {
                match (quote, b) {
                    (Some(q), _) if b == q => quote = None,
                    (Some(_), _) => {}
                    (None, b'"' | b'\'') => quote = Some(b),
                    (None, b'>') => return (s[..i].to_string(), s[i + 1..].to_string()),
                    _ => {}
                }
            }
            (s.to_string(), String::new())
        };
        let alphabet: Vec<char> = "a =\"'>é/".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let tag = random_text(&mut state, &alphabet, 24);
            let (attrs, rest) = split_tag_end(&tag);
            assert_eq!((attrs.to_string(), rest.to_string()), reference(&tag), "{tag:?}");
        }
    }
}
