//! The project's own mail fixtures (`tests/fixtures/mail/`), what `expected.tsv` says of
//! each, and each one read into the structured form the variants are built from.
//!
//! The reader is deliberately minimal: the fixtures are written to be decomposable
//! (headers, one text/plain and/or one text/html part, at most one attachment, UTF-8 in
//! 7bit or 8bit), and a fixture outside that shape is an error, not something to guess at.

use std::path::{Path, PathBuf};

use codeguard::{Claim, Level};

/// Which folder a fixture lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Fake,
    Genuine,
    Ordinary,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Fake, Group::Genuine, Group::Ordinary];

    pub fn folder(self) -> &'static str {
        match self {
            Group::Fake => "fake",
            Group::Genuine => "genuine",
            Group::Ordinary => "ordinary",
        }
    }
}

/// What a correct analyzer says of a fixture (the `expect` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Suspicious or dangerous.
    Flagged,
    /// Genuine from the raw source; a page without the source can only say unverified.
    Genuine,
    Unverified,
    /// Level none: not a Microsoft claim.
    Silent,
}

/// The two ways a message reaches the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `analyze_eml(bytes)`: the CLI and a pasted source.
    Raw,
    /// `analyze(&input)` with what `raw::read` gives and no raw source: what a page
    /// adapter reads.
    Page,
}

impl Route {
    pub const BOTH: [Route; 2] = [Route::Raw, Route::Page];

    pub fn as_str(self) -> &'static str {
        match self {
            Route::Raw => "raw",
            Route::Page => "page",
        }
    }
}

impl Expect {
    fn parse(s: &str) -> Result<Expect, String> {
        Ok(match s {
            "flagged" => Expect::Flagged,
            "genuine" => Expect::Genuine,
            "unverified" => Expect::Unverified,
            "silent" => Expect::Silent,
            other => return Err(format!("unknown expect {other:?}")),
        })
    }

    /// Whether `level` is what a correct analyzer says on `path`.
    pub fn accepts(self, path: Route, level: Level) -> bool {
        match (self, path) {
            (Expect::Flagged, _) => matches!(level, Level::Suspicious | Level::Dangerous),
            (Expect::Genuine, Route::Raw) => level == Level::Genuine,
            (Expect::Genuine, Route::Page) | (Expect::Unverified, _) => level == Level::Unverified,
            (Expect::Silent, _) => level == Level::None,
        }
    }

    /// The expectation in words, for failure lists.
    pub fn describe(self, path: Route) -> &'static str {
        match (self, path) {
            (Expect::Flagged, _) => "suspicious or dangerous",
            (Expect::Genuine, Route::Raw) => "genuine",
            (Expect::Genuine, Route::Page) | (Expect::Unverified, _) => "unverified",
            (Expect::Silent, _) => "none",
        }
    }

    /// The folder an expectation belongs in.
    fn group(self) -> Group {
        match self {
            Expect::Flagged => Group::Fake,
            Expect::Genuine | Expect::Unverified => Group::Genuine,
            Expect::Silent => Group::Ordinary,
        }
    }
}

/// An attachment, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    /// The MIME type alone (`text/html`).
    pub mime_type: String,
    pub body: String,
}

/// A message as the variants are built from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// Top-level headers in source order, values as written (folded lines joined by
    /// `\n`), without the MIME headers the writer makes. `From` and `Subject` stand here
    /// only for their position: their values are [`Mail::display_name`], [`Mail::address`]
    /// and [`Mail::subject`].
    pub headers: Vec<(String, String)>,
    pub display_name: String,
    pub address: String,
    pub subject: String,
    pub text: Option<String>,
    pub html: Option<String>,
    pub attachment: Option<Attachment>,
}

/// One fixture: its file, what is expected of it, its bytes and its structured form.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// Path under `tests/fixtures/mail/` (`fake/device_code_login.eml`).
    pub file: String,
    pub group: Group,
    pub expect: Expect,
    pub claim: Option<Claim>,
    pub bytes: Vec<u8>,
    pub mail: Mail,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mail")
}

/// Every fixture listed in `expected.tsv`; an error names what is wrong (a file missing
/// from the list or from the disk, a bad row, a fixture that cannot be decomposed).
pub fn load_all() -> Result<Vec<Fixture>, String> {
    let dir = dir();
    let tsv = std::fs::read_to_string(dir.join("expected.tsv")).map_err(|e| format!("expected.tsv: {e}"))?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header.iter().position(|h| *h == name).ok_or(format!("expected.tsv has no {name} column"))
    };
    let (file_col, expect_col, claim_col) = (column("file")?, column("expect")?, column("claim")?);

    let mut fixtures = Vec::new();
    for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or_default().trim();
        let file = cell(file_col).to_string();
        let row = |e: String| format!("expected.tsv line {}: {file}: {e}", n + 2);
        let expect = Expect::parse(cell(expect_col)).map_err(row)?;
        let claim = match cell(claim_col) {
            "" => None,
            name => Some(
                serde_json::from_value(serde_json::Value::String(name.into()))
                    .map_err(|e| row(e.to_string()))?,
            ),
        };
        let group = Group::ALL
            .into_iter()
            .find(|g| file.starts_with(&format!("{}/", g.folder())))
            .ok_or_else(|| row("not in fake/, genuine/ or ordinary/".into()))?;
        if expect.group() != group {
            return Err(row(format!("expect {expect:?} does not belong in {}/", group.folder())));
        }
        let bytes = std::fs::read(dir.join(&file)).map_err(|e| row(e.to_string()))?;
        let mail = parse(&String::from_utf8_lossy(&bytes)).map_err(row)?;
        fixtures.push(Fixture { file, group, expect, claim, bytes, mail });
    }

    for group in Group::ALL {
        let entries =
            std::fs::read_dir(dir.join(group.folder())).map_err(|e| format!("{}: {e}", group.folder()))?;
        for entry in entries.flatten() {
            let file = format!("{}/{}", group.folder(), entry.file_name().to_string_lossy());
            if file.ends_with(".eml") && !fixtures.iter().any(|f| f.file == file) {
                return Err(format!("{file} is not listed in expected.tsv"));
            }
        }
    }
    Ok(fixtures)
}

