//! Undoing link wrappers: the redirect and safety services that put their own URL in
//! front of the real target. A link is judged by where it finally goes, and a Microsoft
//! or Google host in front of an outside target is *not* a Microsoft link.
//!
//! Known wrappers (shared/docs/webmail-dom.md "Link wrappers to undo", and the phishing
//! corpus notes): Gmail's `google.*/url?q=` (and `url=`, and the `data-saferedirecturl`
//! Gmail adds), Outlook Safe Links `*.safelinks.protection.outlook.com/?url=`, Bing's
//! `bing.com/ck/a?…&u=a1<base64url>`, Google AMP `/amp/s/`, Facebook / Instagram
//! `l.php?u=`, YouTube `/redirect?q=`, LinkedIn `/redir/redirect?url=`, Slack
//! `slack-redir.net/link?url=`, Proofpoint URL Defense v2/v3, Barracuda / Symantec /
//! Trend Micro click-time protection (vendor documentation), and redirect parameters on
//! Microsoft's own hosts (`wreply=`, `redirect_uri=`, `ru=`, …). Unknown hosts are never
//! unwrapped: the click goes to them. At most [`MAX_ROUNDS`] layers are undone.

use crate::domain::{self, Url};

/// Wrapper layers undone at most.
pub const MAX_ROUNDS: usize = 5;

/// A link after unwrapping.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unwrapped {
    /// Where the link finally goes.
    pub target: String,
    /// Names of the wrappers undone, outermost first (`gmail`, `safelinks`, `bing`, …).
    pub wrappers: Vec<&'static str>,
    /// A known redirector whose target could not be read (or more layers than
    /// [`MAX_ROUNDS`]): the link goes somewhere we cannot see.
    pub unresolved: Option<&'static str>,
}

