//! Claim detection by kind, text folding and code reading, with fixtures written here.

mod common;
use codeguard::claim::{code_after, detect, fold};
use codeguard::{Claim, EvidenceSource, LinkInput, MessageInput};
use common::msg;

fn kind(name: &str, subject: &str, body: &str) -> Claim {
    detect(&msg(name, "someone@example.test", subject, body), None).kind
}

// --- every kind --------------------------------------------------------------------------

#[test]
fn security_code_from_body_template() {
    let c = detect(
        &msg(
            "",
            "x@example.test",
            "Your code",
            "Please use the following security code for the Microsoft account ab**c@outlook.com. Security code: 1234567",
        ),
        None,
    );
    assert_eq!(c.kind, Claim::SecurityCode);
    assert_eq!(c.code.as_deref(), Some("1234567"), "older 7-digit codes read too");
}

#[test]
fn single_use_code() {
    let body = "We received your request for a single-use code to use with your Microsoft account. \
                Your single-use code is: 608812";
    let c = detect(&msg("Microsoft account team", "x@example.test", "Your single-use code", body), None);
    assert_eq!(c.kind, Claim::SingleUseCode);
    assert_eq!(c.code.as_deref(), Some("608812"));
}

#[test]
fn password_reset_and_change() {
    assert_eq!(
        kind("Microsoft account team", "Microsoft account password reset", "Security code: 123456"),
        Claim::PasswordReset
    );
    assert_eq!(
        kind("Microsoft account team", "Microsoft account password change", "Your password was changed."),
        Claim::PasswordReset
    );
}

#[test]
fn unusual_sign_in_activity() {
    let body =
        "We detected something unusual about a recent sign-in to the Microsoft account ab**c@outlook.com. \
                Sign-in details Country/region: Brazil";
    assert_eq!(
        kind("Microsoft account team", "Microsoft account unusual sign-in activity", body),
        Claim::SignInAlert
    );
    // The spelling fakes use.
    assert_eq!(kind("", "Microsoft account unusual signin activity", "Report the user"), Claim::SignInAlert);
}

#[test]
fn security_info_added_and_new_app() {
    assert_eq!(
        kind(
            "Microsoft account team",
            "Microsoft account security info was added",
            "The following security info was added"
        ),
        Claim::OtherAccountAlert
    );
    assert_eq!(
        kind("Microsoft account team", "New app(s) connected to your Microsoft account", "Contoso Mail"),
        Claim::OtherAccountAlert
    );
}

#[test]
fn entra_tenant_verification_code() {
    let c = detect(
        &msg(
            "Microsoft on behalf of Contoso",
            "msonlineservicesteam@microsoftonline.com",
            "Contoso account email verification code",
            "Please use the following code to verify your email address. Verification code: 12345678",
        ),
        None,
    );
    assert_eq!(c.kind, Claim::SecurityCode);
    assert_eq!(c.code.as_deref(), Some("12345678"));
    assert!(c.long_code_context, "8 digits are normal for Entra");
}

#[test]
fn device_code_lure() {
    let mut input = msg(
        "IT Helpdesk",
        "it@example.test",
        "Action needed: mailbox migration",
        "To keep your mailbox, open the page and enter the code ABCD-EFGH.",
    );
    input.links = vec![LinkInput {
        index: 0,
        text: "Open".into(),
        href: "https://microsoft.com/devicelogin".into(),
        wrapped_href: None,
    }];
    let c = detect(&input, None);
    assert_eq!(c.kind, Claim::SecurityCode);
    assert!(c.device_login.is_some());
    assert_eq!(c.code.as_deref(), Some("ABCD-EFGH"));
}

#[test]
fn account_closure_alert() {
    let body = "Your account has been listed for suspension and possible termination. Thanks, The Microsoft account team";
    assert_eq!(kind("E-Notice", "Your account will be closed", body), Claim::OtherAccountAlert);
}

