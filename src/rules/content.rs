//! Content rules: what the message asks the reader to do, and how it says it.
//!
//! Genuine Microsoft code mail asks for nothing: it shows a code, says "you can safely
//! ignore this email" and "don't share it". So asking for the code, the password or a
//! phone call, pointing to the device-login page, threatening the account, carrying a web
//! page or archive as an attachment, hiding Microsoft's wording from the reader, a code
//! in a shape Microsoft never sends, or scam text in the tenant name of Microsoft's own
//! Entra sender are each evidence against it. Wording is per language (see
//! `tables/claims_content.rs`); text is folded like the claim's (see [`crate::claim`]).

use std::sync::OnceLock;

use regex_lite::Regex;

use crate::claim::{self, Field, Fields, Table};
use crate::findings::{evidence, Context, Findings};
use crate::model::{Claim, Evidence, EvidenceSource, Severity};
use crate::raw::cut;
use crate::tables::{claims as ct, claims_content as t};

/// Evidence items one rule collects at most.
const MAX_HITS: usize = 4;

pub fn check(ctx: &Context, out: &mut Findings) {
    if ctx.claim.kind == Claim::None {
        return;
    }
    let fields = Fields::new(ctx.input);
    claim_reason(ctx, out);
    asks(&fields, out);
    call_phone(&fields, out);
    device_code(ctx, out);
    urgency(&fields, out);
    attachments(ctx, out);
    hidden_text(ctx, &fields, out);
    code_format(ctx, out);
    tenant_scam(ctx, out);
    if ctx.claim.body_cut {
        out.add(
            "content.body_cut",
            Severity::Info,
            "The message text is very long; only its first part was read for wording.",
            evidence(
                EvidenceSource::Limit,
                "body",
                format!("first {} KB read", claim::MAX_TEXT_BYTES / 1024),
            ),
        );
    }
}

struct Words {
    asks_code: Table<&'static str>,
    asks_password: Table<&'static str>,
    call: Table<&'static str>,
    urgency: Table<&'static str>,
    negations: Table<()>,
    negations_after: Table<()>,
    scam_brands: Table<()>,
    scam_words: Table<()>,
    microsoft: Table<()>,
    account: Table<&'static str>,
    teams: Table<&'static str>,
    subjects: Table<&'static str>,
    templates: Table<&'static str>,
    labels: Table<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        asks_code: claim::langs(t::ASKS_FOR_CODE),
        asks_password: claim::langs(t::ASKS_FOR_PASSWORD),
        call: claim::langs(t::CALL_WORDS),
        urgency: claim::langs(t::URGENCY),
        negations: claim::plain(t::NEGATIONS),
        negations_after: claim::plain(t::NEGATIONS_AFTER),
        scam_brands: claim::plain(t::SCAM_BRANDS),
        scam_words: claim::plain(t::SCAM_WORDS),
        microsoft: claim::plain(ct::MICROSOFT),
        account: claim::langs(ct::ACCOUNT_PHRASES),
        teams: claim::langs(ct::TEAM_NAMES),
        subjects: kind_free(ct::SUBJECTS),
        templates: kind_free(ct::TEMPLATES),
        labels: kind_free(ct::CODE_LABELS),
    })
}

