//! Content rules, each with a positive and a negative fixture written here. The base is a
//! Microsoft-looking code mail from Microsoft's real sender address, so only the content
//! differs between the two.

use codeguard::{analyze, analyze_eml, Level, MessageInput, Severity, Verdict};

const MS: &str = "account-security-noreply@accountprotection.microsoft.com";
const GENUINE_BODY: &str = "Please use the following security code for the Microsoft account ja**a@outlook.com.\n\
    Security code: 482913\n\
    If you didn't request this code, you can safely ignore this email. Someone else might have typed your \
    email address by mistake.\nOnly enter this code on an official website or app. Don't share it with anyone.\n\
    Thanks,\nThe Microsoft account team";

fn mail(subject: &str, body: &str) -> MessageInput {
    MessageInput {
        sender_name: "Microsoft account team".into(),
        sender_address: MS.into(),
        subject: subject.into(),
        body_text: body.into(),
        ..MessageInput::default()
    }
}

fn code_mail(extra: &str) -> MessageInput {
    mail("Microsoft account security code", &format!("{GENUINE_BODY}\n{extra}"))
}

fn reason<'a>(v: &'a Verdict, id: &str) -> Option<&'a codeguard::Reason> {
    v.reasons.iter().find(|r| r.id == id)
}

fn has(v: &Verdict, id: &str) -> bool {
    reason(v, id).is_some()
}

#[test]
fn genuine_wording_raises_no_content_warning() {
    let v = analyze(&code_mail(""));
    let bad: Vec<_> = v
        .reasons
        .iter()
        .filter(|r| r.id.starts_with("content.") && r.severity >= Severity::Warning)
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(v.level, Level::Unverified, "no raw source: the best is unverified");
    assert!(has(&v, "content.microsoft_claim"), "the claim's words are shown");
}

mod asks_for_code {
    use super::*;

    #[test]
    fn reply_with_the_code_is_dangerous() {
        let v = analyze(&code_mail("To confirm it is you, reply with the code to this message."));
        let r = reason(&v, "content.asks_for_code").expect("reason");
        assert_eq!(r.severity, Severity::Danger);
        assert_eq!(r.evidence[0].value, "reply with the code");
        assert_eq!(v.level, Level::Dangerous);
    }

    #[test]
    fn japanese_ask_is_found() {
        let v = analyze(&mail(
            "Microsoft アカウントのセキュリティ コード",
            "セキュリティ コード: 123456 このコードを返信してください。",
        ));
        // "コードを返信" inside "このコードを返信".
        assert!(has(&v, "content.asks_for_code"), "{:?}", v.reasons);
    }

    #[test]
    fn never_share_is_not_an_ask() {
        let v =
            analyze(&code_mail("Never share the code with anyone. We will not ask you to send the code."));
        assert!(!has(&v, "content.asks_for_code"), "{:?}", v.reasons);
    }
}

mod asks_for_password {
    use super::*;

    #[test]
    fn confirm_your_password_is_dangerous() {
        let v = analyze(&code_mail("Please confirm your password by replying to this email."));
        assert_eq!(reason(&v, "content.asks_for_password").map(|r| r.severity), Some(Severity::Danger));
    }

    #[test]
    fn portuguese_email_and_password() {
        let v = analyze(&mail(
            "Acesso indevido",
            "Sua conta Microsoft foi acessada a partir de um novo dispositivo. Entre com seu e-mail e senha para verificar.",
        ));
        assert!(has(&v, "content.asks_for_password"), "{:?}", v.reasons);
    }

    #[test]
    fn we_never_ask_for_your_password_is_fine() {
        let v = analyze(&code_mail("Microsoft will never ask you to confirm your password by email."));
        assert!(!has(&v, "content.asks_for_password"), "{:?}", v.reasons);
    }
}

mod call_phone {
    use super::*;

    #[test]
    fn call_this_number_is_dangerous() {
        let v = analyze(&code_mail("If this wasn't you, call our support team at +1 (888) 555-0199 now."));
        let r = reason(&v, "content.call_phone").expect("reason");
        assert_eq!(r.severity, Severity::Danger);
        assert_eq!(r.evidence[0].value, "+1 (888) 555-0199");
    }

