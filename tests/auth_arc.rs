//! Forwarded Microsoft mail and ARC, on fixtures written here: a genuine Microsoft
//! security-code mail auto-forwarded by a university's Microsoft 365 tenant, whose
//! "[EXTERNAL]" banner breaks Microsoft's DKIM, to a Gmail mailbox that reports `arc=pass`.
//! Only a trusted sealer's newest ARC set may stand for the original delivery; a broken
//! signature alone is never "dangerous".

use codeguard::model::{Level, Severity, Verdict};

const BODY: &str = "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>\
<p style=\"background:#fce8b2\">[EXTERNAL] This email originated from outside the University.</p>\
<p>Please use the following security code for the Microsoft account <a href=\"mailto:st*****@uni.example\">st*****@uni.example</a>.</p>\
<p>Security code: 123456</p>\
<p>If you didn't request this code, you can safely ignore this email. Someone else might have typed your email address by mistake.</p>\
<p>Thanks,<br>The Microsoft account team</p>\
<p><a href=\"https://go.microsoft.com/fwlink/?LinkID=281822\">Privacy Statement</a> \
<a href=\"https://account.live.com/SecurityNotifications/Update\">opt out</a></p></body></html>\r\n";

const ORIGINAL: &str = "Received: from accountprotection.microsoft.com (40.107.236.50) by \
SN7PR04MB8567.namprd04.prod.outlook.com; Tue, 3 Mar 2026 10:00:01 +0000\r\n\
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=accountprotection.microsoft.com; s=selector1;\r\n \
h=From:Date:Subject:Message-ID:Content-Type:MIME-Version; bh=b3JpZ2luYWwtYm9keQ==; b=c2lnbmVkLWJ5LW1pY3Jvc29mdA==\r\n\
From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\r\n\
To: student@uni.example\r\nSubject: Microsoft account security code\r\n\
Date: Tue, 3 Mar 2026 10:00:00 +0000\r\nMessage-ID: <CODE.123@accountprotection.microsoft.com>\r\nMIME-Version: 1.0\r\n";

/// What the university's Microsoft 365 saw when Microsoft's mail arrived.
const SEALED_PASS: &str = "mx.microsoft.com 1; spf=pass (sender ip is 40.107.236.50)\r\n \
smtp.rcpttodomain=uni.example smtp.mailfrom=accountprotection.microsoft.com;\r\n \
dmarc=pass (p=reject sp=reject pct=100) action=none header.from=accountprotection.microsoft.com;\r\n \
dkim=pass (signature was verified) header.d=accountprotection.microsoft.com; arc=none";

/// What a hop sees once the banner has broken the body hash.
const SEALED_BROKEN: &str = "mx.google.com; dkim=fail header.i=@accountprotection.microsoft.com header.s=selector1;\r\n \
spf=pass smtp.mailfrom=student@uni.example; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=accountprotection.microsoft.com";

/// Gmail's topmost result for the forward: DKIM broken by the banner, the chain verified.
fn gmail(arc: &str, dmarc: &str) -> String {
    format!(
        "Authentication-Results: mx.google.com;\r\n       dkim=fail header.i=@accountprotection.microsoft.com header.s=selector1 header.b=Qx1f2Ab;\r\n       \
arc={arc} (i=1 spf=pass spfdomain=accountprotection.microsoft.com dkim=pass dkdomain=accountprotection.microsoft.com dmarc=pass fromdomain=accountprotection.microsoft.com);\r\n       \
spf=pass (google.com: domain of student+caf_=me=gmail.com@uni.example designates 40.107.243.50 as permitted sender) smtp.mailfrom=\"student+caf_=me=gmail.com@uni.example\"{dmarc}\r\n\
Received: from NAM12-DM6-obe.outbound.protection.outlook.com (mail-dm6nam12on2050.outbound.protection.outlook.com [40.107.243.50]) by mx.google.com\r\n"
    )
}

