//! Claim detection per language: a genuine-looking Microsoft code mail is a claim with its
//! code and language; a code mail in the same language from someone else is not.
//! Fixtures are written here (wording from shared/docs/microsoft-mail.md, or written from
//! the English pattern where the docs have none). The second half runs the whole analysis
//! on every language of `languages/mod.rs` (one row each): genuine-style mail is
//! unverified with its code, fakes that ask for the code or a call are flagged for it,
//! ordinary mail is silent, and "never share this code" is no ask.

mod common;
mod languages;
use codeguard::claim::{detect, phrases, ClaimFacts, Field};
use codeguard::model::{EvidenceSource, Level, Verdict};
use codeguard::tables::claims::SUBJECTS;
use codeguard::Claim;
use common::msg;
use languages::{Lang, LANGS};

const MS: &str = "account-security-noreply@accountprotection.microsoft.com";

fn claim(name: &str, subject: &str, body: &str) -> ClaimFacts {
    detect(&msg(name, MS, subject, body), None)
}

fn not_claim(name: &str, address: &str, subject: &str, body: &str) {
    let c = detect(&msg(name, address, subject, body), None);
    assert_eq!(c.kind, Claim::None, "{subject}: should not be a Microsoft claim, got {c:?}");
}

fn assert_code(c: &ClaimFacts, kind: Claim, code: &str, lang: &str) {
    assert_eq!(c.kind, kind, "{c:?}");
    assert_eq!(c.code.as_deref(), Some(code), "{c:?}");
    assert_eq!(c.language, Some(lang), "{c:?}");
    assert!(!c.evidence.is_empty());
}

#[test]
fn english_security_code() {
    let c = claim(
        "Microsoft account team",
        "Microsoft account security code",
        "Please use the following security code for the Microsoft account ja**a@outlook.com.\n\
         Security code: 482913\nIf you didn't request this code, you can safely ignore this email.",
    );
    assert_code(&c, Claim::SecurityCode, "482913", "en");
}

#[test]
fn english_bank_otp_is_not_a_claim() {
    not_claim(
        "Example Bank",
        "alerts@examplebank.test",
        "Your one-time passcode",
        "Your security code is 482913. Never share it. Example Bank will never call you for it.",
    );
}

#[test]
fn japanese_security_code() {
    let c = claim(
        "Microsoft アカウント チーム",
        "Microsoft アカウントのセキュリティ コード",
        "Microsoft アカウント ja**a@outlook.com に対して次のセキュリティ コードを使用してください。\n\
         セキュリティ コード: 739201\nこのコードに心当たりがない場合は、このメールを無視してください。",
    );
    assert_code(&c, Claim::SecurityCode, "739201", "ja");
}

#[test]
fn japanese_full_width_colon_and_digits() {
    let c = claim(
        "Microsoft アカウント チーム",
        "Microsoft アカウントのセキュリティ コード",
        "セキュリティコード：７３９２０１",
    );
    assert_eq!(c.code.as_deref(), Some("739201"));
}

#[test]
fn japanese_password_reset_and_sign_in() {
    let c =
        claim("Microsoft アカウント チーム", "Microsoft アカウントのパスワードのリセット", "コード: 118822");
    assert_eq!(c.kind, Claim::PasswordReset);
    let c = claim(
        "Microsoft アカウント チーム",
        "Microsoft アカウントの普段と異なるサインイン アクティビティ",
        "サインインの詳細 国/地域: 日本",
    );
    assert_eq!(c.kind, Claim::SignInAlert);
    assert_eq!(c.language, Some("ja"));
}

#[test]
fn japanese_other_service_code_is_not_a_claim() {
    not_claim(
        "楽天会員サービス",
        "info@rakuten.test",
        "認証コードのお知らせ",
        "認証コード: 123456 このコードは10分間有効です。",
    );
}

#[test]
fn german_security_code() {
    let c = claim(
        "Microsoft-Kontoteam",
        "Sicherheitscode für das Microsoft-Konto",
        "Verwenden Sie den folgenden Sicherheitscode für das Microsoft-Konto ja**a@outlook.com.\n\
         Ihr Sicherheitscode: 552190",
    );
    assert_code(&c, Claim::SecurityCode, "552190", "de");
}

#[test]
fn german_shop_code_is_not_a_claim() {
    not_claim("Shop", "noreply@shop.test", "Ihr Bestätigungscode", "Ihr Bestätigungscode lautet: 552190");
}