    #[test]
    fn german_call_request() {
        let v = analyze(&code_mail("Bitte rufen Sie uns sofort an: 0800 123 4567"));
        assert!(has(&v, "content.call_phone"), "{:?}", v.reasons);
    }

    #[test]
    fn dates_ips_and_codes_are_not_phone_numbers() {
        let v = analyze(&mail(
            "Microsoft account unusual sign-in activity",
            "We detected something unusual about a recent sign-in to the Microsoft account ja**a@outlook.com.\n\
             Sign-in details Country/region: Japan IP address: 103.225.77.255 Date: 2025-10-15 20:38:44 \
             Platform: Windows Browser: Edge. Please contact us by reviewing recent activity.",
        ));
        assert!(!has(&v, "content.call_phone"), "{:?}", v.reasons);
    }
}

mod device_code {
    use super::*;

    #[test]
    fn devicelogin_with_code_is_dangerous() {
        let v = analyze(&mail(
            "Shared document",
            "Go to https://microsoft.com/devicelogin and enter the code GH7K2LMQP to open the document.",
        ));
        let r = reason(&v, "content.device_code_lure").expect("reason");
        assert_eq!(r.severity, Severity::Danger);
        assert!(r.evidence.iter().any(|e| e.value.contains("microsoft.com/devicelogin")));
        assert_eq!(v.code.as_deref(), Some("GH7K2LMQP"));
    }

    #[test]
    fn ordinary_code_mail_is_no_device_lure() {
        assert!(!has(&analyze(&code_mail("")), "content.device_code_lure"));
    }
}

mod urgency {
    use super::*;

    #[test]
    fn threats_make_it_suspicious() {
        let v = analyze(&code_mail("Your account will be suspended within 24 hours."));
        let r = reason(&v, "content.urgency").expect("reason");
        assert_eq!(r.severity, Severity::Warning);
        assert!(v.level >= Level::Suspicious);
    }

    #[test]
    fn french_and_japanese_threats() {
        let v = analyze(&mail(
            "Code de sécurité du compte Microsoft",
            "Votre compte sera suspendu dans les 24 heures.",
        ));
        assert!(has(&v, "content.urgency"));
        let v = analyze(&mail(
            "Microsoft アカウントのセキュリティ コード",
            "24 時間以内に確認しないとアカウントが停止されます。",
        ));
        assert!(has(&v, "content.urgency"));
    }

    #[test]
    fn safely_ignore_is_not_urgent() {
        assert!(!has(&analyze(&code_mail("")), "content.urgency"));
    }
}

mod risky_attachment {
    use super::*;

    #[test]
    fn html_svg_and_archives_are_dangerous() {
        for name in ["Payment.html", "scan.SVG", "invoice.pdf.htm", "docs.zip", "disk.iso", "a.7z"] {
            let mut input = code_mail("");
            input.attachments = vec![name.into()];
            let v = analyze(&input);
            let r = reason(&v, "content.risky_attachment").unwrap_or_else(|| panic!("{name}"));
            assert_eq!(r.severity, Severity::Danger);
            assert_eq!(r.evidence[0].value, name);
        }
    }

    #[test]
    fn images_and_pdfs_are_not_flagged_here() {
        let mut input = code_mail("");
        input.attachments = vec!["logo.png".into(), "terms.pdf".into(), "noextension".into()];
        assert!(!has(&analyze(&input), "content.risky_attachment"));
    }
}

mod hidden_microsoft_text {
    use super::*;

