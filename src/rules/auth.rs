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
//! What each combination means ([`outcome`]; "aligned" = for the `From` organization):
//!
//! | topmost results | outcome | Microsoft `From` | other `From` |
//! |---|---|---|---|
//! | DMARC pass, or aligned DKIM pass with its signature present | pass | Good `auth.microsoft_verified` | Info `auth.verified_not_microsoft` |
//! | no pass, but a trusted ARC set (below) | pass | Good, naming the sealer | Info `auth.verified_not_microsoft` |
//! | DMARC fail, or compauth fail | forged | Danger `auth.failed` | Warning `auth.failed` |
//! | aligned SPF fail/softfail and no DKIM pass at all | forged | Danger `auth.failed` | Warning `auth.failed` |
//! | aligned DKIM fail, none of the above | broken | Info `auth.signature_broken` | Info `auth.signature_broken` |
//! | anything else (none, neutral, errors, other domains) | unproven | Info `auth.unproven` | nothing |
//!
//! Why: DMARC fail is the receiver's own verdict that neither SPF nor DKIM vouches for
//! the `From` domain (Microsoft's domains publish `p=reject`), and `compauth=fail` is
//! Microsoft's final composite verdict; either says the `From` is forged. An aligned SPF
//! failure with no valid DKIM signature of anyone's means the mail came from a server the
//! domain does not list and carries no proof at all, which is how a spoof looks (a
//! forwarder that re-signs leaves a DKIM pass of its own). A DKIM failure alone is
//! different: a forwarder's "[EXTERNAL]" banner, a footer or a mailing list breaks the
//! body hash of a genuine signature all the time, and a forger gains nothing by attaching
//! a broken one. It proves nothing either way, so it is information: the level stays
//! "unverified" and the content and link rules decide the rest.
//!
//! ARC (RFC 8617): a forwarder's ARC set records what it checked before it changed the
//! message. This core cannot verify ARC signatures (no DNS, no crypto in the extension),
//! so the receiver's word and the sealer's name carry it. The newest set counts only when
//! all of these hold:
//! - the topmost result (from a known receiver) says `arc=pass`: the receiver verified
//!   every seal and the newest message signature. `compauth=fail` beside it overrules
//!   (Microsoft's final verdict, which already weighed ARC);
//! - the sets are numbered `i=1..N` (N at most 50) with one `ARC-Seal` each; the newest,
//!   `i=N`, is the last hop, and its `cv=` is `none` for `i=1` and `pass` above (`fail`
//!   is a broken chain);
//! - every seal in the chain is by a sealer in [`senders::TRUSTED_ARC_SEALERS`]: an
//!   earlier hop's results can flow into a later sealer's DMARC verdict, so an unknown
//!   hop anywhere spoils it;
//! - the newest set's one `ARC-Authentication-Results` (same `i=`) passes [`outcome`] for
//!   the `From` domain: DMARC pass, or aligned DKIM pass with the signature still present.
//!
//! Then that sealed result stands for the original delivery, over a topmost DKIM, SPF or
//! DMARC failure (what forwarding causes, and what ARC exists to override). Results in
//! lower sets are never read: anyone upstream can write one. What ARC does not prove:
//! that the forwarder added nothing (Google's ARC help says so); the content and link
//! rules still run, and their warnings outrank "genuine". Without any
//! `Authentication-Results`, ARC results are information only (`auth.arc_only`).
//!
//! Limitation: a provider that adds no `Authentication-Results` at all leaves the
//! sender's own forged header on top. Gmail, Outlook.com and Microsoft 365 always add
//! one, which is where this extension reads mail.

use crate::domain;
use crate::findings::{evidence, Context, Findings};
use crate::model::{Evidence, EvidenceSource, Severity};
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

/// The value of one `name=value` in a DKIM-style tag list (`DKIM-Signature`, `ARC-Seal`).
fn tag<'a>(value: &'a str, name: &str) -> Option<&'a str> {
    value.split(';').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// The `d=` domains of every `DKIM-Signature` in the source.
pub fn dkim_signature_domains(raw: &RawFacts) -> Vec<String> {
    raw.all("DKIM-Signature")
        .take(50)
        .filter_map(|value| tag(value, "d"))
        .map(domain::normalize_host)
        .filter(|d| !d.is_empty())
        .collect()
}

