//! Claim detection: does this message claim to be a Microsoft code or account-security
//! mail, which kind, in which language, and which code does it carry?
//!
//! A claim needs Microsoft named together with account-security wording, or a phrase
//! only Microsoft's templates use. "Named" has strengths: the display name or a "Microsoft
//! account" phrase names Microsoft as the sender, so any account wording (even a billing
//! or policy lure) makes the claim; the bare word "Microsoft" or a product name in a
//! subject or body is weaker (newsletters write it), so it needs specific wording — a code
//! label with its code, or account-security words in the subject. A code mail that never
//! names Microsoft (GitHub, a bank) is not a claim.
//!
//! Every field is read as a person reads it: folded by the text layer ([`crate::text::fold`]:
//! compatibility forms, combining marks, look-alike letters, invisible characters, spaced
//! or digit-written brand names all undone), then looked up in the phrase tables
//! ([`phrases`]). Only the first [`MAX_TEXT_BYTES`] of a field are read. Only what the
//! reader sees counts here: hidden filler is the content rule's business.

pub mod code;
pub mod fields;
pub mod phrases;

use regex::Regex;
use std::sync::OnceLock;

use crate::model::{evidence, Claim, Evidence, EvidenceSource, MessageInput};
use crate::raw::RawFacts;
use crate::tables::claims as t;
use crate::text::cut;

pub use crate::text::fold::{fold, Folded, MAX_TEXT_BYTES};
pub use code::code_after;
pub use fields::{Field, Fields};
pub use phrases::{phrases, Table, Tag};

use code::{find_code, find_code_generic};

/// Evidence items a claim keeps at most.
const MAX_CLAIM_EVIDENCE: usize = 6;
/// Occurrences of "password" looked at in an attached page at most.
const MAX_OCCURRENCES: usize = 2_000;

/// What the message claims, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    pub kind: Claim,
    /// The code next to a known label, if any.
    pub code: Option<String>,
    /// Language tag of the matched wording (`en`, `ja`, …).
    pub language: Option<&'static str>,
    /// The subject / body / label words that made the claim.
    pub evidence: Vec<Evidence>,
    /// The label and code as written ("Security code: 123456"), when a code was found.
    pub code_evidence: Option<Evidence>,
    /// A device-code lure: the device-login address the message sends the reader to.
    pub device_login: Option<Evidence>,
    /// An attached web page that is a sign-in form naming Microsoft.
    pub attached_sign_in_page: Option<Evidence>,
    /// Authenticator / Entra context, where 8-digit codes are normal.
    pub long_code_context: bool,
    /// The body was longer than [`MAX_TEXT_BYTES`]; only its start was read.
    pub body_cut: bool,
    /// The subject makes the claim while the body and images never name Microsoft: the
    /// message is about another matter under a Microsoft subject.
    pub subject_only: bool,
}

impl ClaimFacts {
    pub fn none() -> Self {
        ClaimFacts {
            kind: Claim::None,
            code: None,
            language: None,
            evidence: Vec::new(),
            code_evidence: None,
            device_login: None,
            attached_sign_in_page: None,
            long_code_context: false,
            body_cut: false,
            subject_only: false,
        }
    }
}

/// A phrase found in a field.
struct Hit<T> {
    value: T,
    evidence: Evidence,
}

fn first_in<T: Copy>(table: &Table<T>, fields: &[&Field]) -> Option<Hit<T>> {
    fields
        .iter()
        .find_map(|f| table.first_in(f).map(|(value, s, e)| Hit { value, evidence: f.evidence(s, e) }))
}

/// The most specific kind among the kind words of the given fields.
fn best_kind(table: &Table<Tag>, field: &Field) -> Option<Hit<Tag>> {
    table
        .all_in(field)
        .min_by_key(|((_, kind), s, _)| (kind_rank(*kind), *s))
        .map(|(value, s, e)| Hit { value, evidence: field.evidence(s, e) })
}

fn kind_rank(kind: Claim) -> u8 {
    match kind {
        Claim::SingleUseCode => 0,
        Claim::SecurityCode => 1,
        Claim::PasswordReset => 2,
        Claim::SignInAlert => 3,
        Claim::OtherAccountAlert => 4,
        Claim::None => 5,
    }
}

// ---------------------------------------------------------------------------------------
// Detection

/// Detects the claim.
pub fn detect(input: &MessageInput, raw: Option<&RawFacts>) -> ClaimFacts {
    detect_in(&Fields::new(input), input, raw)
}

