//! Authentication rules (raw source): fixtures written here, modelled on the header
//! layouts Outlook.com and Gmail use.

use codeguard::claim::ClaimFacts;
use codeguard::findings::{Context, Findings};
use codeguard::model::{Claim, Severity};
use codeguard::raw;
use codeguard::rules::auth::{self, Outcome};

fn run(eml: &str) -> Findings {
    let (input, facts) = raw::read(eml.as_bytes()).expect("fixture parses");
    let claim = ClaimFacts { kind: Claim::SecurityCode, ..ClaimFacts::none() };
    let ctx = Context {
        input: &input,
        raw: Some(&facts),
        claim: &claim,
        fields: &codeguard::claim::Fields::new(&input),
    };
    let mut out = Findings::default();
    auth::check(&ctx, &mut out);
    out
}

fn severity(out: &Findings, id: &str) -> Option<Severity> {
    out.reasons.iter().find(|r| r.id == id).map(|r| r.severity)
}

const MS_FROM: &str =
    "From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\r\n";
const DKIM_MS: &str = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n d=accountprotection.microsoft.com; s=selector1; h=From:Date; bh=x; b=y\r\n";
const TAIL: &str =
    "Subject: Microsoft account security code\r\nTo: someone@outlook.com\r\n\r\nSecurity code: 123456\r\n";

/// Outlook.com style: no server id, the receiver's header topmost.
fn outlook_ar(spf: &str, dkim: &str, dmarc: &str, from_dom: &str) -> String {
    format!(
        "Authentication-Results: spf={spf} (sender IP is 192.0.2.1)\r\n smtp.mailfrom={from_dom}; dkim={dkim} (signature was\r\n verified) header.d={from_dom};dmarc={dmarc} action=none\r\n header.from={from_dom};compauth=pass reason=100\r\n"
    )
}

#[test]
fn topmost_pass_for_a_microsoft_sender_is_the_good_reason() {
    let eml = format!(
        "Received: from mx by inbound\r\n{}{DKIM_MS}{MS_FROM}{TAIL}",
        outlook_ar("pass", "pass", "pass", "accountprotection.microsoft.com")
    );
    let out = run(&eml);
    assert_eq!(severity(&out, "auth.microsoft_verified"), Some(Severity::Good), "{:?}", out.reasons);
    assert!(out.worst() == Some(Severity::Good));
}

#[test]
fn gmail_style_header_with_header_i() {
    let eml = format!(
        "Authentication-Results: mx.google.com;\r\n dkim=pass header.i=@accountprotection.microsoft.com header.s=selector1 header.b=abc;\r\n spf=pass (google.com: domain of x designates 192.0.2.1 as permitted sender) smtp.mailfrom=account-security-noreply@accountprotection.microsoft.com;\r\n dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=accountprotection.microsoft.com\r\n{DKIM_MS}{MS_FROM}{TAIL}"
    );
    assert!(run(&eml).has("auth.microsoft_verified"));
}

#[test]
fn a_forged_lower_header_does_not_count() {
    // The receiver says fail on top; the sender's own "pass" below is ignored.
    let eml = format!(
        "{}Received: from attacker\r\n{}{MS_FROM}{TAIL}",
        outlook_ar("none", "none", "fail", "microsoft.com").replace("action=none", "action=oreject"),
        outlook_ar("pass", "pass", "pass", "accountprotection.microsoft.com"),
    );
    let out = run(&eml);
    assert!(!out.has("auth.microsoft_verified"));
    assert_eq!(severity(&out, "auth.failed"), Some(Severity::Danger));
}

#[test]
fn arc_results_alone_are_not_proof() {
    let eml = format!(
        "ARC-Authentication-Results: i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=accountprotection.microsoft.com; dmarc=pass header.from=accountprotection.microsoft.com; dkim=pass header.d=accountprotection.microsoft.com\r\n{DKIM_MS}{MS_FROM}{TAIL}"
    );
    let out = run(&eml);
    assert!(!out.has("auth.microsoft_verified"));
    assert_eq!(severity(&out, "auth.missing"), Some(Severity::Info));
    assert!(out.has("auth.arc_only"));
}

#[test]
fn failing_results_for_a_microsoft_from_are_danger() {
    let eml = format!(
        "{}{MS_FROM}{TAIL}",
        outlook_ar("softfail", "none", "fail", "accountprotection.microsoft.com")
    );
    assert_eq!(severity(&run(&eml), "auth.failed"), Some(Severity::Danger));
    let eml = format!(
        "{}{DKIM_MS}{MS_FROM}{TAIL}",
        outlook_ar("pass", "pass", "pass", "accountprotection.microsoft.com")
    );
    assert!(!run(&eml).has("auth.failed"));
}

