//! Content rules: what the message asks the reader to do, and how it says it.
//!
//! Genuine Microsoft code mail asks for nothing: it shows a code, says "you can safely
//! ignore this email" and "don't share it". So asking for the code, the password or a
//! phone call, pointing to the device-login page, threatening the account, carrying a web
//! page or archive as an attachment, hiding Microsoft's wording from the reader, a code
//! in a shape Microsoft never sends, or scam text in the tenant name of Microsoft's own
//! Entra sender are each evidence against it. Wording is per language (see
//! `tables/claims_content.rs`); text is folded like the claim's (see [`crate::claim`]).

use crate::claim::{self, phrases, Field, Fields, Table};
use crate::findings::{evidence, Context, Findings};
use crate::model::{Claim, EvidenceSource, Severity};
use crate::tables::claims_content as t;
use crate::text::shapes::{has_money, phone_numbers};
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

/// A phone number with a request to call it, in any visible field.
fn call_phone(fields: &Fields, out: &mut Findings) {
    for ev in claim::phone_calls(fields, MAX_HITS) {
        out.add(
            "content.call_phone",
            Severity::Danger,
            "The message asks you to call a phone number. Microsoft's code and security mail never \
             does: the number reaches the scammer.",
            ev,
        );
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
        // The name as the system reads it: full-width and decorative letters made plain,
        // invisible characters and bidi controls (the "fdp.exe" trick) taken out.
        let mut plain = String::new();
        for c in cut(name, 1024).chars() {
            match crate::text::unicode::fold_char(c) {
                Some((folded, _)) => plain.push_str(folded),
                None => plain.extend(c.to_lowercase()),
            }
        }
        let lower = plain.trim().trim_end_matches(['.', ' ']);
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
