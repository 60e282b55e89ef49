//! The words a fake's disguise is put on (the brand and the claim words, in the fixtures'
//! languages) and the editing of every occurrence: in plain text, and in an HTML body's
//! text only (never inside tags, style sheets, addresses or URLs, so links stay links).

/// The brand.
pub const BRAND: &[&str] = &["Microsoft"];

/// The brand and the claim words: "account", "security code", the code labels, in the
/// fixtures' languages. Longer words first, so "Sicherheitscode" wins over "code".
pub const CLAIM: &[&str] = &[
    "Microsoft",
    "account",
    "security",
    "single-use",
    "password",
    "sign-in",
    "code",
    "Sicherheitscode",
    "Kennworts",
    "Kennwort",
    "Konto",
    "sécurité",
    "compte",
    "セキュリティ",
    "アカウント",
    "コード",
];

/// Chars that make a word: letters and digits of alphabetic scripts. CJK and kana are
/// left out, since Japanese runs words together without spaces.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x3000
}

/// Whether the non-space run around `start..end` is an address or a URL.
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let stop = |c: char| c.is_whitespace() || "<>\"'()".contains(c);
    let from = text[..start].rfind(stop).map_or(0, |i| i + 1);
    let to = text[end..].find(stop).map_or(text.len(), |i| end + i);
    let token = &text[from..to];
    let dotted = token.char_indices().any(|(i, c)| {
        c == '.'
            && token[..i].chars().next_back().is_some_and(is_word_char)
            && token[i + 1..].chars().next().is_some_and(is_word_char)
    });
    token.contains('@') || token.contains('/') || dotted
}

/// Replaces every whole occurrence of a target word (ignoring ASCII case) by `edit(word)`.
pub fn edit_text(text: &str, targets: &[&str], edit: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    'scan: while at < text.len() {
        let rest = &text[at..];
        let before = text[..at].chars().next_back();
        if !before.is_some_and(is_word_char) {
            for target in targets {
                let Some(candidate) = rest.get(..target.len()) else { continue };
                if !candidate.to_lowercase().eq(&target.to_lowercase()) {
                    continue;
                }
                let end = at + target.len();
                let whole = !text[end..].chars().next().is_some_and(is_word_char)
                    || !target.chars().next_back().is_some_and(is_word_char);
                if whole && !in_address(text, at, end) {
                    out.push_str(&edit(candidate));
                    at = end;
                    continue 'scan;
                }
            }
        }
        let c = rest.chars().next().expect("not at the end");
        out.push(c);
        at += c.len_utf8();
    }
    out
}

/// Applies `edit_text` to the text of an HTML body: tags, comments and the contents of
/// `style`, `script` and `title` are copied as they are.
pub fn edit_html(html: &str, edit: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        out.push_str(&edit(&rest[..lt]));
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let close = if rest.starts_with("<!--") { "-->" } else { ">" };
        let end = rest.find(close).map_or(rest.len(), |i| i + close.len());
        let tag = &rest[..end];
        out.push_str(tag);
        rest = &rest[end..];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if ["style", "script", "title"].contains(&name.as_str()) {
            let stop = rest.to_ascii_lowercase().find(&format!("</{name}")).unwrap_or(rest.len());
            out.push_str(&rest[..stop]);
            rest = &rest[stop..];
        }
    }
    out
}

/// Inserts `markup` right after the `<body…>` tag (at the start when there is none).
pub fn after_body_open(html: &str, markup: &str) -> String {
    let at = html
        .to_ascii_lowercase()
        .find("<body")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    format!("{}{markup}{}", &html[..at], &html[at..])
}

/// Inserts `markup` right before `</body>` (at the end when there is none).
pub fn before_body_close(html: &str, markup: &str) -> String {
    let at = html.to_ascii_lowercase().rfind("</body").unwrap_or(html.len());
    format!("{}{markup}{}", &html[..at], &html[at..])
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