/// Detects the claim in fields already folded (the pipeline folds once for every rule).
pub fn detect_in(fields: &Fields, input: &MessageInput, raw: Option<&RawFacts>) -> ClaimFacts {
    let tb = phrases();
    let (name, subject, body) = (&fields.name, &fields.subject, &fields.body);
    let texts = fields.texts();

    // Who is named, and how firmly: the display name or a "Microsoft account" phrase in
    // the subject speak as Microsoft; the phrase in a body may be someone writing about
    // their account; a bare "Microsoft" or product name may be news.
    let name_brand = first_in(&tb.microsoft, &[name])
        .or_else(|| first_in(&tb.products, &[name]))
        .or_else(|| first_in(&tb.teams, &[name]).map(|h| Hit { value: (), evidence: h.evidence }));
    // Images' alt and title text is a headline: a banner image that says "Microsoft account
    // security code" speaks like the subject does.
    let image = &fields.image;
    let headlines = [subject, image];
    let subject_account = first_in(&tb.account, &headlines).or_else(|| first_in(&tb.teams, &headlines));
    let body_account = first_in(&tb.account, &[body]).or_else(|| first_in(&tb.teams, &[body]));
    let template = first_in(&tb.templates, &texts);
    let genuine_subject = first_in(&tb.subjects, &headlines);
    let subject_brand = first_in(&tb.microsoft, &headlines);
    // Products count in the subject only: a body's "Sent from Outlook for iOS" or a
    // bounce quoting "X-Mailer: Microsoft Outlook" is no claim.
    let subject_product = first_in(&tb.products, &[subject]);
    let body_brand = first_in(&tb.microsoft, &[body]);
    let body_product = first_in(&tb.products, &[body]);

    let template_or_brand = template.is_some()
        || name_brand.is_some()
        || subject_brand.is_some()
        || subject_product.is_some()
        || body_brand.is_some()
        || body_product.is_some()
        || first_in(&tb.form_products, &fields.all()).is_some();
    let device = device_login(input);
    let page = raw.and_then(attached_sign_in_page);
    if !template_or_brand && device.is_none() && page.is_none() {
        // Nothing names Microsoft: no need to read further (most mail stops here).
        return ClaimFacts::none();
    }

    // What is said.
    let subject_kind = best_kind(&tb.kind_words, subject).or_else(|| best_kind(&tb.kind_words, image));
    let body_kind = best_kind(&tb.kind_words, body);
    let labelled = find_code(&tb.labels, fields);
    let lure = first_in(&tb.lures, &fields.all());
    let generic_lure = first_in(&tb.generic_lures, &fields.all());
    let headline_lure = first_in(&tb.lures, &[name, subject, image]);
    let body_lures: Vec<Evidence> =
        tb.lures.all_in(body).take(2).map(|(_, s, e)| body.evidence(s, e)).collect();

    let subject_event = first_in(&tb.subject_events, &headlines);
    // Asking for the code is a code mail's own wording, whoever asks.
    let asks_code = tb.asks_code.unnegated_in(&texts, 1).pop();
    let any_kind = subject_kind.is_some() || body_kind.is_some() || labelled.is_some() || asks_code.is_some();
    let mut reasons: Vec<Evidence> = Vec::new();
    let kind_evidence = |reasons: &mut Vec<Evidence>| {
        reasons.extend(ev(&subject_kind));
        reasons.extend(ev(&body_kind));
        reasons.extend(asks_code.clone());
        if let Some(c) = &labelled {
            reasons.push(c.evidence.clone());
        }
    };

    let claimed = if template.is_some() || genuine_subject.is_some() {
        reasons.extend(ev(&genuine_subject));
        reasons.extend(ev(&template));
        reasons.extend(ev(&name_brand));
        true
    } else if name_brand.is_some() && (any_kind || lure.is_some() || generic_lure.is_some()) {
        reasons.extend(ev(&name_brand));
        kind_evidence(&mut reasons);
        if !any_kind {
            reasons.extend(ev(&lure).or(ev(&generic_lure)));
        }
        true
    } else if subject_account.is_some() && (any_kind || lure.is_some() || subject_event.is_some()) {
        reasons.extend(ev(&subject_account));
        kind_evidence(&mut reasons);
        if !any_kind {
            reasons.extend(ev(&lure).or(ev(&subject_event)));
        }
        true
    } else if body_account.is_some() && (any_kind || headline_lure.is_some() || body_lures.len() >= 2) {
        reasons.extend(ev(&body_account));
        kind_evidence(&mut reasons);
        if !any_kind {
            reasons.extend(ev(&headline_lure));
            reasons.extend(body_lures);
        }
        true
    } else if (subject_brand.is_some() || subject_product.is_some())
        && (subject_kind.is_some() || labelled.is_some())
        || (body_brand.is_some() || body_product.is_some()) && subject_kind.is_some()
        || body_brand.is_some() && (labelled.is_some() || asks_code.is_some())
    {
        // A subject naming Microsoft with account wording or a code; a body naming it
        // under an account-security subject; a code labelled under a body naming
        // "Microsoft" itself (a product name there may be a "Sent from Outlook" line).
        reasons.extend(ev(&subject_brand).or(ev(&subject_product)));
        reasons.extend(ev(&body_brand).or(ev(&body_product)));
        kind_evidence(&mut reasons);
        true
    } else if let Some(scam) = brand_scam(fields, template_or_brand) {
        // A Microsoft name over a "call us" with an order, a renewal, a refund or a virus.
        reasons.extend(scam);
        true
    } else if let Some(found) = &device {
        reasons.push(found.clone());
        true
    } else if let Some(found) = &page {
        reasons.push(found.clone());
        true
    } else if let Some(form) = login_form(fields) {
        reasons.extend(form);
        true
    } else if let Some(share) = file_share(fields) {
        reasons.extend(share);
        true
    } else {
        false
    };
    if !claimed {
        return ClaimFacts::none();
    }

    // The kind: the subject says it best, then the code label, then the body.
    let kind = if device.is_some() {
        Claim::SecurityCode
    } else {
        genuine_subject
            .as_ref()
            .map(|h| h.value.1)
            .or(subject_kind.as_ref().map(|h| h.value.1))
            .or(labelled.as_ref().map(|c| c.kind))
            .or(template.as_ref().map(|h| h.value.1))
            .or(body_kind.as_ref().map(|h| h.value.1))
            .unwrap_or(Claim::OtherAccountAlert)
    };
    // A mail that asks for the code is about a code, whatever else it says: it is counted
    // like one ("reply with the code", "read us the code you got").
    let kind = if !kind.is_code() && asks_code.is_some() { Claim::SecurityCode } else { kind };
    let language = genuine_subject
        .as_ref()
        .map(|h| h.value.0)
        .or(labelled.as_ref().map(|c| c.lang))
        .or(subject_kind.as_ref().map(|h| h.value.0))
        .or(template.as_ref().map(|h| h.value.0))
        .or(body_kind.as_ref().map(|h| h.value.0))
        .or(subject_account.as_ref().map(|h| h.value))
        .or(body_account.as_ref().map(|h| h.value))
        .or(lure.as_ref().map(|h| h.value));

    // The code: after a specific label, or else after a bare "code" word.
    let code = labelled.or_else(|| find_code_generic(&tb.generic_labels, fields, device.is_some()));
    if let Some(c) = &code {
        reasons.push(c.evidence.clone());
    }
    let mut unique: Vec<Evidence> = Vec::new();
    for e in reasons {
        if !unique.contains(&e) {
            unique.push(e);
        }
    }
    unique.truncate(MAX_CLAIM_EVIDENCE);
    let reasons = unique;

    let body_names_microsoft =
        [&fields.body, &fields.image].iter().any(|f| tb.names().any(|id| f.hits.first(id).is_some()));
    let subject_only = !body_names_microsoft
        && template.is_none()
        && device.is_none()
        && page.is_none()
        && (subject_account.is_some()
            || genuine_subject.is_some()
            || subject_brand.is_some()
            || subject_product.is_some());
    let long_code_context = fields.all().iter().any(|f| tb.long_code.first_in(f).is_some());
    ClaimFacts {
        kind,
        code: code.as_ref().map(|c| c.code.clone()),
        language,
        evidence: reasons,
        code_evidence: code.map(|c| c.evidence),
        device_login: device,
        attached_sign_in_page: page,
        long_code_context,
        body_cut: input.body_text.len() > MAX_TEXT_BYTES,
        subject_only,
    }
}

