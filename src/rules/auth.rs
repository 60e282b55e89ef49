//! Authentication rules (raw source only): the one road to "genuine".
//!
//! Only the **topmost** `Authentication-Results` header is read: the receiving
//! provider adds it above everything the sender wrote (Gmail: `mx.google.com; …`,
//! Outlook.com / Microsoft 365: no server id, `spf=pass (sender IP is …)`), and removes
//! or ignores older ones claiming its own name, while any header lower down may have
//! been written by the sender. From it: DMARC, DKIM (with `header.d` / `header.i`) and
//! SPF (with `smtp.mailfrom`), aligned with the `From` domain by organizational domain
//! (registrable domain via the Public Suffix List, DMARC's relaxed alignment). A DKIM
//! pass only counts when the source really carries a `DKIM-Signature` with that `d=`.
//!
//! A Microsoft `From` with DMARC pass or an aligned DKIM pass gets the one `Good` reason
//! (`auth.microsoft_verified`); a failing result for a Microsoft `From` is a danger.
//!
//! `ARC-Authentication-Results` are never proof: they are written by forwarding servers
//! and sealed with signatures this core cannot verify (no DNS, no crypto in the
//! extension), so anyone upstream can write one. They are shown as information only
//! when no `Authentication-Results` exists.
//!
//! Limitation: a provider that adds no `Authentication-Results` at all leaves the
//! sender's own forged header on top. Gmail, Outlook.com and Microsoft 365 always add
//! one, which is where this extension reads mail.

use crate::domain;
use crate::findings::{evidence, Context, Findings};
use crate::model::{EvidenceSource, Severity};
use crate::raw::RawFacts;
use crate::tables::senders;

/// One `method=result` of an `Authentication-Results` header with its properties.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthResult {
    /// Lower case: `dkim`, `spf`, `dmarc`, `arc`, `compauth`, …
    pub method: String,
    /// Lower case: `pass`, `fail`, `softfail`, `none`, …
    pub result: String,
    /// `(name, value)`, names lower case (`header.d`, `smtp.mailfrom`, `action`, …).
    pub props: Vec<(String, String)>,
}

impl AuthResult {
    pub fn prop(&self, name: &str) -> Option<&str> {
        self.props.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The domain a result speaks for: DKIM `header.d` (or `header.i`), SPF
    /// `smtp.mailfrom`, DMARC `header.from`.
    pub fn domain(&self) -> Option<String> {
        let value = match self.method.as_str() {
            "dkim" => self.prop("header.d").or_else(|| self.prop("header.i")),
            "spf" => self.prop("smtp.mailfrom").or_else(|| self.prop("smtp.helo")),
            _ => self.prop("header.from"),
        }?;
        let value = value.trim().trim_matches(['"', ';']);
        let domain = match value.rfind('@') {
            Some(at) => &value[at + 1..],
            None => value,
        };
        let domain = domain::normalize_host(domain);
        (!domain.is_empty() && domain != "none").then_some(domain)
    }
}

const METHODS: &[&str] = &["spf", "dkim", "dmarc", "arc", "compauth", "iprev", "auth", "bimi", "dkim-atps"];

/// Parses an `Authentication-Results` (or ARC-) value: comments dropped, the server id
/// and version skipped, every `method=result` with the properties that follow it.
pub fn parse_results(value: &str) -> Vec<AuthResult> {
    // Drop (comments), nesting bounded by the input itself.
    let mut text = String::with_capacity(value.len());
    let mut depth = 0usize;
    for c in value.chars().take(16 * 1024) {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let mut results: Vec<AuthResult> = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || c == ';').filter(|t| !t.is_empty()).take(400) {
        let Some((key, val)) = token.split_once('=') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let val = val.trim().trim_matches('"').to_string();
        if METHODS.contains(&key.as_str()) {
            results.push(AuthResult { method: key, result: val.to_ascii_lowercase(), props: Vec::new() });
        } else if let Some(current) = results.last_mut() {
            if current.props.len() < 16 {
                current.props.push((key, val));
            }
        }
    }
    results
}

/// The `d=` domains of every `DKIM-Signature` in the source.
pub fn dkim_signature_domains(raw: &RawFacts) -> Vec<String> {
    raw.all("DKIM-Signature")
        .take(50)
        .filter_map(|value| {
            value.split(';').find_map(|tag| {
                let (k, v) = tag.split_once('=')?;
                (k.trim().eq_ignore_ascii_case("d")).then(|| domain::normalize_host(v.trim()))
            })
        })
        .filter(|d| !d.is_empty())
        .collect()
}

/// What the topmost results say about the `From` domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// DMARC pass, or DKIM pass aligned with `From` (and a matching signature present).
    Pass,
    /// DMARC, DKIM, SPF or composite authentication failed, and nothing passed.
    Fail,
    /// Nothing conclusive (none, neutral, errors, or results for another domain).
    Unproven,
}