#[test]
fn french_single_use_code() {
    let c = claim(
        "Microsoft",
        "Votre code à usage unique",
        "Nous avons reçu votre demande de code à usage unique pour votre compte Microsoft.\n\
         Votre code à usage unique est : 300411",
    );
    assert_code(&c, Claim::SingleUseCode, "300411", "fr");
}

#[test]
fn french_security_code_with_nbsp() {
    let c = claim("Microsoft", "Code de sécurité du compte Microsoft", "Code de sécurité\u{a0}: 300411");
    assert_code(&c, Claim::SecurityCode, "300411", "fr");
}

#[test]
fn french_bank_code_is_not_a_claim() {
    not_claim("Banque", "no-reply@banque.test", "Code de sécurité", "Code de sécurité : 300411");
}

#[test]
fn spanish_security_code_and_genuine_security_info_subject() {
    let c = claim(
        "Equipo de cuentas Microsoft",
        "Código de seguridad de la cuenta Microsoft",
        "Código de seguridad: 918273",
    );
    assert_code(&c, Claim::SecurityCode, "918273", "es");
    let c = claim(
        "Equipo de cuentas Microsoft",
        "Verificación de la información de seguridad de la cuenta Microsoft",
        "Recientemente comprobaste la información de seguridad de la cuenta Microsoft ja**a@outlook.com.",
    );
    assert_eq!(c.kind, Claim::OtherAccountAlert);
    assert_eq!(c.language, Some("es"));
}

#[test]
fn spanish_shop_code_is_not_a_claim() {
    not_claim("Tienda", "hola@tienda.test", "Tu código", "Código de verificación: 918273");
}

#[test]
fn portuguese_single_use_code() {
    let c = claim(
        "Microsoft",
        "Seu código de uso único",
        "Conta da Microsoft. Seu código de uso único é: 640022",
    );
    assert_code(&c, Claim::SingleUseCode, "640022", "pt");
}

#[test]
fn portuguese_bank_code_is_not_a_claim() {
    not_claim("Banco", "x@banco.test", "Código de segurança", "Seu código de segurança é: 640022");
}

#[test]
fn italian_security_code() {
    let c = claim("Microsoft", "Codice di sicurezza dell'account Microsoft", "Codice di sicurezza: 771203");
    assert_code(&c, Claim::SecurityCode, "771203", "it");
}

#[test]
fn italian_other_code_is_not_a_claim() {
    not_claim("Poste", "x@poste.test", "Codice di sicurezza", "Codice di sicurezza: 771203");
}

#[test]
fn dutch_security_code() {
    let c =
        claim("Microsoft-accountteam", "Beveiligingscode voor Microsoft-account", "Beveiligingscode: 120034");
    assert_code(&c, Claim::SecurityCode, "120034", "nl");
}

#[test]
fn dutch_other_code_is_not_a_claim() {
    not_claim("Bank", "x@bank.test", "Uw beveiligingscode", "Beveiligingscode: 120034");
}

#[test]
fn simplified_chinese_security_code() {
    let c = claim(
        "Microsoft 帐户团队",
        "Microsoft 帐户安全代码",
        "请将以下安全代码用于 Microsoft 帐户 ja**a@outlook.com。\n安全代码: 556677",
    );
    assert_code(&c, Claim::SecurityCode, "556677", "zh-Hans");
    let c = claim("Microsoft 帐户团队", "你的一次性代码", "你的一次性代码是：556677");
    assert_eq!(c.kind, Claim::SingleUseCode);
}

#[test]
fn simplified_chinese_other_code_is_not_a_claim() {
    not_claim("某银行", "x@bank.test", "验证码", "您的验证码: 556677");
}

#[test]
fn traditional_chinese_security_code() {
    let c = claim("Microsoft 帳戶小組", "Microsoft 帳戶安全性代碼", "安全性代碼: 889900");
    assert_code(&c, Claim::SecurityCode, "889900", "zh-Hant");
}

#[test]
fn traditional_chinese_other_code_is_not_a_claim() {
    not_claim("某銀行", "x@bank.test", "驗證碼", "您的驗證碼: 889900");
}

#[test]
fn korean_security_code() {
    let c = claim("Microsoft 계정 팀", "Microsoft 계정 보안 코드", "보안 코드: 345678");
    assert_code(&c, Claim::SecurityCode, "345678", "ko");
}

#[test]
fn korean_other_code_is_not_a_claim() {
    not_claim("은행", "x@bank.test", "인증 코드", "인증 코드: 345678");
}