enum Step {
    Plain,
    Wrapped(&'static str, String),
    Unresolved(&'static str),
}

/// Undoes every known wrapper around `href`, outermost first.
pub fn unwrap(href: &str) -> Unwrapped {
    let mut current = href.trim().to_string();
    let mut wrappers = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let Some(url) = domain::parse_url(&current) else {
            return Unwrapped { target: current, wrappers, unresolved: None };
        };
        match step(&url, &current) {
            Step::Plain => return Unwrapped { target: current, wrappers, unresolved: None },
            Step::Unresolved(name) => return Unwrapped { target: current, wrappers, unresolved: Some(name) },
            Step::Wrapped(name, inner) => {
                wrappers.push(name);
                current = inner;
            }
        }
    }
    // Still wrapped after the last round?
    let unresolved = match domain::parse_url(&current).map(|u| step(&u, &current)) {
        Some(Step::Wrapped(name, _)) | Some(Step::Unresolved(name)) => Some(name),
        _ => None,
    };
    Unwrapped { target: current, wrappers, unresolved }
}

/// Redirect parameters on Microsoft's own sign-in and link hosts.
const MICROSOFT_REDIRECT_PARAMS: &[&str] =
    &["url", "redirect_uri", "redirecturl", "redirect", "ru", "wreply", "returnurl", "return_url", "target"];

fn step(url: &Url, raw: &str) -> Step {
    if !matches!(url.scheme.as_str(), "http" | "https" | "") || url.host.is_empty() {
        return Step::Plain;
    }
    let host = url.host.as_str();
    let reg = domain::registrable_domain(host).unwrap_or_default();
    let path = url.path().to_ascii_lowercase();
    let path = path.trim_end_matches('/');

    // Gmail and Google search: google.<tld>/url?q=…
    if reg.split('.').next() == Some("google") {
        if path == "/url" {
            return from_param(url, &["q", "url"], "gmail");
        }
        if path.starts_with("/amp/s/") {
            if let Some(rest) = raw_path_after(raw, "/amp/s/") {
                return Step::Wrapped("google_amp", format!("https://{rest}"));
            }
        }
    }
    if domain::is_within(host, "safelinks.protection.outlook.com")
        || domain::is_within(host, "safelinks.protection.office365.us")
    {
        return from_param(url, &["url"], "safelinks");
    }
    if reg == "bing.com" && path == "/ck/a" {
        return match url.param("u") {
            Some(value) => match value.strip_prefix("a1").and_then(base64url_decode) {
                Some(inner) if looks_absolute(&inner) => Step::Wrapped("bing", inner),
                _ => Step::Unresolved("bing"),
            },
            None => Step::Unresolved("bing"),
        };
    }
    if matches!(host, "l.facebook.com" | "lm.facebook.com" | "l.messenger.com" | "l.instagram.com") {
        return from_param(url, &["u"], "facebook");
    }
    if reg == "youtube.com" && path == "/redirect" {
        return from_param(url, &["q"], "youtube");
    }
    if reg == "linkedin.com" && path == "/redir/redirect" {
        return from_param(url, &["url"], "linkedin");
    }
    if reg == "slack-redir.net" {
        return from_param(url, &["url"], "slack");
    }
    // Receiving-side link protection that keeps the target readable.
    if host == "linkprotect.cudasvc.com" {
        return from_param(url, &["a"], "barracuda");
    }
    if host == "clicktime.symantec.com" {
        return from_param(url, &["u"], "symantec");
    }
    if reg == "trendmicro.com" && path.ends_with("/clicktime/v1/query") {
        return from_param(url, &["url"], "trendmicro");
    }
    if host == "urldefense.proofpoint.com" && path.starts_with("/v2/url") {
        // v2: '-' stands for '%', '_' for '/'.
        return match url.param("u") {
            Some(u) => {
                let inner = domain::percent_decode(&u.replace('-', "%").replace('_', "/"));
                if looks_absolute(&inner) {
                    Step::Wrapped("proofpoint", inner)
                } else {
                    Step::Unresolved("proofpoint")
                }
            }
            None => Step::Unresolved("proofpoint"),
        };
    }
    if host == "urldefense.com" && path.starts_with("/v3/__") {
        return match raw_path_after(raw, "/v3/__").and_then(|rest| rest.split("__;").next()) {
            Some(inner) if looks_absolute(inner) => Step::Wrapped("proofpoint", inner.to_string()),
            _ => Step::Unresolved("proofpoint"),
        };
    }
    // Microsoft's own hosts forward to a parameter's URL (sign-in `wreply=`, OAuth
    // `redirect_uri=`): judge where they forward to.
    if domain::is_microsoft(host) {
        for (key, value) in domain::query_params(url.query()) {
            if MICROSOFT_REDIRECT_PARAMS.iter().any(|p| key.eq_ignore_ascii_case(p)) {
                let inner = domain::percent_decode(&value);
                if looks_absolute(&inner) {
                    return Step::Wrapped("microsoft_redirect", inner);
                }
            }
        }
    }
    Step::Plain
}

/// The target in one of the named parameters, or unresolved.
fn from_param(url: &Url, names: &[&str], wrapper: &'static str) -> Step {
    for name in names {
        if let Some(value) = url.param(name) {
            let value = value.trim().to_string();
            if looks_absolute(&value) {
                return Step::Wrapped(wrapper, value);
            }
            if !value.is_empty() && !value.contains(' ') && value.contains('.') && !value.starts_with('/') {
                // `q=www.example.com/x`: a host without a scheme.
                return Step::Wrapped(wrapper, format!("http://{value}"));
            }
        }
    }
    Step::Unresolved(wrapper)
}

/// Whether a string is an absolute URL with a scheme a wrapper would forward to.
fn looks_absolute(s: &str) -> bool {
    domain::parse_url(s).is_some_and(|u| {
        !u.scheme.is_empty()
            && (matches!(u.scheme.as_str(), "http" | "https") && !u.host.is_empty()
                || matches!(u.scheme.as_str(), "javascript" | "data" | "mailto" | "vbscript" | "file"))
    })
}

/// What follows `marker` in the raw URL (case-insensitive search, char-safe).
fn raw_path_after<'a>(raw: &'a str, marker: &str) -> Option<&'a str> {
    let lower = raw.to_ascii_lowercase();
    let at = lower.find(&marker.to_ascii_lowercase())?;
    raw.get(at + marker.len()..).filter(|rest| !rest.is_empty())
}

/// Base64 (standard or URL alphabet, padding optional) to UTF-8 text; `None` on any
/// invalid character or non-UTF-8 result.
pub fn base64url_decode(s: &str) -> Option<String> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for byte in s.bytes().take(16 * 1024) {
        let v = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            b'=' => break,
            _ => return None,
        } as u32;
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    String::from_utf8(out).ok()
}
