//! Host names: registrable domains (Public Suffix List), whose host a name is, URL
//! and address parsing, and the confusable folding the look-alike rules compare by.
//!
//! Everything here is total: any input gives an answer, nothing panics, every loop is
//! bounded by the input's length (and host names by [`MAX_HOST`]). Matching is by
//! registrable domain or whole-label suffix, never by substring.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::tables::{freemail, hosts, psl, shorteners};

/// Host names longer than this are cut before any work (DNS allows 253).
pub const MAX_HOST: usize = 255;

// ---------------------------------------------------------------------------------
// Public Suffix List
// ---------------------------------------------------------------------------------

/// The rules, each name held as (first label, parent): `a.b.c` as `("a", "b.c")`, a
/// top-level name `com` as `("com", "")`. Both halves borrow from the static tables.
/// Fx hashing, not SipHash: the sets are fixed, so hash flooding cannot grow them, and
/// SipHash was a tenth of the time of a mail with many links.
struct Psl {
    exact: FxHashSet<(&'static str, &'static str)>,
    /// `*.name` rules, stored as `name`.
    wildcard: FxHashSet<(&'static str, &'static str)>,
    /// `!name` rules, stored as `name`.
    exception: FxHashSet<(&'static str, &'static str)>,
}

impl Psl {
    fn set_mut(&mut self, kind: psl::Kind) -> &mut FxHashSet<(&'static str, &'static str)> {
        match kind {
            psl::Kind::Exact => &mut self.exact,
            psl::Kind::Wildcard => &mut self.wildcard,
            psl::Kind::Exception => &mut self.exception,
        }
    }
}

/// A name as (first label, parent), the way [`Psl`] holds it.
fn split_name(name: &str) -> (&str, &str) {
    name.split_once('.').unwrap_or((name, ""))
}

/// Whether the name is in one of the rule sets. No rule ends in a dot, and "com." must not
/// be taken for "com" (normalized hosts never end in one anyway).
fn has_rule(set: &FxHashSet<(&'static str, &'static str)>, name: &str) -> bool {
    !name.ends_with('.') && set.contains(&split_name(name))
}

fn psl() -> &'static Psl {
    static PSL: OnceLock<Psl> = OnceLock::new();
    PSL.get_or_init(|| {
        let mut list = Psl {
            exact: FxHashSet::default(),
            wildcard: FxHashSet::default(),
            exception: FxHashSet::default(),
        };
        for (kind, first, parent) in psl::rules() {
            list.set_mut(kind).insert((first, parent));
        }
        for rule in hosts::EXTRA_SUFFIXES {
            let rule = rule.trim();
            if rule.is_empty() || rule.starts_with("//") {
                continue;
            }
            let (kind, name) = if let Some(rest) = rule.strip_prefix("*.") {
                (psl::Kind::Wildcard, rest)
            } else if let Some(rest) = rule.strip_prefix('!') {
                (psl::Kind::Exception, rest)
            } else {
                (psl::Kind::Exact, rule)
            };
            list.set_mut(kind).insert(split_name(name));
        }
        list
    })
}

/// Number of labels of `host`'s public suffix, and whether an explicit rule (not the
/// default `*`) matched. `host` must be normalized (see [`normalize_host`]).
fn suffix_labels(host: &str) -> (usize, bool) {
    let list = psl();
    // Byte offset where each label starts.
    let starts: Vec<usize> =
        std::iter::once(0).chain(host.match_indices('.').map(|(at, _)| at + 1)).take(128).collect();
    let n = starts.len();
    let mut prevailing = None;
    for (i, &start) in starts.iter().enumerate() {
        let suffix = &host[start..];
        let count = n - i;
        // An exception rule prevails over everything: the suffix is the rule minus its
        // leftmost label.
        if has_rule(&list.exception, suffix) {
            return (count - 1, true);
        }
        // Longest first, so the first rule that matches is the longest.
        let wildcard = starts.get(i + 1).is_some_and(|&p| has_rule(&list.wildcard, &host[p..]));
        if prevailing.is_none() && (has_rule(&list.exact, suffix) || wildcard) {
            prevailing = Some(count);
        }
    }
    match prevailing {
        Some(count) => (count, true),
        None => (1, false),
    }
}