/// A scam that borrows the brand: Microsoft or a product named, and a number to call
/// with a payment or an alarm right beside it (an amount, an order, a renewal, a virus),
/// so that an advisory's hotline under a mention of Microsoft is not one.
fn brand_scam(fields: &Fields, names_microsoft: bool) -> Option<Vec<Evidence>> {
    if !names_microsoft {
        return None;
    }
    let tb = phrases();
    let (field, start, end) = phone_call_places(fields).into_iter().find(|&(field, start, end)| {
        let text = field.folded.source;
        let (from, to) = (start.saturating_sub(300), (end + 300).min(text.len()));
        let (ffrom, fto) = (field.folded.folded_offset(from), field.folded.folded_offset(to));
        let window =
            text.get(field.folded.source_offset(ffrom)..field.folded.source_offset(fto)).unwrap_or("");
        tb.lures.any_between(field, ffrom, fto) || crate::text::shapes::has_money(window)
    })?;
    // A product in the body alone is too weak ("Sent from Outlook" under a signature's number).
    let brand = first_in(&tb.microsoft, &fields.all())
        .or_else(|| first_in(&tb.products, &[&fields.name, &fields.subject]))?;
    let call = evidence(field.source, field.location, &field.folded.source[start..end]);
    Some(vec![brand.evidence, call])
}

