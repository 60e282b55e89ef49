//! Sender rules: each with a positive and a negative fixture written here.

use codeguard::claim::ClaimFacts;
use codeguard::findings::{Context, Findings};
use codeguard::model::{Claim, MessageInput, Severity};
use codeguard::raw;
use codeguard::rules::sender;

fn claim() -> ClaimFacts {
    ClaimFacts { kind: Claim::SecurityCode, ..ClaimFacts::none() }
}

fn run(name: &str, address: &str) -> Findings {
    let input =
        MessageInput { sender_name: name.into(), sender_address: address.into(), ..Default::default() };
    let claim = claim();
    let ctx =
        Context { input: &input, raw: None, claim: &claim, fields: &codeguard::claim::Fields::new(&input) };
    let mut out = Findings::default();
    sender::check(&ctx, &mut out);
    out
}

fn run_raw(eml: &str) -> Findings {
    let (input, facts) = raw::read(eml.as_bytes()).expect("fixture parses");
    let claim = claim();
    let ctx = Context {
        input: &input,
        raw: Some(&facts),
        claim: &claim,
        fields: &codeguard::claim::Fields::new(&input),
    };
    let mut out = Findings::default();
    sender::check(&ctx, &mut out);
    out
}

fn severity(out: &Findings, id: &str) -> Option<Severity> {
    out.reasons.iter().find(|r| r.id == id).map(|r| r.severity)
}

const GENUINE: &str = "account-security-noreply@accountprotection.microsoft.com";

#[test]
fn official_domain_is_info_only() {
    let out = run("Microsoft account team", GENUINE);
    assert_eq!(severity(&out, "sender.official"), Some(Severity::Info));
    assert!(out.worst() <= Some(Severity::Info), "{:?}", out.reasons);
    let out = run("Microsoft on behalf of Contoso", "msonlineservicesteam@microsoftonline.com");
    assert!(out.worst() <= Some(Severity::Info), "{:?}", out.reasons);
}

#[test]
fn not_microsoft_domain_warns() {
    let out = run("Account team", "no-reply@access-accsecurity.example");
    assert_eq!(severity(&out, "sender.not_microsoft_domain"), Some(Severity::Warning));
    assert!(!run("x", GENUINE).has("sender.not_microsoft_domain"));
}

#[test]
fn display_name_impersonation_is_danger() {
    let out = run("Microsoft account team", "no-reply@random-domain.example");
    assert_eq!(severity(&out, "sender.display_name_impersonation"), Some(Severity::Danger));
    let out = run("マイクロソフト アカウント チーム", "a@b.example");
    assert!(out.has("sender.display_name_impersonation"));
    assert!(!run("Microsoft account team", GENUINE).has("sender.display_name_impersonation"));
    assert!(!run("Jane Doe", "jane@company.example").has("sender.display_name_impersonation"));
}

#[test]
fn tenant_zone_is_not_microsoft() {
    let out = run("IT", "admin@contoso.onmicrosoft.com");
    assert_eq!(severity(&out, "sender.tenant_zone"), Some(Severity::Warning));
    assert!(!out.has("sender.official"));
    assert!(!out.has("sender.lookalike_domain"));
    let out = run("IT", "admin@micros0ft-security.onmicrosoft.com");
    assert!(out.has("sender.tenant_zone") && out.has("sender.lookalike_domain"), "{:?}", out.reasons);
    assert!(!run("x", "a@contoso.example").has("sender.tenant_zone"));
}

#[test]
fn freemail_including_microsofts_consumer_mailboxes() {
    assert_eq!(severity(&run("Support", "helpdesk@gmail.com"), "sender.freemail"), Some(Severity::Warning));
    let out = run("Microsoft account team", "security-team@outlook.com");
    assert!(out.has("sender.freemail"));
    assert!(out.has("sender.display_name_impersonation"));
    assert!(!out.has("sender.lookalike_domain"), "outlook.com is Microsoft's real name: {:?}", out.reasons);
    assert!(run("x", "microsoft.support@outlook.com").has("sender.brand_in_local_part"));
    assert!(!run("x", GENUINE).has("sender.freemail"));
}

