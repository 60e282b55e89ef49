//! The tokenizer under the HTML reader: text, start and end tags, and raw-text elements
//! (script, style, title…) with their content, in one pass that never backtracks. Comments,
//! doctypes and a `<` that opens no markup are handled as browsers handle them; an
//! unterminated tag, quote or comment runs to the end of input.

/// One piece of the source.
pub(super) enum Token<'a> {
    Text(&'a str),
    Start(Tag<'a>),
    End(&'a str, Kind),
    /// An element whose content is not markup (script, style, title…), and that content.
    Raw(Tag<'a>, &'a str),
}

/// A start tag as written.
pub(super) struct Tag<'a> {
    /// ASCII letters and digits, compared ignoring case.
    pub name: &'a str,
    pub kind: Kind,
    pub attrs: &'a str,
}

/// The tokens of an HTML text, in order.
pub(super) struct Tokens<'a>(pub &'a str);

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.0;
            if rest.is_empty() {
                return None;
            }
            if !starts_markup(rest.as_bytes()) {
                // Text runs to the next '<' that opens markup (a '<' before a space or a
                // digit is text, as in browsers).
                let bytes = rest.as_bytes();
                let end = memchr::memchr_iter(b'<', &bytes[1..])
                    .map(|at| at + 1)
                    .find(|&at| starts_markup(&bytes[at..]))
                    .unwrap_or(rest.len());
                self.0 = &rest[end..];
                return Some(Token::Text(&rest[..end]));
            }
            if let Some(after) = rest.strip_prefix("<!--") {
                self.0 = memchr::memmem::find(after.as_bytes(), b"-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            let body = &rest[1..];
            let (closing, body) = match body.strip_prefix('/') {
                Some(b) => (true, b),
                None => (false, body),
            };
            let name_len = body.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(body.len());
            if name_len == 0 {
                // `<!doctype>`, `<?xml>`, `</ >` and the like.
                self.0 = body.find('>').map_or("", |e| &body[e + 1..]);
                continue;
            }
            let name = &body[..name_len];
            let kind = kind_of(name);
            let (attrs, after) = split_tag_end(&body[name_len..]);
            if closing {
                self.0 = after;
                return Some(Token::End(name, kind));
            }
            let tag = Tag { name, kind, attrs };
            if kind.flags & RAW != 0 {
                let end = raw_text_end(after, name);
                self.0 = &after[end..];
                return Some(Token::Raw(tag, &after[..end]));
            }
            self.0 = after;
            return Some(Token::Start(tag));
        }
    }
}

/// Whether `s` starts with markup: `<` and then a letter, `/`, `!` or `?`.
pub(super) fn starts_markup(s: &[u8]) -> bool {
    s.first() == Some(&b'<')
        && s.get(1).is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
}

/// Where the content of a raw-text element ends: at its `</name` (any case), or the end.
pub(super) fn raw_text_end(s: &str, name: &str) -> usize {
    let bytes = s.as_bytes();
    memchr::memmem::find_iter(bytes, b"</")
        .find(|&at| {
            let after = &bytes[at + 2..];
            after.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && !after.get(name.len()).is_some_and(u8::is_ascii_alphanumeric)
        })
        .unwrap_or(s.len())
}

pub(super) const BLOCK: u8 = 1;
pub(super) const VOID: u8 = 2;
pub(super) const RAW: u8 = 4;
/// Its start tag ends an open `<p>` (HTML's implied end tags).
pub(super) const ENDS_P: u8 = 8;