/// A MIME entity: headers (name, value) and body.
struct Entity<'a> {
    headers: Vec<(&'a str, String)>,
    body: &'a str,
}

impl Entity<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

fn split_entity(source: &str) -> Entity<'_> {
    let (head, body) = source.split_once("\n\n").unwrap_or((source, ""));
    let mut headers: Vec<(&str, String)> = Vec::new();
    for line in head.lines() {
        match headers.last_mut() {
            Some((_, value)) if line.starts_with([' ', '\t']) => {
                value.push('\n');
                value.push_str(line);
            }
            _ => {
                if let Some((name, value)) = line.split_once(':') {
                    headers.push((name.trim(), value.trim_start().to_string()));
                }
            }
        }
    }
    Entity { headers, body }
}

/// A parameter of a header value (`boundary`, `filename`), unquoted.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn mime_type(entity: &Entity) -> String {
    let ct = entity.header("Content-Type").unwrap_or("text/plain");
    ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// Reads a fixture into its structured form.
pub fn parse(source: &str) -> Result<Mail, String> {
    let source = source.replace("\r\n", "\n");
    let top = split_entity(&source);
    let from = top.header("From").ok_or("no From")?;
    let (display_name, address) = match from.rsplit_once('<') {
        Some((name, addr)) => {
            (name.trim().trim_matches('"').to_string(), addr.trim_end_matches('>').trim().to_string())
        }
        None => (String::new(), from.trim().to_string()),
    };
    let headers = top
        .headers
        .iter()
        .filter(|(n, _)| {
            !["MIME-Version", "Content-Type", "Content-Transfer-Encoding"]
                .iter()
                .any(|m| n.eq_ignore_ascii_case(m))
        })
        .map(|(n, v)| {
            let keep = !(n.eq_ignore_ascii_case("From") || n.eq_ignore_ascii_case("Subject"));
            (n.to_string(), if keep { v.clone() } else { String::new() })
        })
        .collect();
    let mut mail = Mail {
        headers,
        display_name,
        address,
        subject: top.header("Subject").unwrap_or_default().to_string(),
        text: None,
        html: None,
        attachment: None,
    };
    read_parts(&top, &mut mail, 0)?;
    if mail.text.is_none() && mail.html.is_none() {
        return Err("no text/plain or text/html part".into());
    }
    Ok(mail)
}

fn read_parts(entity: &Entity, mail: &mut Mail, depth: usize) -> Result<(), String> {
    let ty = mime_type(entity);
    if ty.starts_with("multipart/") {
        if depth > 1 {
            return Err("multipart nested deeper than mixed > alternative".into());
        }
        let ct = entity.header("Content-Type").unwrap_or_default();
        let boundary = param(ct, "boundary").ok_or("multipart without boundary")?;
        let (open, close) = (format!("--{boundary}"), format!("--{boundary}--"));
        // Lines before the first delimiter are the preamble, after the last the epilogue.
        let mut part: Option<Vec<&str>> = None;
        for line in entity.body.split('\n') {
            if line == open || line == close {
                if let Some(lines) = part.take() {
                    read_parts(&split_entity(&lines.join("\n")), mail, depth + 1)?;
                }
                if line == close {
                    break;
                }
                part = Some(Vec::new());
            } else if let Some(lines) = part.as_mut() {
                lines.push(line);
            }
        }
        return Ok(());
    }
    let cte = entity.header("Content-Transfer-Encoding").unwrap_or("7bit").trim().to_ascii_lowercase();
    if cte != "7bit" && cte != "8bit" {
        return Err(format!("part in {cte}: fixtures are written in 7bit or 8bit"));
    }
    let ct = entity.header("Content-Type").unwrap_or("text/plain");
    if param(ct, "charset").is_some_and(|c| !c.eq_ignore_ascii_case("utf-8")) {
        return Err("fixtures are written in UTF-8".into());
    }
    let body = entity.body.trim_end_matches('\n').to_string();
    let disposition = entity.header("Content-Disposition").unwrap_or_default();
    let slot = if disposition.to_ascii_lowercase().starts_with("attachment") {
        let name = param(disposition, "filename").ok_or("attachment without filename")?;
        let attachment = Attachment { name, mime_type: ty, body };
        return put(&mut mail.attachment, attachment, "attachment");
    } else {
        match ty.as_str() {
            "text/plain" => &mut mail.text,
            "text/html" => &mut mail.html,
            other => return Err(format!("body part of type {other}")),
        }
    };
    put(slot, body, &ty)
}

fn put<T>(slot: &mut Option<T>, value: T, what: &str) -> Result<(), String> {
    if slot.is_some() {
        return Err(format!("more than one {what} part"));
    }
    *slot = Some(value);
    Ok(())
}