    fn eml(html: &str) -> Vec<u8> {
        format!(
            "From: Microsoft account team <{MS}>\r\nTo: a@example.test\r\nSubject: Microsoft account security code\r\n\
             MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn hidden_copy_of_microsoft_wording_is_flagged() {
        let html = "<p>Security code: 482913</p><div style=\"display:none\">Please use the following security code \
                    for the Microsoft account</div><span style=\"font-size:0px\">The Microsoft account team</span>";
        let v = analyze_eml(&eml(html)).expect("reads");
        let r = reason(&v, "content.hidden_microsoft_text").expect("reason");
        assert!(r.severity >= Severity::Warning);
        assert_eq!(r.evidence[0].location, "hidden text");
    }

    #[test]
    fn preheader_repeating_the_visible_text_is_not() {
        let html = "<div style=\"display:none\">Microsoft account security code</div>\
                    <p>Microsoft account security code</p><p>Security code: 482913</p>";
        let v = analyze_eml(&eml(html)).expect("reads");
        assert!(!has(&v, "content.hidden_microsoft_text"), "{:?}", v.reasons);
    }

    #[test]
    fn hidden_unrelated_text_is_not() {
        let html = "<p>Security code: 482913</p><div style=\"display:none\">lorem ipsum dolor sit amet</div>";
        let v = analyze_eml(&eml(html)).expect("reads");
        assert!(!has(&v, "content.hidden_microsoft_text"), "{:?}", v.reasons);
    }
}

mod code_format {
    use super::*;

    fn with_code(code: &str) -> Verdict {
        analyze(&mail("Microsoft account security code", &format!("Security code: {code}")))
    }

    #[test]
    fn four_digits_and_letters_are_not_microsofts() {
        for code in ["4821", "A1B2C3"] {
            let v = with_code(code);
            assert_eq!(
                reason(&v, "content.code_format").map(|r| r.severity),
                Some(Severity::Warning),
                "{code}"
            );
        }
    }

    #[test]
    fn eight_digits_outside_entra_is_noted() {
        assert_eq!(
            reason(&with_code("12345678"), "content.code_format").map(|r| r.severity),
            Some(Severity::Info)
        );
    }

    #[test]
    fn six_and_seven_digits_are_fine() {
        assert!(!has(&with_code("482913"), "content.code_format"));
        assert!(!has(&with_code("4829130"), "content.code_format"));
    }

    #[test]
    fn eight_digits_in_entra_context_are_fine() {
        let mut input = mail("Contoso account email verification code", "Verification code: 12345678");
        input.sender_name = "Microsoft on behalf of Contoso".into();
        input.sender_address = "msonlineservicesteam@microsoftonline.com".into();
        assert!(!has(&analyze(&input), "content.code_format"));
    }
}

mod tenant_name_scam {
    use super::*;
    use codeguard::rules::content::tenant_scam_sign;

    fn entra(tenant: &str) -> MessageInput {
        MessageInput {
            sender_name: format!("Microsoft on behalf of {tenant}"),
            sender_address: "msonlineservicesteam@microsoftonline.com".into(),
            subject: format!("{tenant} account email verification code"),
            body_text:
                "Please use the following code to verify your email address. Verification code: 12345678"
                    .into(),
            ..MessageInput::default()
        }
    }

    #[test]
    fn scam_tenant_names_are_dangerous() {
        for tenant in [
            "PayPal Bitcoin Purchase Call +1 888 555 0199",
            "Geek Squad Renewal",
            "Invoice 499.99 USD",
            "Refund Desk 18885550199",
            "PayPaI Billing",
        ] {
            let v = analyze(&entra(tenant));
            let r =
                reason(&v, "content.tenant_name_scam").unwrap_or_else(|| panic!("{tenant}: {:?}", v.reasons));
            assert_eq!(r.severity, Severity::Danger);
            assert_eq!(v.level, Level::Dangerous, "{tenant}");
        }
    }

    #[test]
    fn ordinary_tenant_names_are_fine() {
        for tenant in
            ["Contoso", "Fabrikam Ltd", "Universität Wien", "Northwind Traders 2", "Contoso IT Support"]
        {
            assert!(!has(&analyze(&entra(tenant)), "content.tenant_name_scam"), "{tenant}");
            assert_eq!(tenant_scam_sign(tenant), None, "{tenant}");
        }
    }

