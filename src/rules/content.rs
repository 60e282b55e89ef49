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

use regex::Regex;

use crate::claim::{self, phrases, Field, Fields, Table};
use crate::findings::{evidence, Context, Findings};
use crate::model::{Claim, EvidenceSource, Severity};
use crate::tables::claims_content as t;
use crate::text::{cut, find_ascii_ci};

/// Evidence items one rule collects at most.
const MAX_HITS: usize = 4;

pub fn check(ctx: &Context, out: &mut Findings) {
    if ctx.claim.kind == Claim::None {
        return;
    }
    claim_reason(ctx, out);
    subject_only(ctx, out);
    asks(ctx.fields, out);
    call_phone(ctx.fields, out);
    device_code(ctx, out);
    urgency(ctx.fields, out);
    attachments(ctx, out);
    hidden_text(ctx, out);
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

/// A Microsoft subject over a body about something else: the subject is the lure.
fn subject_only(ctx: &Context, out: &mut Findings) {
    if ctx.claim.subject_only && ctx.input.body_text.trim().len() > 40 {
        out.add(
            "content.subject_body_mismatch",
            Severity::Warning,
            "The subject says this is about your Microsoft account, but the message itself is about something \
             else and never names Microsoft.",
            ctx.fields.subject.evidence(0, ctx.fields.subject.folded.text.len()),
        );
    }
}

/// Asking for the code or the password.
fn asks(fields: &Fields, out: &mut Findings) {
    let w = phrases();
    for ev in w.asks_code.unnegated_in(&fields.texts(), MAX_HITS) {
        out.add(
            "content.asks_for_code",
            Severity::Danger,
            "The message asks you to send or read out the code. Microsoft never asks for a code: \
             whoever asks for it is trying to take over the account.",
            ev,
        );
    }
    for ev in w.asks_password.unnegated_in(&fields.texts(), MAX_HITS) {
        out.add(
            "content.asks_for_password",
            Severity::Danger,
            "The message asks you to send or confirm your password. Microsoft never asks for it by mail.",
            ev,
        );
    }
}

/// The phone-number shape: an optional international prefix, an area part (in brackets
/// or not), then two groups of digits, with single spaces, dots or dashes between.
fn phone_shape() -> &'static Regex {
    static SHAPE: OnceLock<Regex> = OnceLock::new();
    SHAPE.get_or_init(|| {
        Regex::new(r"(?:\+[ \t]?[0-9]{1,3}[ \t.-]?)?(?:\([0-9]{2,4}\)|[0-9]{2,4})[ \t.-]?[0-9]{3,4}[ \t.-]?[0-9]{3,4}")
            .expect("the phone shape is a valid regex")
    })
}

/// The non-overlapping phone-shaped matches of `text`, leftmost first, at most `max`.
fn phone_matches(text: &str, max: usize) -> Vec<(usize, usize)> {
    phone_shape().find_iter(text).take(max).map(|m| (m.start(), m.end())).collect()
}

/// Phone numbers in `text` (original, not folded): 9–15 digits, not glued to other
/// digits or letters, not a dotted IP address or a date.
pub fn phone_numbers(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, end) in phone_matches(text, 200) {
        let s = text.get(start..end).unwrap_or_default();
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        let before = text.get(..start).and_then(|t| t.chars().next_back());
        let mut after = text.get(end..).unwrap_or_default().chars();
        let next = after.next();
        let glued = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | ':' | '-'))
            || next.is_some_and(|c| {
                c.is_alphanumeric()
                    || matches!(c, '.' | ':' | '-') && after.next().is_some_and(|d| d.is_ascii_digit())
            });
        let dotted = s.contains('.') && !s.contains('+');
        if (9..=15).contains(&digits) && !glued && !dotted {
            out.push((start, end));
        }
    }
    out
}