#[test]
fn russian_security_code() {
    let c = claim("Майкрософт", "Код безопасности для учетной записи Майкрософт", "Код безопасности: 101202");
    assert_code(&c, Claim::SecurityCode, "101202", "ru");
}

#[test]
fn russian_other_code_is_not_a_claim() {
    not_claim("Банк", "x@bank.test", "Код подтверждения", "Код подтверждения: 101202");
}

#[test]
fn ukrainian_single_use_code() {
    let c = claim("Microsoft", "Одноразовий код", "Обліковий запис Microsoft. Одноразовий код: 303404");
    assert_code(&c, Claim::SingleUseCode, "303404", "uk");
}

#[test]
fn ukrainian_other_code_is_not_a_claim() {
    not_claim("Банк", "x@bank.test", "Одноразовий код", "Одноразовий код: 303404");
}

#[test]
fn japanese_new_app_and_single_use_subjects() {
    let c = claim(
        "Microsoft アカウント チーム",
        "新しいアプリが Microsoft アカウントに接続されました",
        "Contoso Mail",
    );
    assert_eq!(c.kind, Claim::OtherAccountAlert);
    assert_eq!(c.language, Some("ja"));
    let c = claim(
        "Microsoft アカウント チーム",
        "Microsoft アカウントのワンタイム コード",
        "ワンタイム コード: 208811",
    );
    assert_code(&c, Claim::SingleUseCode, "208811", "ja");
}

// ---------------------------------------------------------------------------------------
// Every language, from one row of strings each (`tests/languages/mod.rs`).

const CODE: &str = "123456";
const SHOP: &str = "security@some-shop.example";
const PHONE: &str = "+1 888 555 0199";

/// The genuine-style security-code mail of a language, with `extra` after the code.
fn genuine(row: &Lang, extra: &str) -> codeguard::MessageInput {
    let body = format!("{}\n{} {CODE}\n{extra}", row.opener, row.label);
    msg(row.team, MS, row.subject, &body)
}

fn has(v: &Verdict, id: &str) -> bool {
    v.reasons.iter().any(|r| r.id == id)
}