/// Judges the results for a `From` domain.
pub fn outcome(results: &[AuthResult], from_domain: &str, signed: &[String]) -> Outcome {
    let aligned = |r: &AuthResult| r.domain().is_some_and(|d| domain::same_organization(&d, from_domain));
    let dmarc_pass = results.iter().any(|r| {
        r.method == "dmarc"
            && r.result == "pass"
            && r.domain().is_none_or(|d| domain::same_organization(&d, from_domain))
    });
    let dkim_pass = results.iter().any(|r| {
        r.method == "dkim"
            && r.result == "pass"
            && aligned(r)
            && r.domain().is_some_and(|d| signed.iter().any(|s| domain::same_organization(s, &d)))
    });
    if dmarc_pass || dkim_pass {
        return Outcome::Pass;
    }
    let failed = results.iter().any(|r| match r.method.as_str() {
        "dmarc" | "compauth" => r.result == "fail",
        "dkim" => r.result == "fail" && aligned(r),
        "spf" => matches!(r.result.as_str(), "fail" | "softfail") && aligned(r),
        _ => false,
    });
    if failed {
        Outcome::Fail
    } else {
        Outcome::Unproven
    }
}

pub fn check(ctx: &Context, out: &mut Findings) {
    let Some(raw) = ctx.raw else {
        return;
    };
    let from_address = raw
        .first("From")
        .and_then(domain::address_in_header)
        .unwrap_or_else(|| ctx.input.sender_address.trim().to_string());
    let Some(from_domain) = domain::address_domain(&from_address) else {
        return;
    };
    let microsoft_from = domain::is_microsoft_sender_domain(&from_domain);

    // The page's sender and the pasted source's From must be one message.
    if let Some(shown) = domain::address_domain(&ctx.input.sender_address) {
        if !shown.eq_ignore_ascii_case(&from_domain) {
            out.add(
                "auth.source_mismatch",
                Severity::Warning,
                "The raw source's From address is not the sender shown for this message.",
                evidence(EvidenceSource::Header, "From", from_address.clone()),
            );
        }
    }

    sender_header(raw, &from_domain, microsoft_from, out);

    let Some(value) = raw.first("Authentication-Results") else {
        no_results(raw, microsoft_from, out);
        return;
    };
    let header = || evidence(EvidenceSource::Header, "Authentication-Results (topmost)", value);
    let results = parse_results(value);
    let signed = dkim_signature_domains(raw);
    let mut verdict = outcome(&results, &from_domain, &signed);
    if let Some(writer) = unknown_receiver(value) {
        out.add(
            "auth.unknown_receiver",
            Severity::Info,
            &format!(
                "The topmost authentication result was written by {writer}, not by a known mail provider, \
                 so it cannot prove who sent the message."
            ),
            header(),
        );
        // Anyone can write a pass (a hand-made .eml); a forger gains nothing by a failure.
        if verdict == Outcome::Pass {
            verdict = Outcome::Unproven;
        }
    }
    match (verdict, microsoft_from) {
        (Outcome::Pass, true) => {
            let message = match senders::known(&from_address) {
                Some(what) => format!(
                    "The receiving mail server confirmed that this message really comes from Microsoft's \
                     {from_domain} (a known sender of {what})."
                ),
                None => format!(
                    "The receiving mail server confirmed that this message really comes from Microsoft's \
                     {from_domain}."
                ),
            };
            out.add("auth.microsoft_verified", Severity::Good, &message, header());
            for d in signed.iter().filter(|d| domain::same_organization(d, &from_domain)).take(2) {
                out.add(
                    "auth.microsoft_verified",
                    Severity::Good,
                    "",
                    evidence(EvidenceSource::Header, "DKIM-Signature", format!("d={d}")),
                );
            }
        }
        (Outcome::Fail, true) => out.add(
            "auth.failed",
            Severity::Danger,
            "The message claims to come from Microsoft, but the receiving mail server found that the claim \
             fails authentication: it is forged.",
            header(),
        ),
        (Outcome::Unproven, true) => out.add(
            "auth.unproven",
            Severity::Info,
            "The receiving mail server could not confirm that this message comes from Microsoft.",
            header(),
        ),
        (Outcome::Fail, false) => out.add(
            "auth.failed",
            Severity::Warning,
            "The sender's own domain does not vouch for this message (authentication failed).",
            header(),
        ),
        (Outcome::Pass, false) => out.add(
            "auth.verified_not_microsoft",
            Severity::Info,
            &format!(
                "Authentication only proves the message comes from {from_domain}, which is not Microsoft."
            ),
            header(),
        ),
        (Outcome::Unproven, false) => {}
    }
}