/// A phone number with a request to call it, in any visible field.
fn call_phone(fields: &Fields, out: &mut Findings) {
    let w = phrases();
    let mut hits = 0;
    for field in fields.all() {
        let text = field.folded.source;
        for (start, end) in phone_numbers(text) {
            // A call word within 100 bytes before the number or 40 after it.
            let from = field.folded.folded_offset(start.saturating_sub(100));
            let to = field.folded.folded_offset((end + 40).min(text.len()));
            if !w.call.any_between(field, from, to) {
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
    let w = phrases();
    let severity = if out.has("auth.microsoft_verified") { Severity::Info } else { Severity::Warning };
    for ev in w.urgency.unnegated_in(&fields.all(), MAX_HITS) {
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
fn hidden_text(ctx: &Context, out: &mut Findings) {
    let hidden_text = &ctx.input.hidden_text;
    if hidden_text.trim().is_empty() {
        return;
    }
    let w = phrases();
    let hidden = Field::new(hidden_text, true, EvidenceSource::Body, "hidden text");
    let visible = &ctx.fields.body;
    let names_microsoft = w.microsoft.first_in(&hidden).is_some();
    let tables: [(&Table<_>, bool); 3] =
        [(&w.templates, true), (&w.subjects, true), (&w.labels, names_microsoft)];
    let tagged = tables
        .iter()
        .filter(|(_, applies)| *applies)
        .flat_map(|(table, _)| table.entries.iter().map(|e| e.0));
    let named = [&w.teams, &w.account].into_iter().flat_map(|table| table.entries.iter().map(|e| e.0));
    let found = tagged.chain(named).find_map(|id| {
        let (start, end) = hidden.hits.first(id)?;
        visible.hits.first(id).is_none().then_some((start, end))
    });
    if let Some((start, end)) = found {
        out.add(
            "content.hidden_microsoft_text",
            Severity::Warning,
            "The message hides text from the reader that copies Microsoft's wording, a trick to get past \
             mail filters.",
            hidden.evidence(start, end),
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
    if let Some(at) = find_ascii_ci(name, "on behalf of") {
        tenants.push((EvidenceSource::Sender, "display name", name[at + "on behalf of".len()..].trim()));
    }
    let subject = &ctx.fields.subject;
    if let Some((start, _)) = subject.hits.first(phrases().tenant_template) {
        tenants.push((EvidenceSource::Subject, "subject", subject.folded.original(0, start)));
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
    let w = phrases();
    let tenant = cut(tenant, 4096);
    if !phone_numbers(tenant).is_empty() || tenant.chars().filter(char::is_ascii_digit).count() >= 7 {
        return Some("phone number");
    }
    if has_money(tenant) {
        return Some("money amount");
    }
    let folded = Field::new(tenant, false, EvidenceSource::Sender, "tenant name");
    if w.scam_brands.first_in(&folded).is_some() {
        return Some("another brand");
    }
    if w.scam_words.first_in(&folded).is_some() {
        return Some("payment or helpline wording");
    }
    if lookalike_letters(tenant) {
        return Some("look-alike letters");
    }
    None
}

/// A currency sign (next to a number or not), or a decimal amount (`49.99`, `1.299,00`:
/// a digit, `.` or `,`, two digits, then no third digit).
fn has_money(text: &str) -> bool {
    static AMOUNT: OnceLock<Regex> = OnceLock::new();
    let amount = AMOUNT.get_or_init(|| {
        Regex::new(r"[0-9][.,][0-9]{2}(?:[^0-9]|$)").expect("the amount shape is a valid regex")
    });
    text.chars().any(|c| t::CURRENCY_SIGNS.contains(&c)) || amount.is_match(text)
}

/// Look-alike letters inside a word: a capital `I` after a small letter (`PayPaI`),
/// `0` or `1` between letters, invisible characters, or Latin mixed with Cyrillic or
/// Greek in one word.
fn lookalike_letters(text: &str) -> bool {
    if text.chars().any(crate::text::unicode::is_invisible) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A text, its phone-shaped matches, and whether it holds money.
    type Case = (&'static str, &'static [(usize, usize)], bool);

    /// Expected values from the regexes these matchers replaced (regex-lite, leftmost-first;
    /// they also agreed on millions of pseudo-random strings of digits and separators).
    #[test]
    fn hand_matchers_give_what_the_regexes_gave() {
        let cases: &[Case] = &[
            ("Call +1 (800) 555-0199 now", &[(5, 22)], false),
            ("+44 20 7946 0958", &[(0, 16)], false),
            ("+1-800-555-0199", &[(0, 15)], false),
            ("(0800) 123 4567", &[(0, 15)], false),
            ("(12)3456789", &[(0, 11)], false),
            ("+123 4567 890 1234", &[(0, 18)], false),
            ("0800.123.4567", &[(0, 13)], false),
            ("1234567890123456", &[(0, 12)], false),
            ("12 345 678", &[(0, 10)], false),
            ("+ 1 800 555 0199", &[(0, 16)], false),
            ("(123456) 789 0123", &[], false),
            ("+1234 (56) 789-0123", &[(6, 19)], false),
            ("tel: 1-800-642-7676 or +49 (0)89 3176 0", &[(7, 19)], false),
            ("192.168.100.200", &[(0, 11)], false),
            ("2024-01-15 10:30", &[], false),
            ("+1 800 555 01990", &[(0, 15)], false),
            ("12-3456-7890-1234", &[(0, 12)], false),
            ("((12) 345 678)", &[(1, 13)], false),
            ("+\t1\t22\t333\t4444", &[(0, 15)], false),
            ("99.99 USD", &[], true),
            ("1.299,00 €", &[], true),
            ("49.999", &[], false),
            ("12,34", &[], true),
            ("a 5.00b", &[], true),
            ("x9.9y", &[], false),
            ("", &[], false),
            ("$", &[], true),
            ("5 €", &[], true),
            ("1,23\n", &[], true),
        ];
        for &(text, phones, money) in cases {
            assert_eq!(phone_matches(text, 200), phones, "{text:?}");
            assert_eq!(has_money(text), money, "{text:?}");
        }
    }
}