/// Runs `check` on every row and fails once, naming every language that failed.
fn each_language(check: impl Fn(&Lang) -> Result<(), String>) {
    let failed: Vec<String> =
        LANGS.iter().filter_map(|row| check(row).err().map(|e| format!("{}: {e}", row.lang))).collect();
    assert!(failed.is_empty(), "{} languages failed:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn every_language_of_the_tables_has_a_row_and_there_are_forty() {
    let mut missing: Vec<&str> =
        SUBJECTS.iter().map(|s| s.lang).filter(|l| !LANGS.iter().any(|r| r.lang == *l)).collect();
    missing.sort_unstable();
    missing.dedup();
    assert!(missing.is_empty(), "languages with genuine subjects but no test row: {missing:?}");
    assert!(LANGS.len() >= 40, "{} languages", LANGS.len());
}

#[test]
fn genuine_security_code_mail_is_unverified_with_its_code_in_every_language() {
    each_language(|row| {
        let input = genuine(row, row.dont_share);
        let v = codeguard::analyze(&input);
        let ids: Vec<&str> = v.reasons.iter().map(|r| r.id.as_str()).collect();
        if v.level != Level::Unverified || v.claim != Claim::SecurityCode || v.code.as_deref() != Some(CODE) {
            return Err(format!("{:?} {:?} code {:?}, reasons {ids:?}", v.level, v.claim, v.code));
        }
        let c = detect(&input, None);
        match c.language {
            Some(lang) if lang == row.lang => Ok(()),
            other => Err(format!("language {other:?}")),
        }
    });
}

#[test]
fn fake_asking_for_the_code_is_flagged_in_every_language() {
    each_language(|row| {
        let body = format!("{} {CODE}\n{}", row.label, row.ask);
        let v = codeguard::analyze(&msg(row.team, SHOP, row.subject, &body));
        let flagged = matches!(v.level, Level::Suspicious | Level::Dangerous);
        if flagged && has(&v, "content.asks_for_code") {
            Ok(())
        } else {
            Err(format!("{:?}, no ask found in {:?}", v.level, row.ask))
        }
    });
}

#[test]
fn fake_asking_for_a_call_is_flagged_in_every_language() {
    each_language(|row| {
        let body = row.call.replace("{phone}", PHONE);
        let v = codeguard::analyze(&msg(row.team, SHOP, row.subject, &body));
        let flagged = matches!(v.level, Level::Suspicious | Level::Dangerous);
        if flagged && has(&v, "content.call_phone") {
            Ok(())
        } else {
            Err(format!("{:?}, no call request found in {body:?}", v.level))
        }
    });
}

#[test]
fn ordinary_mail_and_other_senders_codes_stay_silent_in_every_language() {
    each_language(|row| {
        let (subject, body) = row.ordinary;
        let v = codeguard::analyze(&msg("Anna", "anna@example.org", subject, body));
        if v.level != Level::None {
            return Err(format!("ordinary mail {:?}: {:?}", v.level, v.reasons));
        }
        // The same label, code and warning from a bank: a code, but no Microsoft claim.
        let label = row.label.trim_end_matches([':', ' ']);
        let body = format!("{} {CODE}\n{}", row.label, row.dont_share);
        let v = codeguard::analyze(&msg("Bank", "no-reply@bank.example", label, &body));
        if v.level != Level::None {
            return Err(format!("bank code mail {:?}: {:?}", v.level, v.reasons));
        }
        Ok(())
    });
}

#[test]
fn never_share_this_code_is_no_ask_in_every_language() {
    each_language(|row| {
        if has(&codeguard::analyze(&genuine(row, row.dont_share)), "content.asks_for_code") {
            return Err(format!("{:?} counted as an ask", row.dont_share));
        }
        // The same mail asking for the code is caught: the body is read for asks in this
        // language, and the warning above is silent for its wording, not by accident.
        if !has(&codeguard::analyze(&genuine(row, row.ask)), "content.asks_for_code") {
            return Err(format!("{:?} in a genuine-looking mail is no ask", row.ask));
        }
        Ok(())
    });
}

#[test]
fn warnings_that_contain_an_ask_are_saved_by_their_negation() {
    // Rows whose warning holds an ask phrase word for word ("Don't share this code with
    // anyone", "Jangan bagikan kode ini dengan siapa pun"): only the negation before it
    // keeps the genuine mail from asking. Without the negation, it is an ask.
    let p = phrases();
    let mut exercised = Vec::new();
    for row in LANGS {
        let field = Field::new(row.dont_share, true, EvidenceSource::Body, "body");
        let Some(start) =
            p.asks_code.entries.iter().find_map(|&(id, _)| field.matches(id).next()).map(|m| m.0)
        else {
            continue;
        };
        exercised.push(row.lang);
        let bare = field.folded.original(start, field.folded.text.len());
        let v = codeguard::analyze(&genuine(row, bare));
        assert!(has(&v, "content.asks_for_code"), "{}: {bare:?} without its negation is no ask", row.lang);
    }
    assert!(exercised.len() >= 10, "only {exercised:?} exercise a negation");
}

#[test]
fn no_table_lists_two_phrases_that_fold_alike() {
    use codeguard::tables::{claims as t, claims_content as c};
    let texts = |items: &[t::LangPhrase]| items.iter().map(|p| p.text).collect::<Vec<_>>();
    let kinds = |items: &[t::KindPhrase]| items.iter().map(|p| p.text).collect::<Vec<_>>();
    let tables: Vec<(&str, Vec<&str>)> = vec![
        ("MICROSOFT", t::MICROSOFT.to_vec()),
        ("ACCOUNT_PHRASES", texts(t::ACCOUNT_PHRASES)),
        ("TEAM_NAMES", texts(t::TEAM_NAMES)),
        ("SUBJECTS", kinds(t::SUBJECTS)),
        ("TEMPLATES", kinds(t::TEMPLATES)),
        ("CODE_LABELS", kinds(t::CODE_LABELS)),
        ("GENERIC_CODE_LABELS", t::GENERIC_CODE_LABELS.to_vec()),
        ("KIND_WORDS", kinds(t::KIND_WORDS)),
        ("ASKS_FOR_CODE", texts(c::ASKS_FOR_CODE)),
        ("ASKS_FOR_PASSWORD", texts(c::ASKS_FOR_PASSWORD)),
        ("CALL_WORDS", texts(c::CALL_WORDS)),
        ("URGENCY", texts(c::URGENCY)),
        ("NEGATIONS", c::NEGATIONS.to_vec()),
    ];
    let mut twins = Vec::new();
    for (name, items) in tables {
        let mut seen = std::collections::HashMap::new();
        for text in items {
            let key = (codeguard::claim::fold(text.trim_end_matches('*'), false).text, text.ends_with('*'));
            if let Some(first) = seen.insert(key, text) {
                twins.push(format!("{name}: {first:?} / {text:?}"));
            }
        }
    }
    assert!(twins.is_empty(), "phrases that fold alike (list each once):\n{}", twins.join("\n"));
}