/// Lower-cases a host name and drops what does not belong to it (surrounding
/// whitespace and dots, a port is *not* removed here). Ideographic full stops count as
/// dots, as in IDNA.
pub fn normalize_host(host: &str) -> String {
    let host = host.trim();
    if host.is_ascii() {
        // The common case, with the same outcome as the loop below: no ASCII char is
        // invisible or needs mapping.
        let lower = host[..host.len().min(MAX_HOST)].to_ascii_lowercase();
        let trimmed = lower.trim_matches('.');
        return if trimmed.len() == lower.len() { lower } else { trimmed.to_string() };
    }
    let mut out = String::with_capacity(host.len().min(MAX_HOST));
    for c in host.chars() {
        if out.len() >= MAX_HOST {
            break;
        }
        let c = match c {
            '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => '.',
            // Fullwidth ASCII: IDNA maps it to ASCII, and so does the browser.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        if is_invisible(c) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out.trim_matches('.').to_string()
}

/// The registrable domain ("eTLD+1") of a host: `login.microsoftonline.com` →
/// `microsoftonline.com`, `x.blob.core.windows.net` → itself. `None` for an IP
/// address, an empty name, or a name that is itself a public suffix.
pub fn registrable_domain(host: &str) -> Option<String> {
    let host = normalize_host(host);
    if host.is_empty() || is_ip(&host) || host.split('.').any(str::is_empty) {
        return None;
    }
    let n = host.split('.').count();
    let (suffix, _) = suffix_labels(&host);
    if suffix >= n {
        return None;
    }
    let skip = n - suffix - 1;
    Some(host.split('.').skip(skip).collect::<Vec<_>>().join("."))
}

/// Whether the host ends in a public suffix the list knows (not just the default rule),
/// so `account.microsoft.com` looks like a host name and `file.txt` does not.
pub fn has_known_suffix(host: &str) -> bool {
    let host = normalize_host(host);
    !host.is_empty() && !is_ip(&host) && suffix_labels(&host).1
}

/// Whether two hosts (or mail domains) belong to one organization: the same
/// registrable domain (DMARC's relaxed alignment).
pub fn same_organization(a: &str, b: &str) -> bool {
    match (registrable_domain(a), registrable_domain(b)) {
        (Some(x), Some(y)) => x == y,
        _ => normalize_host(a) == normalize_host(b) && !a.trim().is_empty(),
    }
}

/// Whether `host` is `zone` or a name under it (whole labels).
pub fn is_within(host: &str, zone: &str) -> bool {
    host == zone
        || host.len() > zone.len() && host.ends_with(zone) && host[..host.len() - zone.len()].ends_with('.')
}

// ---------------------------------------------------------------------------------
// Whose host is it
// ---------------------------------------------------------------------------------

/// The customer zone a host falls in (`sharepoint.com`, `blob.core.windows.net`, …).
pub fn tenant_zone(host: &str) -> Option<&'static str> {
    let host = normalize_host(host);
    hosts::TENANT_ZONES.iter().copied().find(|zone| is_within(&host, zone))
}

/// Whether a host is one where Microsoft hosts its customers' content: a name there
/// is not proof of Microsoft.
pub fn is_tenant_zone(host: &str) -> bool {
    tenant_zone(host).is_some()
}

/// Whether a host is Microsoft's own (not a customer zone under a Microsoft domain).
pub fn is_microsoft(host: &str) -> bool {
    let host = normalize_host(host);
    if host.is_empty() || is_ip(&host) || is_tenant_zone(&host) {
        return false;
    }
    if hosts::MICROSOFT_TLDS.iter().any(|tld| host.len() > tld.len() && is_within(&host, tld)) {
        return true;
    }
    match registrable_domain(&host) {
        Some(reg) => hosts::MICROSOFT_DOMAINS.contains(&reg.as_str()),
        None => false,
    }
}

/// Whether a registrable domain is one of Microsoft's own (customer zones under it
/// included): names there are not look-alikes, whatever they are.
pub fn is_microsoft_registrable(registrable: &str) -> bool {
    let reg = normalize_host(registrable);
    hosts::MICROSOFT_DOMAINS.contains(&reg.as_str())
        || freemail::MICROSOFT_MAIL_DOMAINS.contains(&reg.as_str())
        || hosts::MICROSOFT_TLDS.iter().any(|tld| reg.len() > tld.len() && is_within(&reg, tld))
        || tenant_zone_registrables().contains(&reg)
}

/// The registrable domains of the customer zones (`sharepoint.com`, `windows.net`, …),
/// worked out once.
fn tenant_zone_registrables() -> &'static [String] {
    static ZONES: OnceLock<Vec<String>> = OnceLock::new();
    ZONES.get_or_init(|| hosts::TENANT_ZONES.iter().filter_map(|zone| registrable_domain(zone)).collect())
}