#[test]
fn microsoft_branded_lures() {
    for (name, subject, body) in [
        (
            "Microsoft Storage",
            "Your Mailbox is Full",
            "Your email account has reached its maximum storage capacity.",
        ),
        ("Outlook Team", "Password expiry notice", "Your password expires today. Keep my password."),
        ("Microsoft Privacy", "Your latest User Agreement", "You must agree to the new user agreement."),
        (
            "Microsoft 365 Billing",
            "Billing information requires update",
            "We were unable to process your payment.",
        ),
    ] {
        assert_eq!(kind(name, subject, body), Claim::OtherAccountAlert, "{name} / {subject}");
    }
}

#[test]
fn sign_in_form_in_body_with_office_product() {
    let body = "Excel Online. Sign in to view the document. Remember me. Forgot password?";
    assert_eq!(kind("Accounts", "Invoice", body), Claim::OtherAccountAlert);
}

#[test]
fn shared_file_lure() {
    let body = "A new contract document has been shared with you on SharePoint. View Document";
    assert_eq!(kind("HR Team", "Contract", body), Claim::OtherAccountAlert);
}

// --- not claims ---------------------------------------------------------------------------

#[test]
fn github_device_verification_is_not_a_claim() {
    let body = "A sign in attempt requires further verification because we did not recognize your device. \
                Verification code: 324644. If you did not attempt to sign in to your account, your password \
                may be compromised.";
    let c = detect(&msg("GitHub", "noreply@github.com", "[GitHub] Please verify your device", body), None);
    assert_eq!(c.kind, Claim::None);
}

#[test]
fn newsletter_about_microsoft_is_not_a_claim() {
    let body = "Microsoft patches Windows flaw. Microsoft Corporation said users should reset passwords. \
                Order your subscription today. Zip code 98052.";
    assert_eq!(kind("Tech Daily", "Today's headlines", body), Claim::None);
}

#[test]
fn outlook_mention_is_not_a_claim() {
    assert_eq!(
        kind(
            "Anna",
            "Re: meeting",
            "Sent from Outlook for iOS. See you at 10, the code for the door is 4711."
        ),
        Claim::None
    );
}

#[test]
fn links_and_addresses_do_not_name_microsoft() {
    let body =
        "Your verification code: 555123. Sent from Mail https://go.microsoft.com/fwlink/?LinkId=550986 \
                reply to friend@hotmail.com";
    assert_eq!(kind("Shop", "Your code", body), Claim::None);
}

#[test]
fn no_claim_without_any_text() {
    assert_eq!(detect(&MessageInput::default(), None).kind, Claim::None);
}

// --- folding and evidence -----------------------------------------------------------------

#[test]
fn invisible_characters_and_lookalikes_still_name_microsoft() {
    // Zero-width space, variation selectors, Cyrillic о and Cherokee M.
    for name in [
        "Micro\u{200b}soft account team",
        "M\u{e0139}i\u{e0139}crosoft account team",
        "Micrоsoft account team",
        "\u{13b7}icrosoft account team",
    ] {
        assert_eq!(
            kind(name, "Unusual sign-in activity", "We detected something unusual"),
            Claim::SignInAlert,
            "{name:?}"
        );
    }
}

#[test]
fn full_width_letters_fold() {
    assert_eq!(fold("ＭＩＣＲＯＳＯＦＴ　Account", false).text, "microsoft account");
}

#[test]
fn evidence_names_field_and_words() {
    let c = detect(
        &msg("Microsoft account team", "x@example.test", "Security alert", "Security code: 123456"),
        None,
    );
    assert!(c.evidence.iter().any(|e| e.source == EvidenceSource::Sender && e.value == "Microsoft"));
    let code = c.code_evidence.expect("code evidence");
    assert_eq!(code.source, EvidenceSource::Body);
    assert_eq!(code.value, "Security code: 123456");
}

#[test]
fn code_reading() {
    assert_eq!(code_after(": 123456.", 0).map(|c| c.0), Some("123456".into()));
    assert_eq!(code_after(" is: 123 456 thanks", 0).map(|c| c.0), Some("123456".into()));
    assert_eq!(code_after("\u{a0}:\u{a0}654321", 0).map(|c| c.0), Some("654321".into()));
    assert_eq!(code_after(" for the Microsoft account", 0), None);
    assert_eq!(code_after(": 12", 0), None, "too short");
    assert_eq!(code_after(": 123456789012345678901234567890", 0), None, "too long");
    assert_eq!(code_after(": é", 0), None);
    assert_eq!(code_after("", 0), None);
    assert_eq!(code_after("abc", 99), None, "offset past the end");
}