#[test]
fn lookalike_domains() {
    for address in [
        "a@micros0ft-support.example",
        "a@rnicrosoft.example",
        "a@micorsoft.example",
        "a@xn--mcrosoft-rmg.com",
    ] {
        let out = run("Team", address);
        assert_eq!(
            severity(&out, "sender.lookalike_domain"),
            Some(Severity::Danger),
            "{address}: {:?}",
            out.reasons
        );
    }
    assert!(!run("Team", "a@example.com").has("sender.lookalike_domain"));
    assert!(!run("Team", "a@olive-garden.example").has("sender.lookalike_domain"));
}

#[test]
fn punycode_and_mixed_script_domains() {
    let out = run("Team", "a@xn--mcrosoft-rmg.com");
    assert!(out.has("sender.punycode_domain"));
    let out = run("Team", "a@miсrosoft.com"); // Cyrillic с
    assert_eq!(severity(&out, "sender.mixed_script"), Some(Severity::Danger));
    assert!(!run("Team", "a@example.com").has("sender.punycode_domain"));
    assert!(!run("Team", "a@example.com").has("sender.mixed_script"));
}

#[test]
fn brand_in_subdomain_and_local_part() {
    let out = run("Team", "no-reply@accountprotection.club-shop.example");
    assert_eq!(severity(&out, "sender.brand_in_subdomain"), Some(Severity::Danger));
    let out = run("Team", "microsoft.support@shop.example");
    assert_eq!(severity(&out, "sender.brand_in_local_part"), Some(Severity::Danger));
    let out = run("Team", "office@shop.example"); // an ordinary office mailbox
    assert!(!out.has("sender.brand_in_local_part"));
    assert!(!run("Team", "news@mail.shop.example").has("sender.brand_in_subdomain"));
}

#[test]
fn very_long_local_part() {
    let out = run("Team", "Microsoftaccount38562027173222410419646875401-support.no-reply@shop.example");
    assert_eq!(severity(&out, "sender.long_local_part"), Some(Severity::Warning));
    assert!(!run("Team", "support@shop.example").has("sender.long_local_part"));
}

#[test]
fn invisible_characters_in_display_name() {
    let out = run("Micro\u{200B}soft account team", "a@shop.example");
    assert_eq!(severity(&out, "sender.invisible_chars"), Some(Severity::Danger));
    assert!(out.reasons.iter().any(|r| r.evidence.iter().any(|e| e.value.contains("[U+200B]"))));
    let out = run("Team\u{202E}", "a@shop.example");
    assert_eq!(severity(&out, "sender.invisible_chars"), Some(Severity::Warning));
    assert!(!run("Microsoft account team", GENUINE).has("sender.invisible_chars"));
}

#[test]
fn lookalike_display_name() {
    for name in ["Micr0soft account team", "Мicrosoft account", "rnicrosoft team", "Microsfot Security"] {
        let out = run(name, "a@shop.example");
        assert_eq!(severity(&out, "sender.display_name_lookalike"), Some(Severity::Danger), "{name}");
    }
    assert!(!run("Microsoft account team", "a@shop.example").has("sender.display_name_lookalike"));
}

#[test]
fn the_brand_with_a_case_ending_is_no_lookalike() {
    for name in ["Microsofti konto meeskond", "Microsoftin tilitiimi", "Microsofts kontoteam"] {
        let out = run(name, "a@shop.example");
        assert!(!out.has("sender.display_name_lookalike"), "{name}: {:?}", out.reasons);
        assert!(out.has("sender.display_name_impersonation"), "{name}: {:?}", out.reasons);
    }
}

#[test]
fn the_brand_in_other_scripts_names_microsoft() {
    // One list for the claim and the sender rules: the MICROSOFT table.
    for name in
        ["Майкрософт", "Мајкрософт", "مايكروسوفت", "מיקרוסופט", "ไมโครซอฟท์", "माइक्रोसॉफ्ट", "مایکروسافت"]
    {
        let out = run(name, "a@shop.example");
        assert!(out.has("sender.display_name_impersonation"), "{name}: {:?}", out.reasons);
    }
    assert!(!run("Ανδρέας", "a@shop.example").has("sender.display_name_impersonation"));
}