/// Whether a mail domain is one Microsoft's own mail can come from: a Microsoft host
/// that is neither a customer zone nor a consumer mailbox domain (`outlook.com`).
pub fn is_microsoft_sender_domain(domain: &str) -> bool {
    let domain = normalize_host(domain);
    is_microsoft(&domain) && !is_freemail(&domain)
}

/// Whether a mail domain is a free-mail provider (exact domain).
pub fn is_freemail(domain: &str) -> bool {
    let domain = normalize_host(domain);
    freemail::FREEMAIL_DOMAINS.contains(&domain.as_str())
        || freemail::MICROSOFT_MAIL_DOMAINS.contains(&domain.as_str())
}

/// Whether a host is a URL shortener (exact host or its registrable domain).
pub fn is_shortener(host: &str) -> bool {
    let host = normalize_host(host);
    let host = host.strip_prefix("www.").unwrap_or(&host);
    shorteners::SHORTENERS.contains(&host)
        || registrable_domain(host).is_some_and(|r| shorteners::SHORTENERS.contains(&r.as_str()))
}

// ---------------------------------------------------------------------------------
// IP addresses, punycode
// ---------------------------------------------------------------------------------

/// Whether a host is an IP address: an IPv6 literal, or what a browser reads as IPv4
/// (the last label numeric, in decimal or `0x` hex: `3232235777`, `0x7f.1`).
pub fn is_ip(host: &str) -> bool {
    let host = host.trim().trim_end_matches('.');
    if host.starts_with('[') || host.contains(':') {
        return host.chars().any(|c| c.is_ascii_hexdigit())
            && host.chars().all(|c| c.is_ascii_hexdigit() || "[]:.".contains(c));
    }
    let Some(last) = host.rsplit('.').next() else {
        return false;
    };
    if last.is_empty() {
        return false;
    }
    let hex = last.strip_prefix("0x").or_else(|| last.strip_prefix("0X"));
    match hex {
        Some(h) => h.chars().all(|c| c.is_ascii_hexdigit()),
        None => last.chars().all(|c| c.is_ascii_digit()),
    }
}

/// Whether any label is punycode (`xn--`).
pub fn has_punycode(host: &str) -> bool {
    host.split('.').any(|l| l.len() > 4 && l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--")))
}

/// The host with its punycode labels decoded (labels that fail to decode stay).
pub fn to_unicode(host: &str) -> String {
    host.split('.')
        .map(|label| match label.get(..4).zip(label.get(4..)) {
            Some((prefix, rest)) if prefix.eq_ignore_ascii_case("xn--") && !rest.is_empty() => {
                punycode_decode(rest).unwrap_or_else(|| label.to_string())
            }
            _ => label.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// RFC 3492 decoding of one label's punycode part (after `xn--`). Bounded: labels are
/// at most 63 bytes, and any overflow or bad digit gives `None`.
pub fn punycode_decode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    if input.len() > 63 || !input.is_ascii() {
        return None;
    }
    let (basic, rest) = match input.rfind('-') {
        Some(at) => (&input[..at], &input[at + 1..]),
        None => ("", input),
    };
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let digits = rest.as_bytes();
    let mut pos = 0;
    while pos < digits.len() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let byte = *digits.get(pos)?;
            pos += 1;
            let digit = match byte {
                b'a'..=b'z' => byte - b'a',
                b'A'..=b'Z' => byte - b'A',
                b'0'..=b'9' => byte - b'0' + 26,
                _ => return None,
            } as u32;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
            if k > BASE * 64 {
                return None;
            }
        }
        let len = output.len() as u32 + 1;
        // adapt
        let mut delta = if old_i == 0 { (i - old_i) / DAMP } else { (i - old_i) / 2 };
        delta += delta / len;
        let mut kk = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            kk += BASE;
        }
        bias = kk + (((BASE - TMIN + 1) * delta) / (delta + SKEW));
        n = n.checked_add(i / len)?;
        i %= len;
        let c = char::from_u32(n)?;
        if output.len() >= 63 {
            return None;
        }
        output.insert(i as usize, c);
        i += 1;
    }
    Some(output.into_iter().collect())
}