#[test]
fn huge_body_is_cut_and_said_so() {
    let mut body = "Microsoft account team. Security code: 123456. ".to_string();
    body.push_str(&"é lorem ipsum ".repeat(800_000));
    let c = detect(
        &msg("Microsoft account team", "x@example.test", "Microsoft account security code", &body),
        None,
    );
    assert_eq!(c.kind, Claim::SecurityCode);
    assert!(c.body_cut);
}

#[test]
fn hostile_repetition_is_bounded() {
    let body = "security code ".repeat(100_000);
    let c = detect(&msg("Microsoft", "x@example.test", "x", &body), None);
    assert_eq!(c.kind, Claim::SecurityCode);
    assert_eq!(c.code, None);
}

#[test]
fn product_lures_with_account_wording_in_the_subject() {
    assert_eq!(
        kind(
            "IT Support",
            "Your password expires today",
            "Keep your Microsoft 365 password. Keep same password"
        ),
        Claim::OtherAccountAlert
    );
    assert_eq!(
        kind("Admin", "Mailbox full: action required", "Your Outlook mailbox has reached its limit."),
        Claim::OtherAccountAlert
    );
    assert_eq!(
        kind("Helpdesk", "MFA expiring - scan to renew", "Your Microsoft Authenticator setup expires."),
        Claim::OtherAccountAlert
    );
}

#[test]
fn writing_about_ones_own_microsoft_account_is_not_a_claim() {
    assert_eq!(
        kind(
            "Jane Doe",
            "Re: SDK download",
            "Hi list, since yesterday I can't sign in to my Microsoft account to download the SDK. \
             Has anyone seen this? Your account page says nothing. Thanks, Jane",
        ),
        Claim::None
    );
}

#[test]
fn every_table_phrase_folds_and_finds_itself() {
    use codeguard::claim::Field;
    use codeguard::model::EvidenceSource;
    use codeguard::tables::{claims as c, claims_content as t};
    use codeguard::text::phrases::Phrase;
    let mut phrases: Vec<&str> = Vec::new();
    phrases.extend(c::MICROSOFT.iter().chain(c::PRODUCTS).chain(c::FORM_PRODUCTS).chain(c::FILE_PRODUCTS));
    phrases.extend(c::LOGIN_FORM.iter().chain(c::SHARE_PHRASES).chain(c::LONG_CODE_CONTEXT));
    phrases.extend(c::GENERIC_CODE_LABELS);
    for list in [c::ACCOUNT_PHRASES, c::TEAM_NAMES, c::LURE_WORDS, c::GENERIC_LURE_WORDS] {
        phrases.extend(list.iter().map(|p| p.text));
    }
    for list in [t::ASKS_FOR_CODE, t::ASKS_FOR_PASSWORD, t::CALL_WORDS, t::URGENCY] {
        phrases.extend(list.iter().map(|p| p.text));
    }
    for list in [c::SUBJECTS, c::TEMPLATES, c::CODE_LABELS, c::KIND_WORDS] {
        phrases.extend(list.iter().map(|p| p.text));
    }
    phrases.extend(t::NEGATIONS.iter().chain(t::NEGATIONS_AFTER).chain(t::SCAM_BRANDS).chain(t::SCAM_WORDS));
    let dictionary = &codeguard::claim::phrases().dictionary;
    for phrase in phrases {
        let pattern = Phrase::new(phrase);
        assert!(!pattern.text.is_empty(), "{phrase:?} folds to nothing");
        let id = dictionary.id(phrase).unwrap_or_else(|| panic!("{phrase:?} is not in the dictionary"));
        let written = phrase.trim_end_matches('*');
        let field = Field::new(written, true, EvidenceSource::Body, "body");
        assert!(field.hits.first(id).is_some(), "{phrase:?} does not find itself in {:?}", field.folded.text);
    }
}