/// A kind table with only its languages kept.
fn kind_free(items: &'static [ct::KindPhrase]) -> Table<&'static str> {
    Table { entries: items.iter().map(|p| (claim::Pattern::new(p.text), p.lang)).collect() }
}

/// Why the message counts as a Microsoft claim at all: the words that made it.
fn claim_reason(ctx: &Context, out: &mut Findings) {
    let message = match ctx.claim.kind {
        Claim::SecurityCode => "The message presents itself as a Microsoft security-code mail.",
        Claim::SingleUseCode => "The message presents itself as a Microsoft single-use code mail.",
        Claim::PasswordReset => "The message presents itself as a Microsoft password reset or change mail.",
        Claim::SignInAlert => "The message presents itself as a Microsoft sign-in alert.",
        Claim::OtherAccountAlert | Claim::None => {
            "The message presents itself as Microsoft account or service mail."
        }
    };
    for ev in &ctx.claim.evidence {
        out.add("content.microsoft_claim", Severity::Info, message, ev.clone());
    }
}

/// Phrases of `table` found in the fields, skipping those right after a negation.
fn unnegated(table: &Table<&'static str>, fields: &[&Field], limit: usize) -> Vec<Evidence> {
    let w = words();
    let mut found = Vec::new();
    for field in fields {
        let text = &field.folded.text;
        for (pattern, _) in table.entries.iter().filter(|(p, _)| p.may_match(&field.folded)) {
            if let Some((start, end)) = pattern.find_iter(text).find(|&(s, e)| !negated(text, s, e, w)) {
                found.push(field.evidence(start, end));
            }
            if found.len() >= limit {
                return found;
            }
        }
    }
    found
}

/// Whether a negation sits in the few words before `start` (or, for languages that put
/// it after the verb, the few characters after `end`).
fn negated(text: &str, start: usize, end: usize, w: &Words) -> bool {
    let before = tail_chars(&text[..start], 40);
    let after = head_chars(&text[end..], 12);
    w.negations.first(before).is_some() || w.negations_after.first(after).is_some()
}

fn tail_chars(s: &str, n: usize) -> &str {
    let at = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &s[at..]
}

fn head_chars(s: &str, n: usize) -> &str {
    let at = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..at]
}

/// Asking for the code or the password.
fn asks(fields: &Fields, out: &mut Findings) {
    let w = words();
    for ev in unnegated(&w.asks_code, &fields.texts(), MAX_HITS) {
        out.add(
            "content.asks_for_code",
            Severity::Danger,
            "The message asks you to send or read out the code. Microsoft never asks for a code: \
             whoever asks for it is trying to take over the account.",
            ev,
        );
    }
    for ev in unnegated(&w.asks_password, &fields.texts(), MAX_HITS) {
        out.add(
            "content.asks_for_password",
            Severity::Danger,
            "The message asks you to send or confirm your password. Microsoft never asks for it by mail.",
            ev,
        );
    }
}

fn phone_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:\+[ \t]?[0-9]{1,3}[ \t.-]?)?(?:\([0-9]{2,4}\)|[0-9]{2,4})[ \t.-]?[0-9]{3,4}[ \t.-]?[0-9]{3,4}")
            .expect("phone pattern compiles")
    })
}

/// Phone numbers in `text` (original, not folded): 9–15 digits, not glued to other
/// digits or letters, not a dotted IP address or a date.
pub fn phone_numbers(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in phone_regex().find_iter(text).take(200) {
        let s = m.as_str();
        let digits = s.chars().filter(char::is_ascii_digit).count();
        let before = text[..m.start()].chars().next_back();
        let mut after = text[m.end()..].chars();
        let next = after.next();
        let glued = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | ':' | '-'))
            || next.is_some_and(|c| {
                c.is_alphanumeric()
                    || matches!(c, '.' | ':' | '-') && after.next().is_some_and(|d| d.is_ascii_digit())
            });
        let dotted = s.contains('.') && !s.contains('+');
        if (9..=15).contains(&digits) && !glued && !dotted {
            out.push((m.start(), m.end()));
        }
    }
    out
}

/// A phone number with a request to call it, in any visible field.
fn call_phone(fields: &Fields, out: &mut Findings) {
    let w = words();
    let mut hits = 0;
    for field in fields.all() {
        let text = field.folded.source;
        for (start, end) in phone_numbers(text) {
            let from = floor_char(text, start.saturating_sub(100));
            let to = ceil_char(text, (end + 40).min(text.len()));
            let window = claim::fold(&text[from..to], false);
            if w.call.first_in_folded(&window).is_none() {
                continue;
            }
            out.add(
                "content.call_phone",
                Severity::Danger,
                "The message asks you to call a phone number. Microsoft's code and security mail never \
                 does: the number reaches the scammer.",
                evidence(field.source, field.location, &text[start..end]),
            );
            hits += 1;
            if hits >= MAX_HITS {
                return;
            }
        }
    }
}