/// What the topmost results say about the `From` domain (the table in the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// DMARC pass, or DKIM pass aligned with `From` (and a matching signature present).
    Pass,
    /// DMARC or composite authentication failed, or SPF failed for `From` with no DKIM
    /// pass at all: the receiver found the `From` forged.
    Fail,
    /// Only a DKIM signature for `From` failed: broken on the way, proof of nothing.
    Broken,
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
    let any_dkim_pass = results.iter().any(|r| r.method == "dkim" && r.result == "pass");
    let forged = results.iter().any(|r| match r.method.as_str() {
        "dmarc" | "compauth" => r.result == "fail",
        "spf" => matches!(r.result.as_str(), "fail" | "softfail") && aligned(r) && !any_dkim_pass,
        _ => false,
    });
    if forged {
        Outcome::Fail
    } else if results.iter().any(|r| r.method == "dkim" && r.result == "fail" && aligned(r)) {
        Outcome::Broken
    } else {
        Outcome::Unproven
    }
}

/// ARC sets at most (RFC 8617 limits `i=` to 50).
const MAX_ARC_SETS: u32 = 50;

/// The newest ARC set, trusted to stand for the original delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArcProof<'a> {
    /// Who sealed it, from [`senders::TRUSTED_ARC_SEALERS`].
    pub sealer: &'static str,
    /// Its instance `i=`, the number of hops that sealed.
    pub instance: u32,
    /// Its `ARC-Seal` and `ARC-Authentication-Results` values.
    pub seal: &'a str,
    pub results: &'a str,
}

/// The newest ARC set when every condition of the module doc holds, else `None`.
pub fn trusted_arc<'a>(
    raw: &'a RawFacts,
    topmost: &[AuthResult],
    from_domain: &str,
    signed: &[String],
) -> Option<ArcProof<'a>> {
    let arc_pass = topmost.iter().find(|r| r.method == "arc").is_some_and(|r| r.result == "pass");
    let overruled = topmost.iter().any(|r| r.method == "compauth" && r.result == "fail");
    if !arc_pass || overruled {
        return None;
    }
    let instance =
        |value: Option<&str>| value?.parse::<u32>().ok().filter(|i| (1..=MAX_ARC_SETS).contains(i));
    let seals: Vec<(u32, &str)> = raw
        .all("ARC-Seal")
        .take(MAX_ARC_SETS as usize + 1)
        .map(|seal| Some((instance(tag(seal, "i"))?, seal)))
        .collect::<Option<_>>()?;
    // One seal per instance, numbered 1..=N: anything else is a broken chain.
    let newest = u32::try_from(seals.len()).ok().filter(|n| (1..=MAX_ARC_SETS).contains(n))?;
    if (1..=newest).any(|i| seals.iter().filter(|(n, _)| *n == i).count() != 1) {
        return None;
    }
    let sealer = |seal: &str| senders::trusted_arc_sealer(&domain::normalize_host(tag(seal, "d")?));
    let (_, seal) = *seals.iter().find(|(i, _)| *i == newest)?;
    let who = sealer(seal)?;
    if !seals.iter().all(|(_, other)| sealer(other).is_some()) {
        return None;
    }
    let chain_ok = if newest == 1 { "none" } else { "pass" };
    if !tag(seal, "cv").is_some_and(|cv| cv.eq_ignore_ascii_case(chain_ok)) {
        return None;
    }
    // RFC 8617 puts `i=` first in ARC-Authentication-Results; the results follow.
    let mut sealed = raw
        .all("ARC-Authentication-Results")
        .filter(|value| instance(value.split(';').next().and_then(|first| tag(first, "i"))) == Some(newest));
    let results = sealed.next()?;
    if sealed.next().is_some() {
        return None;
    }
    (outcome(&parse_results(results), from_domain, signed) == Outcome::Pass).then_some(ArcProof {
        sealer: who,
        instance: newest,
        seal,
        results,
    })
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
    let writer = unknown_receiver(value);
    if let Some(writer) = &writer {
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
    // A forwarder broke the receiver's check: its trusted seal may stand for the original.
    let arc = match (verdict, &writer) {
        (Outcome::Pass, _) | (_, Some(_)) => None,
        _ => trusted_arc(raw, &results, &from_domain, &signed),
    };
    if let Some(proof) = arc {
        arc_verified(&proof, value, &from_domain, microsoft_from, &signed, out);
        return;
    }
    match (verdict, microsoft_from) {
        (Outcome::Pass, true) => {
            let message = format!(
                "The receiving mail server confirmed that this message really comes from Microsoft's {from_domain}{}.",
                known_sender(&from_address)
            );
            out.add("auth.microsoft_verified", Severity::Good, &message, header());
            signature_evidence(&signed, &from_domain, out);
        }
        (Outcome::Pass, false) => not_microsoft(&from_domain, header(), out),
        (Outcome::Fail, true) => out.add(
            "auth.failed",
            Severity::Danger,
            "The message claims to come from Microsoft, but the receiving mail server found that the claim \
             fails authentication: it is forged.",
            header(),
        ),
        (Outcome::Fail, false) => out.add(
            "auth.failed",
            Severity::Warning,
            "The sender's own domain does not vouch for this message (authentication failed).",
            header(),
        ),
        (Outcome::Broken, _) => out.add(
            "auth.signature_broken",
            Severity::Info,
            &format!(
                "The signature of {from_domain} on this message was broken on the way (a forwarder's banner or \
                 footer does this), so it proves nothing either way about who sent it."
            ),
            header(),
        ),
        (Outcome::Unproven, true) => out.add(
            "auth.unproven",
            Severity::Info,
            "The receiving mail server could not confirm that this message comes from Microsoft.",
            header(),
        ),
        (Outcome::Unproven, false) => {}
    }
}