// ---------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------

/// A URL taken apart the way a browser would read its authority.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Url {
    /// Lower-case scheme (`https`, `mailto`, …); empty for `//host` links.
    pub scheme: String,
    /// `user:pass` before an `@` in the authority, if any (a classic disguise).
    pub userinfo: Option<String>,
    /// Normalized host (lower case, percent-decoded, no trailing dot, no brackets kept
    /// for IPv6); empty for schemes without one.
    pub host: String,
    pub port: Option<String>,
    /// Whether the host is an IP address.
    pub ip: bool,
    /// Path, query and fragment as written (or, for `mailto:` and the like, everything
    /// after the scheme).
    pub rest: String,
}

impl Url {
    /// The query string (without `?`, without the fragment).
    pub fn query(&self) -> &str {
        let rest = self.rest.split('#').next().unwrap_or("");
        match rest.find('?') {
            Some(at) => &rest[at + 1..],
            None => "",
        }
    }

    /// The path (before `?` and `#`).
    pub fn path(&self) -> &str {
        self.rest.split(['?', '#']).next().unwrap_or("")
    }

    /// The first query parameter with this (case-insensitive) name, percent-decoded.
    pub fn param(&self, name: &str) -> Option<String> {
        query_params(self.query())
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| percent_decode(&v))
    }
}

/// Whether the scheme is one browsers treat as "special" (host-based, slashes optional).
fn is_special(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ftp" | "ws" | "wss")
}

/// Takes a URL apart. `None` when it has no scheme and no `//` (a relative link).
pub fn parse_url(input: &str) -> Option<Url> {
    // Browsers drop tabs and newlines anywhere and C0 controls / spaces at the ends.
    let cleaned: String = input
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r') && !is_invisible(*c))
        .take(8 * 1024)
        .collect();
    let s = cleaned.trim_matches(|c: char| c <= ' ');
    let (scheme, after) = match split_scheme(s) {
        Some((scheme, after)) => (scheme, after),
        None if s.starts_with("//") || s.starts_with("\\\\") => (String::new(), s),
        None => return None,
    };
    if !scheme.is_empty() && !is_special(&scheme) && !after.starts_with("//") {
        // mailto:, javascript:, data:, tel: … no authority.
        return Some(Url { scheme, rest: after.to_string(), ..Url::default() });
    }
    let after = after.trim_start_matches(['/', '\\']);
    let end = after.find(['/', '\\', '?', '#']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(at) => (Some(authority[..at].to_string()), &authority[at + 1..]),
        None => (None, authority),
    };
    let (host, port) = if let Some(stripped) = hostport.strip_prefix('[') {
        let close = stripped.find(']').unwrap_or(stripped.len());
        let port = stripped.get(close + 1..).and_then(|p| p.strip_prefix(':')).map(str::to_string);
        (stripped[..close].to_string(), port)
    } else {
        match hostport.find(':') {
            Some(at) => (hostport[..at].to_string(), Some(hostport[at + 1..].to_string())),
            None => (hostport.to_string(), None),
        }
    };
    let host = normalize_host(&percent_decode(&host));
    let ip = is_ip(&host);
    Some(Url { scheme, userinfo, host, port, ip, rest: rest.to_string() })
}

/// `scheme:` at the start of `s`, lower-cased, and what follows it.
fn split_scheme(s: &str) -> Option<(String, &str)> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() || !chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) {
        return None;
    }
    Some((scheme.to_ascii_lowercase(), &s[colon + 1..]))
}

/// The `key=value` pairs of a query string; keys percent-decoded, values as written.
pub fn query_params(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .take(200)
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.find('=') {
            Some(at) => (percent_decode(&pair[..at]), pair[at + 1..].to_string()),
            None => (percent_decode(pair), String::new()),
        })
        .collect()
}

