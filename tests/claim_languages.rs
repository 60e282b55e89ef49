//! Claim detection per language: a genuine-looking Microsoft code mail is a claim with its
//! code and language; a code mail in the same language from someone else is not.
//! Fixtures are written here (wording from shared/docs/microsoft-mail.md, or written from
//! the English pattern where the docs have none).

mod common;
use codeguard::claim::{detect, ClaimFacts};
use codeguard::Claim;
use common::msg;

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