/// The element names the reader knows, sorted, with what they are.
pub(super) const TAGS: &[(&str, u8)] = &[
    ("a", 0),
    ("address", BLOCK | ENDS_P),
    ("area", VOID),
    ("article", BLOCK | ENDS_P),
    ("aside", BLOCK | ENDS_P),
    ("b", 0),
    ("base", VOID),
    ("bdo", 0),
    ("blockquote", BLOCK | ENDS_P),
    ("body", 0),
    ("br", BLOCK | VOID),
    ("caption", BLOCK),
    ("center", BLOCK | ENDS_P),
    ("col", VOID),
    ("dd", BLOCK | ENDS_P),
    ("div", BLOCK | ENDS_P),
    ("dl", BLOCK | ENDS_P),
    ("dt", BLOCK | ENDS_P),
    ("embed", VOID),
    ("fieldset", BLOCK | ENDS_P),
    ("figcaption", BLOCK | ENDS_P),
    ("figure", BLOCK | ENDS_P),
    ("font", 0),
    ("footer", BLOCK | ENDS_P),
    ("form", BLOCK | ENDS_P),
    ("h1", BLOCK | ENDS_P),
    ("h2", BLOCK | ENDS_P),
    ("h3", BLOCK | ENDS_P),
    ("h4", BLOCK | ENDS_P),
    ("h5", BLOCK | ENDS_P),
    ("h6", BLOCK | ENDS_P),
    ("header", BLOCK | ENDS_P),
    ("hr", BLOCK | VOID | ENDS_P),
    ("i", 0),
    ("img", VOID),
    ("input", VOID),
    ("li", BLOCK | ENDS_P),
    ("link", VOID),
    ("main", BLOCK | ENDS_P),
    ("meta", VOID),
    ("nav", BLOCK | ENDS_P),
    ("noscript", RAW),
    // Office's namespaced tags (`<o:p>`, `<v:shape>`, `<w:…>`) read as `o`, `v`, `w`.
    ("o", 0),
    ("ol", BLOCK | ENDS_P),
    ("option", 0),
    ("p", BLOCK | ENDS_P),
    ("pre", BLOCK | ENDS_P),
    ("script", RAW),
    ("section", BLOCK | ENDS_P),
    ("select", 0),
    ("source", VOID),
    ("span", 0),
    ("style", RAW),
    ("table", BLOCK | ENDS_P),
    ("tbody", 0),
    ("td", BLOCK),
    ("template", 0),
    ("textarea", RAW),
    ("tfoot", 0),
    ("th", BLOCK),
    ("thead", 0),
    ("title", RAW),
    ("tr", BLOCK),
    ("track", VOID),
    ("ul", BLOCK | ENDS_P),
    ("v", 0),
    ("w", 0),
    ("wbr", VOID),
];

/// What a tag name is: its entry in [`TAGS`] (`index == TAGS.len()` for other names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Kind {
    pub index: usize,
    /// Lower-cased; empty for other names.
    pub name: &'static str,
    pub flags: u8,
}

/// A tag name of up to 16 ASCII bytes packed into a number, lower-cased; packing keeps
/// the names' sort order, so [`TAGS`] is searched by number (no string compares).
pub(super) const fn pack(name: &[u8]) -> Option<u128> {
    if name.len() > 16 {
        return None;
    }
    let mut key = 0u128;
    let mut i = 0;
    while i < 16 {
        let b = if i < name.len() { name[i].to_ascii_lowercase() } else { 0 };
        key = key << 8 | b as u128;
        i += 1;
    }
    Some(key)
}

pub(super) const TAG_KEYS: [u128; TAGS.len()] = {
    let mut keys = [0; TAGS.len()];
    let mut i = 0;
    while i < TAGS.len() {
        keys[i] = match pack(TAGS[i].0.as_bytes()) {
            Some(key) => key,
            None => panic!("tag names are at most 16 bytes"),
        };
        i += 1;
    }
    keys
};

pub(super) fn kind_of(name: &str) -> Kind {
    let found = pack(name.as_bytes()).and_then(|key| TAG_KEYS.binary_search(&key).ok());
    match found {
        Some(index) => Kind { index, name: TAGS[index].0, flags: TAGS[index].1 },
        None => Kind { index: TAGS.len(), name: "", flags: 0 },
    }
}

/// Splits at the '>' that ends a tag, honouring quotes; unterminated runs to the end.
pub(super) fn split_tag_end(s: &str) -> (&str, &str) {
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
pub(super) fn attributes<'a>(mut s: &'a str, mut each: impl FnMut(&'a str, &'a str)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_table_is_sorted_for_its_binary_search() {
        assert!(TAGS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(kind_of("DiV").name, "div");
        assert_eq!(kind_of("blockquotes").index, TAGS.len());
        assert_eq!(kind_of("averyveryverylongname").index, TAGS.len());
    }

    #[test]
    fn tokens_follow_browsers_on_odd_markup() {
        let names: Vec<String> = Tokens("a <3 b<!-- c --><!doctype x></ y><B>d</b><script>e</p></SCRIPT >f")
            .map(|t| match t {
                Token::Text(t) => format!("text {t}"),
                Token::Start(tag) => format!("start {}", tag.name),
                Token::End(name, _) => format!("end {name}"),
                Token::Raw(tag, content) => format!("raw {} {content}", tag.name),
            })
            .collect();
        assert_eq!(
            names,
            ["text a <3 b", "start B", "text d", "end b", "raw script e</p>", "end SCRIPT", "text f"]
        );
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