/// Percent-decoding that never fails: bad escapes stay as written, invalid UTF-8
/// becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex_val(bytes[i + 1]), hex_val(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The host a link's visible text shows, if the text is (or contains) a URL or a bare
/// host name with a known public suffix: "https://account.microsoft.com/…" →
/// `account.microsoft.com`, "Visit account.live.com today" → `account.live.com`.
pub fn host_shown_in_text(text: &str) -> Option<String> {
    for token in text.split(|c: char| c.is_whitespace() || "<>\"'()[]{}|,;".contains(c)).take(64) {
        let token = token.trim_matches(|c: char| ".:!?*".contains(c));
        if token.len() < 4 || token.len() > 2048 {
            continue;
        }
        if let Some((scheme, _)) = split_scheme(token) {
            if is_special(&scheme) {
                if let Some(url) = parse_url(token) {
                    if !url.host.is_empty() {
                        return Some(url.host);
                    }
                }
            }
            continue;
        }
        // A bare host, maybe with a path: "account.live.com/acsr", "www.example.com".
        let host_part = token.split(['/', '?', '#']).next().unwrap_or("");
        if host_part.contains('@') || !host_part.contains('.') || host_part.starts_with('-') {
            continue;
        }
        if !host_part.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-') {
            continue;
        }
        let host = normalize_host(host_part);
        if is_ip(&host) {
            if host.split('.').count() == 4 && host.split('.').all(|l| l.chars().all(|c| c.is_ascii_digit()))
            {
                return Some(host);
            }
            continue;
        }
        if has_known_suffix(&host) && registrable_domain(&host).is_some() {
            return Some(host);
        }
    }
    None
}

// ---------------------------------------------------------------------------------
// Mail addresses
// ---------------------------------------------------------------------------------

/// The local part and the normalized domain of an address (`a@b.com`, `<a@b.com>`).
pub fn address_parts(address: &str) -> Option<(String, String)> {
    let address = address.trim().trim_start_matches('<').trim_end_matches('>').trim();
    let at = address.rfind('@')?;
    let local = address[..at].trim().trim_matches('"').to_string();
    let domain = normalize_host(address[at + 1..].trim().trim_end_matches(['>', ';', ',']));
    if domain.is_empty() {
        return None;
    }
    Some((local, domain))
}

/// The domain of an address, normalized.
pub fn address_domain(address: &str) -> Option<String> {
    address_parts(address).map(|(_, d)| d)
}

/// The (first) address in an address header value: `Name <a@b.com>` → `a@b.com`.
pub fn address_in_header(value: &str) -> Option<String> {
    let value = value.trim();
    if let (Some(open), Some(close)) = (value.rfind('<'), value.rfind('>')) {
        if open < close {
            let inner = value[open + 1..close].trim();
            if inner.contains('@') {
                return Some(inner.to_string());
            }
        }
    }
    value
        .split(|c: char| c.is_whitespace() || c == ',' || c == '<' || c == '>' || c == '"')
        .find(|t| t.contains('@') && t.len() > 2)
        .map(|t| t.trim_matches(|c: char| c == '(' || c == ')' || c == ';').to_string())
}

// ---------------------------------------------------------------------------------
// Characters: invisible ones, scripts, confusable folding, edit distance
// ---------------------------------------------------------------------------------

/// Zero-width, bidi-control and other characters that show nothing (the normalization's own list).
pub use crate::text::unicode::is_invisible;

/// The script of a letter, for the mixed-script test (`None` for digits, marks, …).
pub fn script_of(c: char) -> Option<&'static str> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Some("Latin"),
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Some("Greek"),
        '\u{0400}'..='\u{052F}' => Some("Cyrillic"),
        '\u{0530}'..='\u{058F}' => Some("Armenian"),
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Some("Fullwidth"),
        _ => None,
    }
}

/// Whether one word mixes Latin letters with Cyrillic, Greek, Armenian or fullwidth
/// look-alikes (`Miсrosoft` with a Cyrillic с).
pub fn mixes_scripts(word: &str) -> bool {
    let mut seen: Option<&str> = None;
    for script in word.chars().filter_map(script_of) {
        match seen {
            None => seen = Some(script),
            Some(s) if s != script => return true,
            _ => {}
        }
    }
    false
}

/// The ASCII signs that stand for letters in a name (`micr0soft`, `m!crosoft`,
/// `hotm@il`): the Unicode look-alikes are the normalization's ([`crate::text::unicode`]).
fn letter_for_sign(c: char) -> char {
    match c {
        '0' => 'o',
        '1' | '|' | '!' => 'l',
        '5' => 's',
        '@' => 'a',
        c => c,
    }
}