#[test]
fn dkim_pass_needs_alignment_and_a_signature() {
    let results = auth::parse_results(
        "spf=none; dkim=pass header.d=other.example; dmarc=none header.from=microsoft.com",
    );
    assert_eq!(auth::outcome(&results, "microsoft.com", &["other.example".to_string()]), Outcome::Unproven);
    let results = auth::parse_results("dkim=pass header.d=accountprotection.microsoft.com");
    assert_eq!(auth::outcome(&results, "accountprotection.microsoft.com", &[]), Outcome::Unproven);
    assert_eq!(
        auth::outcome(
            &results,
            "accountprotection.microsoft.com",
            &["accountprotection.microsoft.com".to_string()]
        ),
        Outcome::Pass
    );
}

#[test]
fn pass_for_another_domain_proves_nothing_about_microsoft() {
    let eml = format!(
        "{}From: Microsoft account team <no-reply@shop.example>\r\nDKIM-Signature: v=1; d=shop.example; s=s\r\n{TAIL}",
        outlook_ar("pass", "pass", "pass", "shop.example")
    );
    let out = run(&eml);
    assert!(!out.has("auth.microsoft_verified"));
    assert_eq!(severity(&out, "auth.verified_not_microsoft"), Some(Severity::Info));
}

#[test]
fn missing_results_are_info() {
    let out = run(&format!("{MS_FROM}{TAIL}"));
    assert_eq!(severity(&out, "auth.missing"), Some(Severity::Info));
    assert!(!run(&format!("From: a@shop.example\r\n{TAIL}")).has("auth.missing"));
}

#[test]
fn sender_header_trick() {
    let eml = format!(
        "Sender: account-security-noreply@accountprotection.microsoft.com\r\nFrom: Microsoft <it@contoso.onmicrosoft.com>\r\n{TAIL}"
    );
    assert_eq!(severity(&run(&eml), "auth.sender_header_mismatch"), Some(Severity::Danger));
    let eml = format!("Sender: list-bounces@lists.example\r\nFrom: a@shop.example\r\n{TAIL}");
    assert!(!run(&eml).has("auth.sender_header_mismatch"));
}

#[test]
fn parser_survives_odd_headers() {
    for value in [
        "",
        ";;;",
        "(((",
        "dkim",
        "=pass",
        "dkim=pass header.d=",
        "x; dmarc=pass (unclosed header.from=a.com",
    ] {
        let _ = auth::parse_results(value);
    }
    let r = auth::parse_results(
        "mx.google.com; dkim=pass (good (nested) comment) header.d=a.com; spf=fail smtp.mailfrom=b@c.com",
    );
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].domain().as_deref(), Some("a.com"));
    assert_eq!(r[1].domain().as_deref(), Some("c.com"));
}

/// The module doc's table: only DMARC, compauth or an SPF failure with no signature at
/// all says "forged"; a DKIM failure alone is a signature broken on the way.
#[test]
fn what_each_failure_means() {
    let ms = "accountprotection.microsoft.com";
    let signed = [ms.to_string()];
    let judge = |header: &str| auth::outcome(&auth::parse_results(header), ms, &signed);
    let dkim_fail = format!("dkim=fail header.d={ms}");
    assert_eq!(judge(&dkim_fail), Outcome::Broken);
    assert_eq!(judge(&format!("{dkim_fail}; dmarc=none header.from={ms}")), Outcome::Broken);
    assert_eq!(judge(&format!("{dkim_fail}; dmarc=fail header.from={ms}")), Outcome::Fail);
    assert_eq!(judge(&format!("{dkim_fail}; compauth=fail reason=000")), Outcome::Fail);
    assert_eq!(judge(&format!("{dkim_fail}; spf=softfail smtp.mailfrom={ms}")), Outcome::Fail);
    // A forwarder that re-signs leaves a pass of its own: the SPF failure is the forwarding.
    assert_eq!(
        judge(&format!("{dkim_fail}; dkim=pass header.d=uni.example; spf=fail smtp.mailfrom={ms}")),
        Outcome::Broken
    );
    assert_eq!(judge(&format!("spf=fail smtp.mailfrom={ms}")), Outcome::Fail);
    // Another domain's broken signature says nothing about this one.
    assert_eq!(judge("dkim=fail header.d=uni.example"), Outcome::Unproven);
    assert_eq!(judge(&format!("{dkim_fail}; dkim=pass header.d={ms}")), Outcome::Pass);
}

#[test]
fn a_broken_microsoft_signature_is_information() {
    let eml = format!(
        "Authentication-Results: mx.google.com; dkim=fail header.i=@accountprotection.microsoft.com\r\n{DKIM_MS}{MS_FROM}{TAIL}"
    );
    let out = run(&eml);
    assert_eq!(severity(&out, "auth.signature_broken"), Some(Severity::Info), "{:?}", out.reasons);
    assert!(!out.has("auth.failed") && !out.has("auth.unproven"));
}