#[test]
fn reply_to_and_return_path_differ() {
    let eml = "From: Microsoft account team <no-reply@shop.example>\r\nReply-To: helpdesk.micros0ft@gmail.com\r\n\
               Return-Path: <bounce@bulk.example>\r\nSubject: Microsoft account security code\r\n\r\nbody\r\n";
    let out = run_raw(eml);
    assert_eq!(severity(&out, "sender.reply_to_differs"), Some(Severity::Warning));
    assert_eq!(severity(&out, "sender.return_path_differs"), Some(Severity::Info));
    let eml = "From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\r\n\
               Return-Path: <bounce@bulk.example>\r\nSubject: code\r\n\r\nbody\r\n";
    assert_eq!(severity(&run_raw(eml), "sender.return_path_differs"), Some(Severity::Warning));
    let eml =
        "From: Team <a@shop.example>\r\nReply-To: b@mail.shop.example\r\nReturn-Path: <a@shop.example>\r\n\
               Subject: x\r\n\r\nbody\r\n";
    let out = run_raw(eml);
    assert!(!out.has("sender.reply_to_differs") && !out.has("sender.return_path_differs"));
}

#[test]
fn address_taken_from_the_raw_from_line_when_the_reader_found_none() {
    let eml = "From: Microsoft account team ,_<no-reply@shop.example>\r\nSubject: x\r\n\r\nbody\r\n";
    let out = run_raw(eml);
    assert!(out.has("sender.not_microsoft_domain"), "{:?}", out.reasons);
    let eml = "From: Team <a@shop.example>\r\nSubject: x\r\n\r\nbody\r\n";
    assert!(run_raw(eml).has("sender.not_microsoft_domain"));
}

#[test]
fn hyphenated_brand_in_domain() {
    let out = run("Microsoft account team", "security-noreply@msaccount-protection.example");
    assert_eq!(severity(&out, "sender.lookalike_domain"), Some(Severity::Danger), "{:?}", out.reasons);
    assert!(!run("Team", "a@account-services.example").has("sender.lookalike_domain"));
}

#[test]
fn unknown_address_is_not_impersonation() {
    // Outlook on the web may show only the display name.
    let out = run("Microsoft account team", "");
    assert!(!out.has("sender.display_name_impersonation"), "{:?}", out.reasons);
    assert_eq!(severity(&out, "sender.address_unknown"), Some(Severity::Info));
    // look-alike letters in the name still count without an address
    assert!(run("Micr0soft account team", "").has("sender.display_name_lookalike"));
    assert!(!run("Microsoft account team", GENUINE).has("sender.address_unknown"));
}

#[test]
fn microsofts_country_mail_domains_are_free_mail_not_lookalikes() {
    let out = run("Microsoft account team", "someone@live.fr");
    assert!(out.has("sender.freemail"));
    assert!(!out.has("sender.lookalike_domain"), "{:?}", out.reasons);
}

#[test]
fn direction_marks_in_right_to_left_names_are_normal_writing() {
    // Hebrew name with a left-to-right mark around the Latin brand: ordinary bidi text.
    let out = run("\u{05E6}\u{05D5}\u{05D5}\u{05EA} \u{200E}Microsoft\u{200E}", GENUINE);
    assert!(!out.has("sender.invisible_chars"), "{:?}", out.reasons);
    // …but an override is never ordinary, even there.
    let out = run("\u{05E6}\u{05D5}\u{05D5}\u{05EA} \u{202E}Microsoft", GENUINE);
    assert!(out.has("sender.invisible_chars"));
    // and a mark in a purely Latin name is a trick
    assert!(run("Micro\u{200E}soft account team", "a@shop.example").has("sender.invisible_chars"));
}

/// Two From headers: the reader and the checks may see different senders.
#[test]
fn several_from_headers_are_dangerous() {
    let one = "From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\r\n";
    let other = "From: Microsoft account team <alerts@account-verify.example>\r\n";
    let rest = "Subject: Microsoft account security code\r\n\r\nSecurity code: 482913\r\n";
    let twice = codeguard::analyze_eml(format!("{one}{other}{rest}").as_bytes()).unwrap();
    assert!(twice.reasons.iter().any(|r| r.id == "sender.several_from"), "{:?}", twice.reasons);
    assert_eq!(twice.level, codeguard::Level::Dangerous);
    let once = codeguard::analyze_eml(format!("{one}{rest}").as_bytes()).unwrap();
    assert!(!once.reasons.iter().any(|r| r.id == "sender.several_from"), "{:?}", once.reasons);
}