/// The confusable skeleton used for every brand comparison: each character through the
/// normalization (compatibility forms, marks and invisible characters dropped, look-alike
/// letters made Latin), case folded, signs read as the letters they imitate, `i`/`l`/`1`/`I`
/// made one letter, `rn` read as `m` and `vv` as `w`. Both sides of a comparison are folded,
/// so `Micr0soft`, `MіcrosoFT` (Cyrillic і) and `rnicrosoft` all fold like `microsoft`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut push = |c: char| {
        let c = letter_for_sign(c);
        out.push(if c == 'i' { 'l' } else { c });
    };
    for c in s.chars().take(512) {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
            continue;
        }
        match crate::text::unicode::fold_char(c) {
            Some((folded, _)) => folded.chars().for_each(&mut push),
            None => c.to_lowercase().for_each(&mut push),
        }
    }
    out.replace("rn", "m").replace("vv", "w")
}

/// Levenshtein distance, computed only for short strings (`None` past 64 chars).
pub fn edit_distance(a: &str, b: &str) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()])
}

/// How a name relates to Microsoft's brand names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrandMatch {
    /// The name spells a brand exactly (`microsoft`).
    Exact(&'static str),
    /// The name folds to a brand but is spelled differently (`micr0soft`, Cyrillic о).
    Homoglyph(&'static str),
    /// The name is a near miss of a brand (`micorsoft`, `outlok`).
    NearMiss(&'static str),
    /// The name contains a brand (`microsoftsupport`, `live` as a hyphen part).
    Contains(&'static str),
}

impl BrandMatch {
    pub fn brand(&self) -> &'static str {
        match self {
            BrandMatch::Exact(b)
            | BrandMatch::Homoglyph(b)
            | BrandMatch::NearMiss(b)
            | BrandMatch::Contains(b) => b,
        }
    }
}

/// The brand tables with every name folded once (a message with many links compares
/// every host label with all of them): (name, folded name).
pub struct FoldedBrands {
    pub long: Vec<(&'static str, String)>,
    pub short: Vec<(&'static str, String)>,
    pub lookalike_targets: Vec<(&'static str, String)>,
}

pub fn folded_brands() -> &'static FoldedBrands {
    static BRANDS: OnceLock<FoldedBrands> = OnceLock::new();
    BRANDS.get_or_init(|| {
        let folded = |table: &[&'static str]| table.iter().map(|&brand| (brand, fold(brand))).collect();
        FoldedBrands {
            long: folded(hosts::BRANDS_LONG),
            short: folded(hosts::BRANDS_SHORT),
            lookalike_targets: folded(hosts::LOOKALIKE_TARGETS),
        }
    })
}

/// Compares one name (a host label, a local part, a word) with the brand tables.
pub fn brand_match(name: &str) -> Option<BrandMatch> {
    let raw = name.to_lowercase();
    let folded = fold(name);
    if folded.is_empty() || folded.chars().count() > 128 {
        return None;
    }
    let brands = folded_brands();
    for (brand, folded_brand) in brands.long.iter().chain(&brands.short) {
        if folded == *folded_brand {
            return Some(if raw == *brand { BrandMatch::Exact(brand) } else { BrandMatch::Homoglyph(brand) });
        }
    }
    for (brand, folded_brand) in &brands.lookalike_targets {
        let len = brand.chars().count();
        let allowed = match len {
            0..=4 => 0,
            5..=6 => 1,
            _ => 2,
        };
        let flen = folded.chars().count();
        if allowed > 0 && flen + allowed >= len && flen <= len + allowed {
            if let Some(d) = edit_distance(&folded, folded_brand) {
                if d > 0 && d <= allowed {
                    return Some(BrandMatch::NearMiss(brand));
                }
            }
        }
    }
    // Hyphens and underscores inserted into a brand do not hide it ("account-protection").
    let joined: String = folded.chars().filter(|c| !matches!(c, '-' | '_')).collect();
    if let Some((brand, _)) =
        brands.long.iter().find(|(_, folded_brand)| joined.contains(folded_brand.as_str()))
    {
        return Some(BrandMatch::Contains(brand));
    }
    // Short brands and near misses count as whole parts of a longer name.
    let parts: Vec<&str> = name.split(['-', '_', '.', '+']).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 {
        for part in parts.iter().take(16) {
            match brand_match(part) {
                Some(BrandMatch::Exact(b)) | Some(BrandMatch::Contains(b)) => {
                    return Some(BrandMatch::Contains(b))
                }
                Some(found) => return Some(found),
                None => {}
            }
        }
    }
    None
}