    #[test]
    fn evidence_quotes_the_tenant_name() {
        let v = analyze(&entra("PayPaI Billing"));
        let r = reason(&v, "content.tenant_name_scam").expect("reason");
        let values: Vec<&str> = r.evidence.iter().map(|e| e.value.as_str()).collect();
        assert!(values.contains(&"PayPaI Billing (look-alike letters)"), "{values:?}");
    }

    #[test]
    fn lookalike_capital_i() {
        assert_eq!(tenant_scam_sign("MicrosoftOnIine"), Some("look-alike letters"));
    }
}

#[test]
fn non_claims_get_no_content_reasons() {
    let input = MessageInput {
        sender_name: "Example Bank".into(),
        sender_address: "alerts@bank.test".into(),
        subject: "Urgent: call us".into(),
        body_text:
            "Your account will be suspended within 24 hours. Call +1 (888) 555-0199. Reply with the code."
                .into(),
        attachments: vec!["statement.html".into()],
        ..MessageInput::default()
    };
    let v = analyze(&input);
    assert_eq!(v.level, Level::None);
    assert!(v.reasons.is_empty());
}

mod attached_sign_in_page {
    use super::*;

    fn eml_with_page(page: &str) -> Vec<u8> {
        format!(
            "From: Accounts <billing@example.test>\r\nTo: a@example.test\r\nSubject: Payment confirmation\r\n\
             MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
             --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the remittance advice attached.\r\n\
             --b\r\nContent-Type: text/html; name=\"remittance.html\"\r\nContent-Disposition: attachment; \
             filename=\"remittance.html\"\r\n\r\n{page}\r\n--b--\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn microsoft_sign_in_page_attached_is_a_dangerous_claim() {
        let page = "<html><title>Sign in to your Microsoft account</title><form><input type=\"password\" name=\"p\">\
                    </form></html>";
        let v = analyze_eml(&eml_with_page(page)).expect("reads");
        assert_eq!(v.claim, codeguard::Claim::OtherAccountAlert);
        assert_eq!(reason(&v, "content.attached_sign_in_page").map(|r| r.severity), Some(Severity::Danger));
        assert_eq!(v.level, Level::Dangerous);
    }

    #[test]
    fn percent_encoded_page_is_read() {
        let page = "<script>document.write(unescape('%3Cp%3EMicrosoft%3C/p%3E%3Cinput%20type%3D%22password%22%3E'))</script>";
        let v = analyze_eml(&eml_with_page(page)).expect("reads");
        assert!(has(&v, "content.attached_sign_in_page"), "{:?}", v.reasons);
    }

    #[test]
    fn html_page_without_password_field_or_brand_is_no_claim() {
        for page in [
            "<html><p>Remittance advice: 1,200.00 EUR paid to Example Ltd.</p></html>",
            "<html><form><input type=\"password\"></form><p>Example intranet</p></html>",
        ] {
            let v = analyze_eml(&eml_with_page(page)).expect("reads");
            assert_eq!(v.level, Level::None, "{page}");
        }
    }
}

#[test]
fn genuine_templates_in_several_languages_raise_no_content_warning() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Microsoft account team",
            "Your single-use code",
            "We received your request for a single-use code to use with your Microsoft account. \
             Your single-use code is: 608812. If you didn't request this code, you can safely ignore this email. \
             Someone else might have typed your email address by mistake. Don't share it with anyone. \
             We'll never ask for it outside an official platform. Thanks, The Microsoft account team",
        ),
        (
            "Microsoft account team",
            "Microsoft account password reset",
            "Please use this code to reset the password for the Microsoft account ja**a@outlook.com. \
             Here is your code: 771203. If you don't recognize the Microsoft account ja**a@outlook.com, you can \
             click here to remove your email address from that account. Thanks, The Microsoft account team",
        ),
        (
            "Microsoft account team",
            "Microsoft account unusual sign-in activity",
            "We detected something unusual about a recent sign-in to the Microsoft account ja**a@outlook.com. \
             Sign-in details Country/region: Japan IP address: 203.0.113.7 Date: 11/24/2026 9:14 PM (JST) \
             Platform: Windows Browser: Edge. If this was you, then you can safely ignore this email. If you're \
             not sure this was you, a malicious user might have your password. Please review your recent \
             activity and we'll help you take corrective action. Review recent activity. To opt out or change \
             where you receive security notifications, click here. Thanks, The Microsoft account team",
        ),
        (
            "Microsoft account team",
            "Microsoft account security info was added",
            "The following security info was recently added to the Microsoft account ja**a@outlook.com: \
             Phone number +81 90-1234-5678 (masked) If this was you, then you can safely ignore this email. \
             If this wasn't you, a malicious user has access to your account.",
        ),
        (
            "Microsoft アカウント チーム",
            "Microsoft アカウントのセキュリティ コード",
            "Microsoft アカウント ja**a@outlook.com に対して次のセキュリティ コードを使用してください。\
             セキュリティ コード: 739201 このコードに心当たりがない場合は、このメールを無視してください。\
             このコードは誰とも共有しないでください。ありがとうございました。Microsoft アカウント チーム",
        ),
        (
            "Equipo de cuentas Microsoft",
            "Código de seguridad de la cuenta Microsoft",
            "Usa el siguiente código de seguridad para la cuenta Microsoft ja**a@outlook.com. Código de \
             seguridad: 918273. Si no has solicitado este código, puedes ignorar este correo electrónico. \
             Gracias, El equipo de cuentas Microsoft",
        ),
        (
            "Microsoft 帐户团队",
            "Microsoft 帐户安全代码",
            "请将以下安全代码用于 Microsoft 帐户 ja**a@outlook.com。安全代码: 556677 如果你未请求此代码，可以放心地忽略这封电子邮件。\
             谢谢！Microsoft 帐户团队",
        ),
        (
            "Microsoft on behalf of Contoso",
            "Contoso account email verification code",
            "Verify your email address. Thanks for verifying your a@contoso.com account! Your code is: 12345678 \
             Sincerely, Contoso",
        ),
    ];
    for (name, subject, body) in cases {
        let mut input = mail(subject, body);
        input.sender_name = name.to_string();
        if name.contains("on behalf of") {
            input.sender_address = "msonlineservicesteam@microsoftonline.com".into();
        }
        let v = analyze(&input);
        assert_ne!(v.claim, codeguard::Claim::None, "{subject}");
        assert!(v.code.is_some() || !subject.contains("code"), "{subject}: no code read");
        let bad: Vec<_> = v
            .reasons
            .iter()
            .filter(|r| {
                r.id.starts_with("content.")
                    && r.severity >= Severity::Info
                    && r.id != "content.microsoft_claim"
            })
            .collect();
        assert!(bad.is_empty(), "{subject}: {bad:?}");
    }
}

#[test]
fn reference_codes_in_other_notices_are_not_judged_as_security_codes() {
    let mut input =
        mail("Your Microsoft account: new terms", "Please review the new terms. Reference code: AB12CD");
    input.sender_name = "Microsoft".into();
    let v = analyze(&input);
    assert_eq!(v.claim, codeguard::Claim::OtherAccountAlert);
    assert!(!has(&v, "content.code_format"), "{:?}", v.reasons);
}

#[test]
fn an_attachment_name_is_read_as_the_system_reads_it() {
    // Invisible characters and full-width letters do not hide a web page's extension.
    for name in ["invoice.ht\u{200b}ml", "invoice.ＨＴＭＬ", "scan\u{202e}fdp.html"] {
        let input = MessageInput {
            sender_name: "Microsoft account team".into(),
            sender_address: "x@example.test".into(),
            subject: "Microsoft account security alert".into(),
            body_text: "Open the attached file to review the sign-in.".into(),
            attachments: vec![name.to_string()],
            ..MessageInput::default()
        };
        let v = analyze(&input);
        assert!(v.reasons.iter().any(|r| r.id == "content.risky_attachment"), "{name}: {:?}", v.reasons);
    }
}