/// ` (a known sender of …)` for a known Microsoft address, else nothing.
fn known_sender(address: &str) -> String {
    senders::known(address).map(|what| format!(" (a known sender of {what})")).unwrap_or_default()
}

/// The `DKIM-Signature` domains that back a Microsoft pass, as its further evidence.
fn signature_evidence(signed: &[String], from_domain: &str, out: &mut Findings) {
    for d in signed.iter().filter(|d| domain::same_organization(d, from_domain)).take(2) {
        out.add(
            "auth.microsoft_verified",
            Severity::Good,
            "",
            evidence(EvidenceSource::Header, "DKIM-Signature", format!("d={d}")),
        );
    }
}

fn not_microsoft(from_domain: &str, shown: Evidence, out: &mut Findings) {
    out.add(
        "auth.verified_not_microsoft",
        Severity::Info,
        &format!("Authentication only proves the message comes from {from_domain}, which is not Microsoft."),
        shown,
    );
}

/// The forwarded-mail pass: the receiver's `arc=pass`, the trusted seal and its results.
fn arc_verified(
    proof: &ArcProof,
    topmost: &str,
    from_domain: &str,
    microsoft_from: bool,
    signed: &[String],
    out: &mut Findings,
) {
    let seal = format!(
        "i={}; d={}; cv={}",
        proof.instance,
        tag(proof.seal, "d").unwrap_or_default(),
        tag(proof.seal, "cv").unwrap_or_default()
    );
    let shown = [
        evidence(EvidenceSource::Header, "Authentication-Results (topmost)", topmost),
        evidence(EvidenceSource::Header, "ARC-Seal (newest)", seal),
        evidence(EvidenceSource::Header, "ARC-Authentication-Results (newest)", sealed_passes(proof.results)),
    ];
    if !microsoft_from {
        for e in shown {
            not_microsoft(from_domain, e, out);
        }
        return;
    }
    let message = format!(
        "This message was forwarded. The receiving mail server confirmed the forwarding chain, and {} sealed \
         its own check that the message really came from Microsoft's {from_domain} before it was passed on. \
         Anything the forwarder added, such as a banner, is not covered by that proof.",
        proof.sealer
    );
    for e in shown {
        out.add("auth.microsoft_verified", Severity::Good, &message, e);
    }
    signature_evidence(signed, from_domain, out);
}

/// The instance, the writer and the passing DKIM / DMARC results of a sealed
/// `ARC-Authentication-Results`, as sent: the whole value is too long to show.
fn sealed_passes(value: &str) -> String {
    let mut parts = value.split(';').map(str::trim);
    let head: Vec<&str> = parts.by_ref().take(2).collect();
    let passes = parts.filter(|part| {
        parse_results(part)
            .first()
            .is_some_and(|r| matches!(r.method.as_str(), "dkim" | "dmarc") && r.result == "pass")
    });
    head.into_iter().chain(passes).collect::<Vec<_>>().join("; ")
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