fn arc_set(i: u32, sealer: &str, cv: &str, results: &str) -> String {
    format!(
        "ARC-Seal: i={i}; a=rsa-sha256; t=1772532001; cv={cv};\r\n        d={sealer}; s=arcselector10001;\r\n        b=c2VhbGVkLWJ5LXRoZS1mb3J3YXJkZXI=\r\n\
ARC-Message-Signature: i={i}; a=rsa-sha256; c=relaxed/relaxed; d={sealer}; s=arcselector10001;\r\n        \
h=From:Date:Subject:Message-ID; bh=YmFubmVyLWFkZGVk; b=bWVzc2FnZS1zaWduZWQ=\r\n\
ARC-Authentication-Results: i={i}; {results}\r\n"
    )
}

/// The forward as it reached the mailbox: the receiver's result, the ARC sets newest
/// first, then Microsoft's original headers and the bannered body.
fn forwarded(top: &str, sets: &[String], body: &str) -> Verdict {
    let eml = format!("{top}{}{ORIGINAL}{body}", sets.concat());
    codeguard::analyze_eml(eml.as_bytes()).expect("fixture parses")
}

fn ids(v: &Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.id.as_str()).collect()
}

fn severity(v: &Verdict, id: &str) -> Option<Severity> {
    v.reasons.iter().find(|r| r.id == id).map(|r| r.severity)
}

fn university() -> Vec<String> {
    vec![arc_set(1, "microsoft.com", "none", SEALED_PASS)]
}

#[test]
fn forwarded_genuine_mail_with_a_trusted_seal_is_genuine() {
    let v = forwarded(&gmail("pass", ""), &university(), BODY);
    assert_eq!(v.level, Level::Genuine, "{:?}", ids(&v));
    assert!(!ids(&v).contains(&"auth.failed"), "{:?}", ids(&v));
    let good = v.reasons.iter().find(|r| r.id == "auth.microsoft_verified").expect("verified");
    assert!(good.message.contains("Microsoft sealed"), "{}", good.message);
    let at = |location: &str| good.evidence.iter().find(|e| e.location == location).map(|e| e.value.as_str());
    assert!(at("Authentication-Results (topmost)").is_some_and(|v| v.contains("arc=pass")));
    assert_eq!(at("ARC-Seal (newest)"), Some("i=1; d=microsoft.com; cv=none"));
    assert_eq!(
        at("ARC-Authentication-Results (newest)"),
        Some(
            "i=1; mx.microsoft.com 1; dmarc=pass (p=reject sp=reject pct=100) action=none \
             header.from=accountprotection.microsoft.com; dkim=pass (signature was verified) \
             header.d=accountprotection.microsoft.com"
        )
    );
    assert_eq!(at("DKIM-Signature"), Some("d=accountprotection.microsoft.com"));
}

/// Forwarding breaks DMARC too (the forwarder's SPF, the banner's DKIM): ARC exists to
/// override exactly that, so a trusted seal stands over a topmost DMARC failure.
#[test]
fn a_trusted_seal_stands_over_the_dmarc_failure_forwarding_causes() {
    let dmarc =
        ";\r\n       dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=accountprotection.microsoft.com";
    let v = forwarded(&gmail("pass", dmarc), &university(), BODY);
    assert_eq!(v.level, Level::Genuine, "{:?}", ids(&v));
    // Without a trusted seal the same failure is the receiver's word that the From is forged.
    let untrusted = vec![arc_set(1, "relay.uni.example", "none", SEALED_PASS)];
    let v = forwarded(&gmail("pass", dmarc), &untrusted, BODY);
    assert_eq!(v.level, Level::Dangerous, "{:?}", ids(&v));
}

