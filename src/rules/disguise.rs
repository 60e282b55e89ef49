//! Disguise rules: text written so that a person reads one thing and a filter another.
//!
//! The readers and the fold have already undone every disguise (the claim is judged on
//! what a person reads); here the disguise itself becomes evidence. Genuine Microsoft
//! mail writes its name plainly: a Microsoft name under combining marks, in look-alike or
//! decorative letters, with invisible characters, spaced apart or with digits for letters
//! is a fake's work. What the readers found while rendering (words split by hidden text,
//! text reversed under a bidi override, text only the style sheet writes) weighs the same
//! when it touches a Microsoft name and less elsewhere; hidden text is always shown.

use crate::claim::{phrases, Field};
use crate::findings::{evidence, Context, Findings};
use crate::model::{Disguise, DisguiseKind, EvidenceSource, Severity};

/// Hidden runs quoted at most.
const MAX_HIDDEN_SHOWN: usize = 3;

pub fn check(ctx: &Context, out: &mut Findings) {
    // The sender rules already name look-alike, digit and invisible letters in the display name.
    let by_sender =
        [DisguiseKind::LookalikeLetters, DisguiseKind::DigitsForLetters, DisguiseKind::InvisibleChars];
    in_names(&ctx.fields.name, &by_sender, out);
    for field in [&ctx.fields.subject, &ctx.fields.body, &ctx.fields.image] {
        in_names(field, &[], out);
    }
    for disguise in ctx.input.disguises.iter().take(64) {
        rendered(disguise, out);
    }
}

/// What a person understands of each disguise.
fn message(kind: DisguiseKind) -> (&'static str, &'static str) {
    match kind {
        DisguiseKind::CombiningMarks => (
            "disguise.combining_marks",
            "A Microsoft name hides its letters under combining marks: you read the name, filters do not.",
        ),
        DisguiseKind::LookalikeLetters => (
            "disguise.lookalike_letters",
            "A Microsoft name is spelled with look-alike letters from another alphabet.",
        ),
        DisguiseKind::InvisibleChars => {
            ("disguise.invisible_chars", "Invisible characters are hidden inside a Microsoft name.")
        }
        DisguiseKind::DecorativeLetters => (
            "disguise.decorative_letters",
            "A Microsoft name is written in decorative letters (mathematical or circled forms) that filters \
             do not read as the name.",
        ),
        DisguiseKind::SpacedLetters => (
            "disguise.spaced_letters",
            "The letters of a Microsoft name are spaced or dotted apart so that filters do not read it.",
        ),
        DisguiseKind::DigitsForLetters => {
            ("disguise.digits_for_letters", "A Microsoft name is written with digits for letters (0 for o).")
        }
        DisguiseKind::SplitWord => {
            ("disguise.split_word", "Words are split by hidden text: you read one word, a filter reads two.")
        }
        DisguiseKind::Reversed => (
            "disguise.reversed",
            "Text is written backwards and displayed forwards, so filters read it reversed.",
        ),
        DisguiseKind::GeneratedContent => (
            "disguise.generated_content",
            "Part of the text is written by the message's style sheet, where filters do not look.",
        ),
        DisguiseKind::HiddenText => (
            "disguise.hidden_text",
            "Part of the message is hidden from you (invisible text); it is shown here.",
        ),
    }
}

/// The disguises the fold undid inside a Microsoft name of this field.
fn in_names(field: &Field, skip: &[DisguiseKind], out: &mut Findings) {
    if field.folded.disguises.is_empty() {
        return;
    }
    for id in phrases().names() {
        for (start, end) in field.matches(id).take(16) {
            for kind in field.folded.disguises_in(start, end).filter(|k| !skip.contains(k)) {
                let (id, text) = message(kind);
                out.add(id, Severity::Danger, text, field.evidence(start, end));
            }
        }
    }
}

/// A disguise the reader found while rendering the body.
fn rendered(disguise: &Disguise, out: &mut Findings) {
    let (id, text) = message(disguise.kind);
    let shown = Field::new(&disguise.text, false, EvidenceSource::Body, "body");
    let names_microsoft = phrases().names().any(|id| shown.hits.first(id).is_some());
    let letters = disguise.text.chars().filter(|c| c.is_alphabetic()).count();
    let severity = match disguise.kind {
        DisguiseKind::HiddenText => Severity::Info,
        _ if names_microsoft => Severity::Danger,
        DisguiseKind::GeneratedContent if letters < 2 => return,
        _ => Severity::Warning,
    };
    let location = match disguise.kind {
        DisguiseKind::HiddenText => "hidden text",
        DisguiseKind::GeneratedContent => "style sheet content",
        _ => "body as displayed",
    };
    if disguise.kind == DisguiseKind::HiddenText
        && out.reasons.iter().any(|r| r.id == id && r.evidence.len() >= MAX_HIDDEN_SHOWN)
    {
        return;
    }
    out.add(id, severity, text, evidence(EvidenceSource::Body, location, disguise.text.as_str()));
}