/// The authserv-id of an `Authentication-Results` value when it is not a known receiving
/// provider's; `None` for a known one, and for Microsoft's form without an id.
pub fn unknown_receiver(value: &str) -> Option<String> {
    let id = value.split(';').next().unwrap_or_default().split_whitespace().next().unwrap_or_default();
    if id.is_empty() || id.contains('=') {
        return None;
    }
    let host = domain::normalize_host(id);
    let org = domain::registrable_domain(&host);
    let known = senders::RECEIVING_PROVIDERS.iter().any(|p| org.as_deref() == Some(*p) || host == *p);
    (!known).then_some(host)
}

/// No `Authentication-Results` at all: nothing can be proven.
fn no_results(raw: &RawFacts, microsoft_from: bool, out: &mut Findings) {
    if !microsoft_from {
        return;
    }
    // Decided: Info, not Warning. Sources saved by some clients or pasted by hand lack
    // the header; the level then stays "unverified", which is the honest answer.
    out.add(
        "auth.missing",
        Severity::Info,
        "The raw source has no authentication results from the receiving server, so it cannot prove the \
         message comes from Microsoft.",
        evidence(EvidenceSource::Header, "Authentication-Results", "(absent)"),
    );
    if let Some(arc) = raw.first("ARC-Authentication-Results") {
        out.add(
            "auth.arc_only",
            Severity::Info,
            "Only a forwarding server's ARC results are present; they cannot be verified here and prove nothing.",
            evidence(EvidenceSource::Header, "ARC-Authentication-Results", arc),
        );
    }
}

/// The `Sender:` trick: a Microsoft address in `Sender:` over a `From` that is not.
fn sender_header(raw: &RawFacts, from_domain: &str, microsoft_from: bool, out: &mut Findings) {
    if microsoft_from {
        return;
    }
    let Some(value) = raw.first("Sender") else {
        return;
    };
    let Some(address) = domain::address_in_header(value) else {
        return;
    };
    let Some(sender_domain) = domain::address_domain(&address) else {
        return;
    };
    if (domain::is_microsoft_sender_domain(&sender_domain) || senders::known(&address).is_some())
        && !domain::same_organization(&sender_domain, from_domain)
    {
        out.add(
            "auth.sender_header_mismatch",
            Severity::Danger,
            "The Sender header names a Microsoft address, but the message's From address is not Microsoft's: \
             a known forgery trick.",
            evidence(EvidenceSource::Header, "Sender", value),
        );
    }
}