#[test]
fn an_untrusted_sealer_proves_nothing_and_is_not_dangerous() {
    for sealer in ["relay.uni.example", "zohomail.com", "microsoft.com.evil.example", "evilmicrosoft.com"] {
        let v = forwarded(&gmail("pass", ""), &[arc_set(1, sealer, "none", SEALED_PASS)], BODY);
        assert_eq!(v.level, Level::Unverified, "{sealer}: {:?}", ids(&v));
        assert_eq!(severity(&v, "auth.signature_broken"), Some(Severity::Info), "{sealer}");
        assert!(!ids(&v).contains(&"auth.microsoft_verified"), "{sealer}");
    }
}

#[test]
fn the_receiver_must_say_arc_pass() {
    for arc in ["fail", "none", "neutral"] {
        let v = forwarded(&gmail(arc, ""), &university(), BODY);
        assert_eq!(v.level, Level::Unverified, "arc={arc}: {:?}", ids(&v));
        assert!(ids(&v).contains(&"auth.signature_broken"));
    }
    // No ARC result at all in the topmost header.
    let top = gmail("pass", "").replace("arc=pass", "x-arc=pass");
    assert_eq!(forwarded(&top, &university(), BODY).level, Level::Unverified);
    // arc=pass written by anyone but a known receiver is a hand-made header.
    let top = gmail("pass", "").replace("mx.google.com;", "mx.evil.example;");
    let v = forwarded(&top, &university(), BODY);
    assert_eq!(v.level, Level::Unverified, "{:?}", ids(&v));
    assert!(ids(&v).contains(&"auth.unknown_receiver"));
}

#[test]
fn sealed_results_for_another_domain_are_not_microsofts() {
    let other = SEALED_PASS
        .replace("header.from=accountprotection.microsoft.com", "header.from=uni.example")
        .replace("header.d=accountprotection.microsoft.com", "header.d=uni.example");
    let v = forwarded(&gmail("pass", ""), &[arc_set(1, "microsoft.com", "none", &other)], BODY);
    assert_eq!(v.level, Level::Unverified, "{:?}", ids(&v));
    assert!(!ids(&v).contains(&"auth.microsoft_verified"));
}

/// Only the newest set (highest `i=`, wherever it sits in the source) speaks for the
/// last hop; a pass written into a lower set is never read.
#[test]
fn a_pass_in_a_lower_set_does_not_count() {
    let newest_broken = arc_set(2, "google.com", "pass", SEALED_BROKEN);
    let lower_pass = arc_set(1, "microsoft.com", "none", SEALED_PASS);
    for sets in [vec![newest_broken.clone(), lower_pass.clone()], vec![lower_pass, newest_broken]] {
        let v = forwarded(&gmail("pass", ""), &sets, BODY);
        assert_eq!(v.level, Level::Unverified, "{:?}", ids(&v));
        assert!(!ids(&v).contains(&"auth.microsoft_verified"));
    }
    // The same two hops with the newest one recording the pass: genuine.
    let sets =
        [arc_set(2, "google.com", "pass", SEALED_PASS), arc_set(1, "microsoft.com", "none", SEALED_BROKEN)];
    let v = forwarded(&gmail("pass", ""), &sets, BODY);
    assert_eq!(v.level, Level::Genuine, "{:?}", ids(&v));
    let good = v.reasons.iter().find(|r| r.id == "auth.microsoft_verified").expect("verified");
    assert_eq!(
        good.evidence.iter().find(|e| e.location == "ARC-Seal (newest)").map(|e| e.value.as_str()),
        Some("i=2; d=google.com; cv=pass")
    );
}

/// An unknown hop anywhere in the chain spoils it: its results can flow into a later
/// sealer's verdict.
#[test]
fn every_sealer_in_the_chain_must_be_trusted() {
    let sets =
        [arc_set(2, "google.com", "pass", SEALED_PASS), arc_set(1, "relay.uni.example", "none", SEALED_PASS)];
    let v = forwarded(&gmail("pass", ""), &sets, BODY);
    assert_eq!(v.level, Level::Unverified, "{:?}", ids(&v));
}