/// Phone numbers with a request to call them (a call word within 100 bytes before or 40
/// after), in any visible field: at most `max`, each quoted.
pub fn phone_calls(fields: &Fields, max: usize) -> Vec<Evidence> {
    phone_call_places(fields)
        .into_iter()
        .take(max)
        .map(|(field, start, end)| evidence(field.source, field.location, &field.folded.source[start..end]))
        .collect()
}

/// Where [`phone_calls`] stand: the field and the number's byte range in its source.
fn phone_call_places<'f>(fields: &'f Fields) -> Vec<(&'f Field<'f>, usize, usize)> {
    let call = &phrases().call;
    let mut found = Vec::new();
    for field in fields.all() {
        let text = field.folded.source;
        for (start, end) in crate::text::shapes::phone_numbers(text) {
            let from = field.folded.folded_offset(start.saturating_sub(100));
            let to = field.folded.folded_offset((end + 40).min(text.len()));
            if call.any_between(field, from, to) && found.len() < 16 {
                found.push((field, start, end));
            }
        }
    }
    found
}

fn ev<T>(hit: &Option<Hit<T>>) -> Option<Evidence> {
    hit.as_ref().map(|h| h.evidence.clone())
}

/// A sign-in form written into the body: two form phrases and an Office product named.
fn login_form(fields: &Fields) -> Option<Vec<Evidence>> {
    let tb = phrases();
    let body = &fields.body;
    let found: Vec<Evidence> =
        tb.login_form.all_in(body).map(|(_, s, e)| body.evidence(s, e)).take(2).collect();
    if found.len() < 2 {
        return None;
    }
    let brand = first_in(&tb.microsoft, &fields.all())
        .or_else(|| first_in(&tb.products, &fields.all()))
        .or_else(|| first_in(&tb.form_products, &fields.all()))?;
    let mut out = vec![brand.evidence];
    out.extend(found);
    Some(out)
}

/// A document "shared with you" on a Microsoft file product.
fn file_share(fields: &Fields) -> Option<Vec<Evidence>> {
    let tb = phrases();
    let product = first_in(&tb.file_products, &fields.all())?;
    let share = first_in(&tb.share, &fields.texts())?;
    Some(vec![product.evidence, share.evidence])
}

/// The device-login address, in the body text or a link.
fn device_login(input: &MessageInput) -> Option<Evidence> {
    let finder = device_login_finder();
    let body = cut(&input.body_text, MAX_TEXT_BYTES);
    if let Some(m) = finder.find(body) {
        return Some(evidence(EvidenceSource::Body, "body", &body[m.start()..m.end()]));
    }
    for link in input.links.iter().take(crate::text::html::MAX_LINKS) {
        for (what, text) in [("href", &link.href), ("text", &link.text)] {
            let text = cut(text, 4 * 1024);
            if finder.is_match(text) {
                return Some(evidence(EvidenceSource::Link, format!("link {} {what}", link.index), text));
            }
        }
    }
    None
}

/// The device-login addresses, any case: a regex of the table's literals, whose
/// prefilter skips text without them far faster than a case-folding automaton does.
fn device_login_finder() -> &'static Regex {
    static FINDER: OnceLock<Regex> = OnceLock::new();
    FINDER.get_or_init(|| {
        let literals: Vec<String> = t::DEVICE_LOGIN.iter().map(|a| regex::escape(a)).collect();
        Regex::new(&format!("(?i-u){}", literals.join("|")))
            .expect("the device-login addresses make a valid regex")
    })
}

/// An attached web page with a password field that names Microsoft: a fake sign-in page.
/// Pages written out with `unescape('%3C…')` are percent-decoded first.
fn attached_sign_in_page(raw: &RawFacts) -> Option<Evidence> {
    for (name, page) in raw.attachment_pages.iter().take(5) {
        let page = cut(page, MAX_TEXT_BYTES);
        let decoded = if crate::text::find_ascii_ci(page, "%3c").is_some() {
            crate::domain::percent_decode(page)
        } else {
            page.to_string()
        };
        let lower = decoded.to_ascii_lowercase();
        let password_field = lower.match_indices("password").take(MAX_OCCURRENCES).any(|(at, _)| {
            let mut from = at.saturating_sub(32);
            while !lower.is_char_boundary(from) {
                from -= 1;
            }
            let before: String = lower[from..at]
                .chars()
                .rev()
                .filter(|c| !matches!(c, ' ' | '"' | '\'' | '\\'))
                .take(5)
                .collect();
            before == "=epyt"
        });
        if !password_field {
            continue;
        }
        if let Some(brand) = t::PAGE_BRANDS.iter().find(|b| lower.contains(*b)) {
            return Some(evidence(
                EvidenceSource::Attachment,
                format!("attachment {name}"),
                format!("a sign-in page with a password field that names \"{brand}\""),
            ));
        }
    }
    None
}
