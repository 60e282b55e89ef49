//! Disguises as evidence: a Microsoft name hidden from filters but shown to the reader,
//! and what the readers found while rendering. Fixtures written here.

mod common;
use codeguard::{analyze, Claim, Disguise, DisguiseKind, Level, MessageInput, Severity, Verdict};
use common::msg;

const BODY: &str = "Please use the following security code for the Microsoft account ab**c@outlook.com. \
                    Security code: 123456. If you didn't request this code, you can safely ignore this email.";

fn verdict(name: &str, subject: &str, body: &str) -> Verdict {
    analyze(&msg(name, "account-security-noreply@accountprotection.microsoft.com", subject, body))
}

fn reason(v: &Verdict, id: &str) -> Option<Severity> {
    v.reasons.iter().find(|r| r.id == id).map(|r| r.severity)
}

#[test]
fn a_plain_genuine_looking_mail_has_no_disguise() {
    let v = verdict("Microsoft account team", "Microsoft account security code", BODY);
    assert_eq!(v.claim, Claim::SecurityCode);
    assert_eq!(v.level, Level::Unverified);
    assert!(v.reasons.iter().all(|r| !r.id.starts_with("disguise.")), "{:?}", v.reasons);
}

#[test]
fn every_disguise_of_the_name_is_read_through_and_named() {
    let cases = [
        (
            "M\u{336}i\u{336}c\u{336}r\u{336}o\u{336}s\u{336}o\u{336}f\u{336}t account security code",
            "disguise.combining_marks",
        ),
        ("Micr0s0ft account security code", "disguise.digits_for_letters"),
        ("M i c r o s o f t account security code", "disguise.spaced_letters"),
        ("M.i.c.r.o.s.o.f.t account security code", "disguise.spaced_letters"),
        ("𝐌𝐢𝐜𝐫𝐨𝐬𝐨𝐟𝐭 account security code", "disguise.decorative_letters"),
        ("Mi\u{200b}cro\u{200b}soft account security code", "disguise.invisible_chars"),
        ("Місrosoft account security code", "disguise.lookalike_letters"),
    ];
    for (subject, id) in cases {
        let v = verdict("", subject, BODY);
        assert_eq!(v.claim, Claim::SecurityCode, "{subject}");
        assert_eq!(reason(&v, id), Some(Severity::Danger), "{subject}: {:?}", v.reasons);
        assert_eq!(v.level, Level::Dangerous, "{subject}");
    }
}

#[test]
fn a_name_disguised_in_the_display_name_is_read_through() {
    let v = verdict("M\u{336}icrosoft account team", "Your code", BODY);
    assert_eq!(reason(&v, "disguise.combining_marks"), Some(Severity::Danger), "{:?}", v.reasons);
}

#[test]
fn russian_wording_is_not_a_disguise() {
    let v = verdict(
        "Microsoft",
        "Код безопасности учетной записи Майкрософт",
        "Используйте следующий код безопасности для учетной записи Майкрософт. Код безопасности: 123456",
    );
    assert_ne!(v.claim, Claim::None);
    assert!(v.reasons.iter().all(|r| !r.id.starts_with("disguise.")), "{:?}", v.reasons);
}

#[test]
fn what_the_reader_found_while_rendering_is_evidence() {
    let with = |kind, text: &str| {
        let mut input: MessageInput =
            msg("Microsoft account team", "x@example.test", "Microsoft account security code", BODY);
        input.disguises.push(Disguise { kind, text: text.into() });
        analyze(&input)
    };
    assert_eq!(
        reason(&with(DisguiseKind::SplitWord, "Microsoft"), "disguise.split_word"),
        Some(Severity::Danger)
    );
    assert_eq!(
        reason(&with(DisguiseKind::SplitWord, "password"), "disguise.split_word"),
        Some(Severity::Warning)
    );
    assert_eq!(
        reason(&with(DisguiseKind::Reversed, "Microsoft account"), "disguise.reversed"),
        Some(Severity::Danger)
    );
    assert_eq!(reason(&with(DisguiseKind::GeneratedContent, "•"), "disguise.generated_content"), None);
    assert_eq!(
        reason(&with(DisguiseKind::HiddenText, "lorem ipsum"), "disguise.hidden_text"),
        Some(Severity::Info)
    );
}