#[test]
fn a_broken_or_misnumbered_chain_does_not_count() {
    let chains = [
        // The newest seal says the chain before it failed.
        vec![arc_set(2, "google.com", "fail", SEALED_PASS), arc_set(1, "microsoft.com", "none", SEALED_PASS)],
        // A newest seal above i=1 that claims there was no chain.
        vec![arc_set(2, "google.com", "none", SEALED_PASS), arc_set(1, "microsoft.com", "none", SEALED_PASS)],
        // The first seal claiming a chain before it.
        vec![arc_set(1, "microsoft.com", "pass", SEALED_PASS)],
        // A gap: i=1 and i=3.
        vec![arc_set(3, "google.com", "pass", SEALED_PASS), arc_set(1, "microsoft.com", "none", SEALED_PASS)],
        // Two sets with the same instance.
        vec![arc_set(1, "microsoft.com", "none", SEALED_PASS), arc_set(1, "google.com", "none", SEALED_PASS)],
        // Out of range and unreadable instances.
        vec![arc_set(0, "microsoft.com", "none", SEALED_PASS)],
        vec![arc_set(51, "microsoft.com", "pass", SEALED_PASS)],
        vec![arc_set(1, "microsoft.com", "none", SEALED_PASS).replacen("i=1;", "i=one;", 1)],
    ];
    for sets in chains {
        let v = forwarded(&gmail("pass", ""), &sets, BODY);
        assert_eq!(v.level, Level::Unverified, "{:?} for {:?}", ids(&v), sets);
    }
    // A seal without its results.
    let seal_only: String = university()[0].lines().take(3).map(|l| format!("{l}\r\n")).collect();
    assert_eq!(forwarded(&gmail("pass", ""), &[seal_only], BODY).level, Level::Unverified);
}

/// compauth=fail is Microsoft's final verdict, already weighing ARC: no seal overrules it.
#[test]
fn compauth_fail_overrules_a_seal() {
    let top = gmail("pass", ";\r\n       compauth=fail reason=000");
    let v = forwarded(&top, &university(), BODY);
    assert_eq!(v.level, Level::Dangerous, "{:?}", ids(&v));
}

#[test]
fn dkim_and_dmarc_failing_for_a_microsoft_from_is_still_dangerous() {
    let top = gmail("none", ";\r\n       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=accountprotection.microsoft.com");
    let v = forwarded(&top, &[], BODY);
    assert_eq!(v.level, Level::Dangerous, "{:?}", ids(&v));
    assert_eq!(severity(&v, "auth.failed"), Some(Severity::Danger));
}

#[test]
fn a_broken_dkim_signature_alone_is_not_dangerous() {
    let v = forwarded(&gmail("none", ""), &[], BODY);
    assert_eq!(v.level, Level::Unverified, "{:?}", ids(&v));
    assert!(!ids(&v).contains(&"auth.failed"));
    let broken = v.reasons.iter().find(|r| r.id == "auth.signature_broken").expect("broken reason");
    assert_eq!(broken.severity, Severity::Info);
    assert!(broken.message.contains("broken on the way"), "{}", broken.message);
}

/// ARC proves where the mail came from, not that the forwarder added nothing: a link
/// slipped in on the way is still judged.
#[test]
fn a_trusted_seal_does_not_vouch_for_what_the_forwarder_added() {
    let body = BODY.replace(
        "<p>Security code: 123456</p>",
        "<p>Security code: 123456</p><p><a href=\"https://micros0ft-account-verify.example/login\">Verify your account</a></p>",
    );
    let v = forwarded(&gmail("pass", ""), &university(), &body);
    assert!(matches!(v.level, Level::Suspicious | Level::Dangerous), "{:?}", ids(&v));
    assert!(ids(&v).contains(&"auth.microsoft_verified"), "the seal is still shown: {:?}", ids(&v));
}
