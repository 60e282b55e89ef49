//! The whole path on fixtures written here: only authentication proof in the raw
//! source makes a Microsoft code mail "genuine", and a forged lower header never does.

use codeguard::model::Level;

const BODY: &str = "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>\
<p>Please use the following security code for the Microsoft account <a href=\"mailto:ja**a@outlook.com\">ja**a@outlook.com</a>.</p>\
<p>Security code: 482913</p>\
<p>If you didn't request this code, you can safely ignore this email. Someone else might have typed your email address by mistake.</p>\
<p>Thanks,<br>The Microsoft account team</p>\
<p><a href=\"http://go.microsoft.com/fwlink/?LinkID=281822\">Privacy Statement</a> \
<a href=\"https://account.live.com/SecurityNotifications/Update\">opt out</a></p></body></html>\r\n";

const HEAD: &str = "From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\r\n\
To: someone@outlook.com\r\nSubject: Microsoft account security code\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n\
MIME-Version: 1.0\r\nReturn-Path: account-security-noreply@accountprotection.microsoft.com\r\n";

const DKIM: &str = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=accountprotection.microsoft.com; s=selector1; h=From:Date; bh=x; b=y\r\n";

const PASS: &str = "Authentication-Results: spf=pass (sender IP is 192.0.2.10) smtp.mailfrom=accountprotection.microsoft.com; \
dkim=pass (signature was verified) header.d=accountprotection.microsoft.com;dmarc=pass action=none header.from=accountprotection.microsoft.com;compauth=pass reason=100\r\n";

const FAIL: &str = "Authentication-Results: spf=fail (sender IP is 198.51.100.7) smtp.mailfrom=accountprotection.microsoft.com; \
dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=accountprotection.microsoft.com;compauth=fail reason=000\r\n";

fn level(eml: &str) -> (Level, Vec<String>) {
    let v = codeguard::analyze_eml(eml.as_bytes()).expect("fixture parses");
    (v.level, v.reasons.iter().map(|r| r.id.clone()).collect())
}

#[test]
fn authenticated_genuine_mail_is_genuine() {
    let (lvl, ids) = level(&format!("Received: from edge by mx\r\n{PASS}{DKIM}{HEAD}{BODY}"));
    assert_eq!(lvl, Level::Genuine, "{ids:?}");
    assert!(ids.contains(&"auth.microsoft_verified".to_string()));
}

#[test]
fn the_same_mail_without_proof_is_only_unverified() {
    let (lvl, ids) = level(&format!("{DKIM}{HEAD}{BODY}"));
    assert_eq!(lvl, Level::Unverified, "{ids:?}");
}

#[test]
fn a_forged_pass_below_the_receivers_fail_is_dangerous() {
    let (lvl, ids) = level(&format!("{FAIL}Received: from attacker\r\n{PASS}{DKIM}{HEAD}{BODY}"));
    assert_eq!(lvl, Level::Dangerous, "{ids:?}");
    assert!(ids.contains(&"auth.failed".to_string()));
}

/// Microsoft's own notices can carry a deadline; proven ones stay genuine, unproven ones do not.
#[test]
fn a_deadline_in_authenticated_microsoft_mail_does_not_cast_doubt() {
    let body = BODY.replace(
        "Security code: 482913",
        "Security code: 482913. Sign in within 48 hours or your account will be closed.",
    );
    let (lvl, ids) = level(&format!("Received: from edge by mx\r\n{PASS}{DKIM}{HEAD}{body}"));
    assert_eq!(lvl, Level::Genuine, "{ids:?}");
    assert!(ids.contains(&"content.urgency".to_string()), "the deadline is still shown: {ids:?}");
    let (lvl, ids) = level(&format!("{DKIM}{HEAD}{body}"));
    assert_eq!(lvl, Level::Suspicious, "{ids:?}");
}

/// A pass written by anyone but a known receiving provider proves nothing.
#[test]
fn a_self_written_pass_on_top_is_not_proof() {
    let forged = PASS.replace("Authentication-Results: ", "Authentication-Results: evil.example; ");
    let (lvl, ids) = level(&format!("{forged}{DKIM}{HEAD}{BODY}"));
    assert_eq!(lvl, Level::Unverified, "{ids:?}");
    assert!(ids.contains(&"auth.unknown_receiver".to_string()), "{ids:?}");
    let gmail = PASS.replace("Authentication-Results: ", "Authentication-Results: mx.google.com; ");
    let (lvl, ids) = level(&format!("{gmail}{DKIM}{HEAD}{BODY}"));
    assert_eq!(lvl, Level::Genuine, "{ids:?}");
}