#[test]
fn bounces_and_signatures_are_not_claims() {
    // A bounce quoting the original headers.
    assert_eq!(
        kind(
            "Mail Delivery Subsystem",
            "Undelivered Mail Returned to Sender",
            "The recipient's mailbox is full. Original message headers: X-Mailer: Microsoft Outlook 16.0",
        ),
        Claim::None
    );
    // A forwarded code from another service, sent from Outlook on a phone.
    assert_eq!(
        kind("Dad", "Fw: your code", "Your verification code: 123456\nGet Outlook for iOS"),
        Claim::None
    );
}

#[test]
fn product_in_subject_with_code_is_a_claim() {
    assert_eq!(kind("IT", "Outlook verification", "Your verification code: 123456"), Claim::SecurityCode);
}

#[test]
fn random_text_never_panics() {
    // A fixed pseudo-random walk over characters that stress folding and slicing:
    // multi-byte letters, invisible marks, full-width forms, CJK, digits and separators.
    const POOL: &[&str] = &[
        "Microsoft",
        " account",
        " team",
        "security code",
        ":",
        "：",
        "\u{a0}",
        "１２３",
        "123456",
        "é",
        "ß",
        "İ",
        "\u{200b}",
        "\u{e0139}",
        "\u{34f}",
        "セキュリティ コード",
        "安全代码",
        "보안 코드",
        "код",
        "-",
        "%3C",
        "type=\"password\"",
        "call +1 (888) 555-0199",
        "reply with the code",
        "@",
        "https://x.test/",
        "'",
        "*",
        "devicelogin",
        "microsoft.com/devicelogin",
        "\u{1d40c}",
        "Ꮇ",
        "on behalf of",
        "account email verification code",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..400 {
        let mut parts = [String::new(), String::new(), String::new()];
        for part in &mut parts {
            for _ in 0..(next() % 40) {
                part.push_str(POOL[(next() % POOL.len() as u64) as usize]);
            }
        }
        let mut input = msg(&parts[0], "x@example.test", &parts[1], &parts[2]);
        input.attachments = vec![parts[1].clone()];
        let _ = detect(&input, None);
        let _ = codeguard::analyze(&input);
        for at in 0..parts[2].len().min(64) {
            let _ = code_after(&parts[2], at);
        }
    }
}

#[test]
fn a_mail_that_asks_for_the_code_is_a_code_mail() {
    // Counted in the history and on the badge like any code mail, even without a code label.
    for body in [
        "Your Microsoft account is on hold. Reply to this email with the code we just sent to your phone.",
        "Microsoft account team: please send us the code you received to keep your account.",
    ] {
        assert_eq!(kind("Microsoft account team", "Account on hold", body), Claim::SecurityCode, "{body}");
    }
    // "Never share the code" is no ask: a sign-in alert stays a sign-in alert.
    assert_eq!(
        kind(
            "Microsoft account team",
            "Microsoft account unusual sign-in activity",
            "We detected unusual activity. Never send the code to anyone."
        ),
        Claim::SignInAlert
    );
}

#[test]
fn a_subject_alone_can_make_the_claim_and_the_body_that_ignores_it_is_a_finding() {
    let body = "Please review and sign the attached agreement. The document expires in 48 hours. \
                Review document: Contract_2026.pdf";
    for subject in [
        "A new app has been connected to your Microsoft account",
        "Your Microsoft account: a new device was added",
        "Security info was changed on your Microsoft account",
    ] {
        let input = msg("eSign Notice", "notices@docs-sign.example", subject, body);
        let v = codeguard::analyze(&input);
        assert_ne!(v.claim, Claim::None, "{subject}");
        assert!(
            v.reasons.iter().any(|r| r.id == "content.subject_body_mismatch"),
            "{subject}: {:?}",
            v.reasons
        );
        assert!(v.level >= codeguard::Level::Suspicious, "{subject}");
    }
    // A newsletter subject that only talks about the account makes no claim.
    assert_eq!(kind("Tech Weekly", "How to secure your Microsoft account in 5 steps", body), Claim::None);
}