fn floor_char(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char(s: &str, mut at: usize) -> usize {
    while at < s.len() && !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// A code to type at Microsoft's device-login page: the device-code phishing trick.
fn device_code(ctx: &Context, out: &mut Findings) {
    let Some(place) = &ctx.claim.device_login else { return };
    let message = "The message asks you to enter a code at Microsoft's device-login page. That signs \
                   the sender's device into your account; Microsoft never mails such a request.";
    out.add("content.device_code_lure", Severity::Danger, message, place.clone());
    if let Some(code) = &ctx.claim.code_evidence {
        out.add("content.device_code_lure", Severity::Danger, message, code.clone());
    }
}

/// Urgency and threats against the account. From a sender that authentication proves
/// is Microsoft, a deadline is Microsoft's own (inactivity closure notices): worth
/// showing, not a reason to doubt the mail. Everything that asks for something stays.
fn urgency(fields: &Fields, out: &mut Findings) {
    let w = words();
    let severity = if out.has("auth.microsoft_verified") { Severity::Info } else { Severity::Warning };
    for ev in unnegated(&w.urgency, &fields.all(), MAX_HITS) {
        out.add(
            "content.urgency",
            severity,
            "The message pressures you with a deadline or a threat to the account. Genuine Microsoft \
             code mail says you can safely ignore it.",
            ev,
        );
    }
}

/// Web pages, scripts and archives attached to a code or security mail.
fn attachments(ctx: &Context, out: &mut Findings) {
    if let Some(page) = &ctx.claim.attached_sign_in_page {
        out.add(
            "content.attached_sign_in_page",
            Severity::Danger,
            "An attachment is a sign-in page asking for your Microsoft password. Microsoft never sends \
             sign-in pages as attachments: whatever is typed there goes to the sender.",
            page.clone(),
        );
    }
    for name in ctx.input.attachments.iter().take(100) {
        let lower = cut(name, 1024).trim().trim_end_matches(['.', ' ']).to_lowercase();
        let Some((_, ext)) = lower.rsplit_once('.') else { continue };
        let (web, archive) = (t::WEB_EXTENSIONS.contains(&ext), t::ARCHIVE_EXTENSIONS.contains(&ext));
        if web || archive {
            let message = if web {
                "An attachment opens as a web page or a program (a fake sign-in page often rides in one). \
                 Microsoft's code and security mail has no attachments."
            } else {
                "An attachment is an archive or disk image. Microsoft's code and security mail has no attachments."
            };
            out.add(
                "content.risky_attachment",
                Severity::Danger,
                message,
                evidence(EvidenceSource::Attachment, "attachment", name.as_str()),
            );
        }
    }
}

/// Text styled invisible that copies Microsoft's wording the reader does not see
/// (filler to fool filters). Hidden text that repeats the visible wording is a preheader,
/// which genuine mail has too, so it does not count.
fn hidden_text(ctx: &Context, fields: &Fields, out: &mut Findings) {
    let Some(raw) = ctx.raw else { return };
    if raw.hidden_text.trim().is_empty() {
        return;
    }
    let w = words();
    let hidden = claim::fold(&raw.hidden_text, true);
    let visible = &fields.body.folded;
    let names_microsoft = w.microsoft.first_in_folded(&hidden).is_some();
    let tables: [(&Table<&'static str>, bool); 5] = [
        (&w.templates, true),
        (&w.subjects, true),
        (&w.teams, true),
        (&w.account, true),
        (&w.labels, names_microsoft),
    ];
    let found = tables.iter().filter(|(_, applies)| *applies).find_map(|(table, _)| {
        table.entries.iter().filter(|(p, _)| p.may_match(&hidden)).find_map(|(pattern, _)| {
            let (start, end) = pattern.find(&hidden.text)?;
            let also_visible = pattern.may_match(visible) && pattern.find(&visible.text).is_some();
            (!also_visible).then_some((start, end))
        })
    });
    if let Some((start, end)) = found {
        out.add(
            "content.hidden_microsoft_text",
            Severity::Warning,
            "The message hides text from the reader that copies Microsoft's wording, a trick to get past \
             mail filters.",
            evidence(EvidenceSource::Body, "hidden text", hidden.original(start, end)),
        );
    }
}

/// A code in a shape Microsoft does not send: letters, 4–5 digits, or 8+ characters
/// outside an Authenticator / Entra context. Microsoft sends 6 digits (7 in older mail).
fn code_format(ctx: &Context, out: &mut Findings) {
    let Some(code) = &ctx.claim.code else { return };
    let Some(ev) = ctx.claim.code_evidence.clone() else { return };
    // Only a code mail's code: a reference or promotion code in another notice is not
    // a security code, and a device-login lure is reported as such.
    if ctx.claim.device_login.is_some() || !ctx.claim.kind.is_code() {
        return;
    }
    let len = code.chars().filter(char::is_ascii_alphanumeric).count();
    let letters = code.chars().any(|c| c.is_ascii_alphabetic());
    if letters || len <= 5 {
        out.add(
            "content.code_format",
            Severity::Warning,
            "The code is not in Microsoft's format (Microsoft sends 6 or 7 digits, no letters).",
            ev,
        );
    } else if len >= 8 && !ctx.claim.long_code_context {
        out.add(
            "content.code_format",
            Severity::Info,
            "The code is longer than Microsoft account codes (8 digits belong to Authenticator or work \
             and school accounts).",
            ev,
        );
    }
}

/// Scam text in the tenant name that Microsoft's own Entra sender writes into the display
/// name ("Microsoft on behalf of <Tenant>") and subject ("<Tenant> account email
/// verification code"). Authentication passes for these: the wording is the only tell.
fn tenant_scam(ctx: &Context, out: &mut Findings) {
    let input = ctx.input;
    let mut tenants: Vec<(EvidenceSource, &'static str, &str)> = Vec::new();
    let name = cut(&input.sender_name, 1024);
    if let Some(at) = claim::find_ascii_ci(name, "on behalf of") {
        tenants.push((EvidenceSource::Sender, "display name", name[at + "on behalf of".len()..].trim()));
    }
    let subject_folded = claim::fold(cut(&input.subject, 2048), false);
    let template = claim::Pattern::new("account email verification code");
    if let Some((start, _)) = template.find(&subject_folded.text) {
        tenants.push((EvidenceSource::Subject, "subject", subject_folded.original(0, start)));
    }
    for (source, location, tenant) in tenants {
        if tenant.is_empty() {
            continue;
        }
        if let Some(what) = tenant_scam_sign(tenant) {
            out.add(
                "content.tenant_name_scam",
                Severity::Danger,
                "The organisation name in this Microsoft verification mail carries scam text (a phone \
                 number, money, another brand or look-alike letters). Scammers put it there so that \
                 Microsoft itself delivers their message; authentication passing proves nothing here.",
                evidence(source, location, format!("{tenant} ({what})")),
            );
        }
    }
}

/// What in a tenant name is scam text, if anything.
pub fn tenant_scam_sign(tenant: &str) -> Option<&'static str> {
    let w = words();
    let tenant = cut(tenant, 4096);
    if !phone_numbers(tenant).is_empty() || tenant.chars().filter(char::is_ascii_digit).count() >= 7 {
        return Some("phone number");
    }
    if has_money(tenant) {
        return Some("money amount");
    }
    let folded = claim::fold(tenant, false);
    if w.scam_brands.first_in_folded(&folded).is_some() {
        return Some("another brand");
    }
    if w.scam_words.first_in_folded(&folded).is_some() {
        return Some("payment or helpline wording");
    }
    if lookalike_letters(tenant) {
        return Some("look-alike letters");
    }
    None
}

/// A currency sign next to a number, or a decimal amount (`49.99`, `1.299,00`).
fn has_money(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[0-9]+[.,][0-9]{2}(?:[^0-9]|$)|[$€£¥₹₿₽][ ]?[0-9]|[0-9][ ]?[$€£¥₹₿₽]")
            .expect("money pattern")
    });
    re.is_match(text) || text.chars().any(|c| t::CURRENCY_SIGNS.contains(&c))
}

/// Look-alike letters inside a word: a capital `I` after a small letter (`PayPaI`),
/// `0` or `1` between letters, invisible characters, or Latin mixed with Cyrillic or
/// Greek in one word.
fn lookalike_letters(text: &str) -> bool {
    if text.chars().any(claim::is_ignorable) {
        return true;
    }
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '.').any(|word| {
        let chars: Vec<char> = word.chars().take(64).collect();
        let capital_i = chars.windows(2).any(|p| p[0].is_lowercase() && p[1] == 'I');
        let digit_in_letters = chars
            .windows(3)
            .any(|p| p[0].is_alphabetic() && matches!(p[1], '0' | '1') && p[2].is_alphabetic());
        let latin = chars.iter().any(|c| c.is_ascii_alphabetic());
        let other = chars.iter().any(|&c| matches!(c as u32, 0x370..=0x4FF));
        capital_i || digit_in_letters || latin && other
    })
}
