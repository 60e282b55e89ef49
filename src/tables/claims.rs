//! Words that make a Microsoft code or account-security claim, per language.
//!
//! DATA only: the matching logic is in `claim.rs`. Every phrase is matched after the
//! same folding as the message text (lower case, full-width letters to ASCII, invisible
//! characters removed, punctuation such as `-`, `_`, `.`, `'` turned into a space, white
//! space collapsed, and no space kept next to CJK / kana / hangul), so write phrases in
//! their natural spelling. A phrase is matched on word boundaries; a trailing `*` makes
//! it a prefix (`kennwort*` also finds `Kennworts`).
//!
//! Sources, named per group:
//! - [docs] `shared/docs/microsoft-mail.md` (Microsoft support articles, real genuine mail);
//! - [pattern] written from the confirmed English wording for that language, NOT
//!   confirmed in a genuine message: correct them when a real one is seen;
//! - [lure] wording that attackers use for Microsoft-branded lures, as kinds of lure
//!   (billing, policy, mailbox full), never one campaign's subject.

use crate::model::Claim;

/// A phrase in one language that says which kind of claim the message makes.
#[derive(Debug, Clone, Copy)]
pub struct KindPhrase {
    pub lang: &'static str,
    pub kind: Claim,
    pub text: &'static str,
}

const fn k(lang: &'static str, kind: Claim, text: &'static str) -> KindPhrase {
    KindPhrase { lang, kind, text }
}

/// A phrase in one language without a kind.
#[derive(Debug, Clone, Copy)]
pub struct LangPhrase {
    pub lang: &'static str,
    pub text: &'static str,
}

const fn l(lang: &'static str, text: &'static str) -> LangPhrase {
    LangPhrase { lang, text }
}

use Claim::{OtherAccountAlert as OTHER, PasswordReset as RESET, SecurityCode as CODE};
use Claim::{SignInAlert as SIGNIN, SingleUseCode as SINGLE};

/// The name "Microsoft" itself, in the scripts Microsoft writes it in.
/// [docs] English; [pattern] the transliterations Microsoft uses in ru/uk/zh/ko/ja text.
pub const MICROSOFT: &[&str] =
    &["microsoft", "майкрософт", "微软", "微軟", "마이크로소프트", "マイクロソフト"];

/// Microsoft product names that lures wear. Weaker than "Microsoft": ordinary mail names
/// Outlook too, so in a subject or body they count only with specific wording; in the
/// display name they name Microsoft as the sender. [lure] / [docs] "Hosts that are
/// Microsoft's".
pub const PRODUCTS: &[&str] = &[
    "microsoft 365",
    "office 365",
    "office365",
    "outlook",
    "hotmail",
    "onedrive",
    "sharepoint",
    "microsoft teams",
    "windows live",
    "azure ad",
    "microsoft entra",
    "microsoft authenticator",
];

/// Office programs whose name a fake sign-in form wears ("Sign in to Excel Sheet"). Too
/// common in business mail to count anywhere else. [lure]
pub const FORM_PRODUCTS: &[&str] = &["excel", "microsoft word", "microsoft excel", "office"];

/// Product names whose lure is a shared file ("X shared a document with you").
pub const FILE_PRODUCTS: &[&str] = &["onedrive", "sharepoint", "excel", "microsoft 365", "office 365"];

/// "Microsoft account" and its like: naming the account, not just the company.
/// Any of these names Microsoft as the sender would.
pub const ACCOUNT_PHRASES: &[LangPhrase] = &[
    // [docs] en subjects and bodies.
    l("en", "microsoft account"),
    l("en", "microsoft accounts"),
    l("en", "your microsoft"),
    l("en", "microsoft 365 account"),
    l("en", "office 365 account"),
    l("en", "outlook account"),
    l("en", "hotmail account"),
    l("en", "microsoft user"),
    l("en", "microsoft customer"),
    l("en", "microsoft on behalf of"),
    // [docs] ja subject "Microsoft アカウントのセキュリティ コード".
    l("ja", "microsoft アカウント"),
    l("ja", "マイクロソフト アカウント"),
    // [docs] de "…für das Microsoft-Konto".
    l("de", "microsoft konto"),
    l("de", "microsoftkonto"),
    // [docs] fr "…du compte Microsoft".
    l("fr", "compte microsoft"),
    // [docs] es "…de la cuenta Microsoft" / "…de la cuenta de Microsoft".
    l("es", "cuenta microsoft"),
    l("es", "cuenta de microsoft"),
    // [docs] pt "…da conta da Microsoft".
    l("pt", "conta da microsoft"),
    l("pt", "conta microsoft"),
    // [pattern] it "account Microsoft" is the English phrase reversed.
    l("it", "account microsoft"),
    // nl "Microsoft-account" folds into the English phrase above. [pattern]
    // [docs] zh-Hans "Microsoft 帐户"; 账户 is the other common spelling. [pattern]
    l("zh-Hans", "microsoft 帐户"),
    l("zh-Hans", "microsoft 账户"),
    l("zh-Hans", "微软帐户"),
    l("zh-Hans", "微软账户"),
    // [pattern] zh-Hant.
    l("zh-Hant", "microsoft 帳戶"),
    l("zh-Hant", "微軟帳戶"),
    // [docs] ko "Microsoft 계정".
    l("ko", "microsoft 계정"),
    l("ko", "마이크로소프트 계정"),
    // [pattern] ru / [docs] uk "облікового запису Microsoft".
    l("ru", "учетная запись майкрософт"),
    l("ru", "учетной записи майкрософт"),
    l("ru", "учетной записи microsoft"),
    l("ru", "учетная запись microsoft"),
    l("ru", "учётной записи майкрософт"),
    l("ru", "учётной записи microsoft"),
    l("uk", "облікового запису microsoft"),
    l("uk", "обліковий запис microsoft"),
    l("uk", "облікового запису майкрософт"),
];

/// Display names of Microsoft's account mail (also the sign-off of its bodies).
pub const TEAM_NAMES: &[LangPhrase] = &[
    // [docs] "Microsoft account team" (Microsoft support: unusual sign-in article).
    l("en", "microsoft account team"),
    l("en", "microsoft security"),
    // [docs] Entra: "Microsoft on behalf of <Org>".
    l("en", "microsoft on behalf of"),
    // [pattern] ja.
    l("ja", "microsoft アカウント チーム"),
    l("ja", "microsoft アカウントチーム"),
    // [pattern] de.
    l("de", "microsoft konto team"),
    l("de", "microsoft kontoteam"),
    // [pattern] fr.
    l("fr", "équipe des comptes microsoft"),
    l("fr", "équipe compte microsoft"),
    // [docs] es "Equipo de cuentas Microsoft" (genuine 2021 message).
    l("es", "equipo de cuentas microsoft"),
    l("es", "equipo de cuentas de microsoft"),
    // [pattern] pt.
    l("pt", "equipe de contas da microsoft"),
    l("pt", "equipe de contas microsoft"),
    l("pt", "equipa de contas microsoft"),
    // [pattern] it.
    l("it", "team dell'account microsoft"),
    l("it", "team degli account microsoft"),
    // [pattern] nl.
    l("nl", "microsoft accountteam"),
    // [docs] zh-Hans "Microsoft 帐户团队".
    l("zh-Hans", "microsoft 帐户团队"),
    l("zh-Hans", "microsoft 账户团队"),
    // [pattern] zh-Hant.
    l("zh-Hant", "microsoft 帳戶小組"),
    l("zh-Hant", "microsoft 帳戶團隊"),
    // [pattern] ko.
    l("ko", "microsoft 계정 팀"),
    // [pattern] ru / uk.
    l("ru", "команда учетных записей майкрософт"),
    l("ru", "служба учетных записей майкрософт"),
    l("uk", "команда облікових записів microsoft"),
    l("uk", "служба облікових записів microsoft"),
];

/// Genuine subjects; each names Microsoft, so a match alone makes the claim.
pub const SUBJECTS: &[KindPhrase] = &[
    // [docs] en.
    k("en", CODE, "personal microsoft account security code"),
    k("en", CODE, "microsoft account security code"),
    k("en", RESET, "microsoft account password reset"),
    k("en", RESET, "microsoft account password change"),
    k("en", SIGNIN, "microsoft account unusual sign in activity"),
    k("en", SIGNIN, "microsoft account unusual signin activity"),
    k("en", OTHER, "microsoft account security alert"),
    k("en", OTHER, "microsoft account security info was added"),
    k("en", OTHER, "microsoft account security info verification"),
    k("en", OTHER, "new app(s) connected to your microsoft account"),
    k("en", OTHER, "new apps connected to your microsoft account"),
    k("en", OTHER, "new app connected to your microsoft account"),
    // [docs] ja security code; the others [pattern] from English.
    k("ja", CODE, "microsoft アカウントのセキュリティ コード"),
    k("ja", CODE, "個人用 microsoft アカウントのセキュリティ コード"),
    k("ja", RESET, "microsoft アカウントのパスワード リセット"),
    k("ja", RESET, "microsoft アカウントのパスワードのリセット"),
    k("ja", RESET, "microsoft アカウントのパスワードの変更"),
    k("ja", SIGNIN, "microsoft アカウントの普段と異なるサインイン アクティビティ"),
    k("ja", OTHER, "microsoft アカウントのセキュリティ アラート"),
    k("ja", OTHER, "microsoft アカウントのセキュリティ情報が追加されました"),
    k("ja", OTHER, "microsoft アカウントのセキュリティ情報の確認"),
    k("ja", OTHER, "新しいアプリが microsoft アカウントに接続されました"),
    k("ja", SINGLE, "microsoft アカウントのワンタイム コード"),
    // [docs] de.
    k("de", CODE, "sicherheitscode für das microsoft konto"),
    k("de", RESET, "zurücksetzung des kennworts für das microsoft konto"),
    // [pattern] de.
    k("de", RESET, "änderung des kennworts für das microsoft konto"),
    k("de", SIGNIN, "ungewöhnliche anmeldeaktivität für das microsoft konto"),
    // [docs] fr.
    k("fr", CODE, "code de sécurité du compte microsoft"),
    // [pattern] fr.
    k("fr", RESET, "réinitialisation du mot de passe du compte microsoft"),
    k("fr", SIGNIN, "activité de connexion inhabituelle du compte microsoft"),
    // [docs] es.
    k("es", CODE, "código de seguridad de la cuenta microsoft"),
    k("es", CODE, "código de seguridad de la cuenta de microsoft"),
    k("es", OTHER, "verificación de la información de seguridad de la cuenta microsoft"),
    // [pattern] es.
    k("es", RESET, "restablecimiento de contraseña de la cuenta microsoft"),
    k("es", SIGNIN, "actividad de inicio de sesión inusual de la cuenta microsoft"),
    // [docs] pt.
    k("pt", CODE, "código de segurança da conta da microsoft"),
    k("pt", CODE, "código de segurança da conta microsoft"),
    // [pattern] pt.
    k("pt", RESET, "redefinição de senha da conta da microsoft"),
    k("pt", SIGNIN, "atividade de entrada incomum da conta da microsoft"),
    // [pattern] it.
    k("it", CODE, "codice di sicurezza dell'account microsoft"),
    k("it", RESET, "reimpostazione della password dell'account microsoft"),
    k("it", SIGNIN, "attività di accesso insolita dell'account microsoft"),
    // [pattern] nl.
    k("nl", CODE, "beveiligingscode voor microsoft account"),
    k("nl", RESET, "wachtwoord opnieuw instellen voor microsoft account"),
    k("nl", SIGNIN, "ongebruikelijke aanmeldingsactiviteit voor microsoft account"),
    // [docs] zh-Hans.
    k("zh-Hans", CODE, "个人 microsoft 帐户安全代码"),
    k("zh-Hans", CODE, "microsoft 帐户安全代码"),
    k("zh-Hans", RESET, "microsoft 帐户密码重置"),
    // [pattern] zh-Hans (账户 spelling) and zh-Hant.
    k("zh-Hans", CODE, "microsoft 账户安全代码"),
    k("zh-Hant", CODE, "microsoft 帳戶安全性代碼"),
    k("zh-Hant", RESET, "microsoft 帳戶密碼重設"),
    // [docs] ko (weak evidence).
    k("ko", CODE, "microsoft 계정 보안 코드"),
    // [pattern] ko.
    k("ko", RESET, "microsoft 계정 암호 재설정"),
    // [docs] uk; [pattern] ru.
    k("uk", CODE, "код безпеки облікового запису microsoft"),
    k("ru", CODE, "код безопасности для учетной записи майкрософт"),
    k("ru", CODE, "код безопасности учетной записи microsoft"),
];

/// Whole sentences only Microsoft's templates use: a match alone makes the claim.
pub const TEMPLATES: &[KindPhrase] = &[
    // [docs] en bodies.
    k("en", CODE, "please use the following security code for the microsoft account"),
    k("en", SINGLE, "we received your request for a single use code to use with your microsoft account"),
    k("en", SIGNIN, "we detected something unusual about a recent sign in to the microsoft account"),
    k("en", SIGNIN, "unusual sign in activity we detected something unusual"),
    k("en", OTHER, "to opt out or change where you receive security notifications"),
    k("en", OTHER, "the microsoft account team"),
    // [docs] es, the genuine 2021 message.
    k("es", OTHER, "el equipo de cuentas microsoft"),
    k("es", OTHER, "recientemente comprobaste la información de seguridad de la cuenta microsoft"),
    // [pattern] other languages' sign-off.
    k("ja", OTHER, "microsoft アカウント チーム"),
    k("fr", OTHER, "l'équipe des comptes microsoft"),
    k("de", OTHER, "ihr microsoft konto team"),
    k("zh-Hans", OTHER, "microsoft 帐户团队"),
];

/// Labels right before a code. The code must follow (after `:`, spaces, "is").
pub const CODE_LABELS: &[KindPhrase] = &[
    // [docs] en.
    k("en", CODE, "security code"),
    k("en", SINGLE, "single use code is"),
    k("en", SINGLE, "single use code"),
    k("en", SINGLE, "one time code"),
    k("en", CODE, "verification code"),
    k("en", CODE, "your code is"),
    k("en", CODE, "here is your code"),
    k("en", CODE, "enter the code"),
    // [docs] ja; [pattern] the single-use wording.
    k("ja", CODE, "セキュリティ コード"),
    k("ja", SINGLE, "ワンタイム コード"),
    k("ja", SINGLE, "1 回限りのコード"),
    k("ja", CODE, "確認コード"),
    k("ja", CODE, "認証コード"),
    // [docs] de "Ihr Sicherheitscode"; [pattern] the rest.
    k("de", CODE, "sicherheitscode"),
    k("de", SINGLE, "einmalcode"),
    k("de", CODE, "bestätigungscode"),
    k("de", CODE, "prüfcode"),
    // [docs] fr.
    k("fr", CODE, "code de sécurité"),
    k("fr", SINGLE, "code à usage unique"),
    k("fr", CODE, "code de vérification"),
    // [docs] es (genuine subject); [pattern] labels.
    k("es", CODE, "código de seguridad"),
    k("es", SINGLE, "código de un solo uso"),
    k("es", CODE, "código de verificación"),
    // [docs] pt "Seu código de uso único é:" (seen in phish); [pattern] the rest.
    k("pt", CODE, "código de segurança"),
    k("pt", SINGLE, "código de uso único"),
    k("pt", SINGLE, "código de utilização única"),
    k("pt", CODE, "código de verificação"),
    // [pattern] it.
    k("it", CODE, "codice di sicurezza"),
    k("it", SINGLE, "codice monouso"),
    k("it", CODE, "codice di verifica"),
    // [pattern] nl.
    k("nl", CODE, "beveiligingscode"),
    k("nl", SINGLE, "eenmalige code"),
    k("nl", CODE, "verificatiecode"),
    // [docs] zh-Hans "安全代码:", "你的一次性代码"; [pattern] zh-Hant.
    k("zh-Hans", CODE, "安全代码"),
    k("zh-Hans", SINGLE, "一次性代码"),
    k("zh-Hans", CODE, "验证码"),
    k("zh-Hant", CODE, "安全性代碼"),
    k("zh-Hant", SINGLE, "單次使用代碼"),
    k("zh-Hant", CODE, "驗證碼"),
    k("zh-Hant", CODE, "安全碼"),
    // [docs] ko "보안 코드:"; [pattern] the rest.
    k("ko", CODE, "보안 코드"),
    k("ko", SINGLE, "일회용 코드"),
    k("ko", CODE, "인증 코드"),
    // [docs] uk "Одноразовий код", "Код безпеки"; [pattern] ru.
    k("uk", CODE, "код безпеки"),
    k("uk", SINGLE, "одноразовий код"),
    k("uk", CODE, "код підтвердження"),
    k("ru", CODE, "код безопасности"),
    k("ru", SINGLE, "одноразовый код"),
    k("ru", CODE, "код подтверждения"),
];

/// Bare "code" words: they find the code once the claim stands, never make a claim
/// ("zip code 12345" is not a security code). [docs] "Code:" in Microsoft bodies.
pub const GENERIC_CODE_LABELS: &[&str] =
    &["code", "コード", "código", "codice", "код", "代码", "代碼", "코드"];

/// Account-security wording: with Microsoft named, it makes the claim and its kind.
pub const KIND_WORDS: &[KindPhrase] = &[
    // [docs] en genuine subjects and bodies, [lure] account-closure alerts.
    k("en", SINGLE, "single use code"),
    k("en", SINGLE, "one time code"),
    k("en", CODE, "security code"),
    k("en", CODE, "verification code"),
    k("en", CODE, "account email verification code"),
    k("en", RESET, "password reset"),
    k("en", RESET, "reset your password"),
    k("en", RESET, "password change"),
    k("en", RESET, "password changed"),
    k("en", SIGNIN, "unusual sign in"),
    k("en", SIGNIN, "unusual signin"),
    k("en", SIGNIN, "sign in activity"),
    k("en", SIGNIN, "signin activity"),
    k("en", SIGNIN, "new sign in"),
    k("en", SIGNIN, "sign in attempt"),
    k("en", SIGNIN, "unusual activity"),
    k("en", SIGNIN, "suspicious activity"),
    k("en", SIGNIN, "from a new device"),
    k("en", SIGNIN, "logged into your account"),
    k("en", OTHER, "security info"),
    k("en", OTHER, "security alert"),
    k("en", OTHER, "security notification*"),
    k("en", OTHER, "app connected"),
    k("en", OTHER, "apps connected"),
    k("en", OTHER, "password expir*"),
    k("en", OTHER, "deactivat*"),
    k("en", OTHER, "terminat*"),
    k("en", OTHER, "suspen*"),
    k("en", OTHER, "closure"),
    k("en", OTHER, "will be closed"),
    k("en", OTHER, "will be deleted"),
    k("en", OTHER, "will be locked"),
    k("en", OTHER, "has been locked"),
    k("en", OTHER, "has been blocked"),
    k("en", OTHER, "has been flagged"),
    k("en", OTHER, "verify your account"),
    k("en", OTHER, "confirm your account"),
    k("en", OTHER, "verify your identity"),
    k("en", OTHER, "security verification"),
    k("en", OTHER, "account verification"),
    k("en", OTHER, "expires today"),
    k("en", OTHER, "will expire"),
    k("en", OTHER, "be signed out"),
    k("en", OTHER, "mailbox is full"),
    k("en", OTHER, "mailbox full"),
    k("en", OTHER, "mailbox storage"),
    k("en", OTHER, "storage is full"),
    k("en", OTHER, "mfa"),
    k("en", OTHER, "multi factor authentication"),
    k("en", OTHER, "two factor authentication"),
    k("en", OTHER, "2fa"),
    k("en", OTHER, "two step verification"),
    k("en", OTHER, "compromised"),
    k("en", OTHER, "unauthorized access"),
    k("en", OTHER, "unauthorised access"),
    // [docs] ja; [pattern] the non-code wording.
    k("ja", CODE, "セキュリティ コード"),
    k("ja", SINGLE, "ワンタイム コード"),
    k("ja", SINGLE, "1 回限りのコード"),
    k("ja", CODE, "確認コード"),
    k("ja", RESET, "パスワードのリセット"),
    k("ja", RESET, "パスワード リセット"),
    k("ja", RESET, "パスワードの変更"),
    k("ja", SIGNIN, "普段と異なるサインイン"),
    k("ja", SIGNIN, "サインイン アクティビティ"),
    k("ja", SIGNIN, "不審なサインイン"),
    k("ja", SIGNIN, "異常なサインイン"),
    k("ja", OTHER, "セキュリティ情報"),
    k("ja", OTHER, "セキュリティ アラート"),
    k("ja", OTHER, "アカウントが停止"),
    k("ja", OTHER, "アカウントを停止"),
    k("ja", OTHER, "アカウントがロック"),
    k("ja", OTHER, "アカウントの確認"),
    k("ja", OTHER, "閉鎖"),
    k("ja", OTHER, "凍結"),
    k("ja", OTHER, "有効期限"),
    k("ja", OTHER, "不正アクセス"),
    k("ja", OTHER, "メールボックスがいっぱい"),
    k("ja", OTHER, "2 段階認証"),
    // [docs] de; [pattern] the rest.
    k("de", CODE, "sicherheitscode"),
    k("de", SINGLE, "einmalcode"),
    k("de", RESET, "zurücksetzung des kennworts"),
    k("de", RESET, "kennwort zurücksetzen"),
    k("de", RESET, "kennwortänderung"),
    k("de", RESET, "passwort zurücksetzen"),
    k("de", SIGNIN, "ungewöhnliche anmelde*"),
    k("de", SIGNIN, "anmeldeaktivität"),
    k("de", OTHER, "sicherheitsinformationen"),
    k("de", OTHER, "konto wird gesperrt"),
    k("de", OTHER, "konto gesperrt"),
    k("de", OTHER, "deaktiviert"),
    // [docs] fr; [pattern] the rest.
    k("fr", CODE, "code de sécurité"),
    k("fr", SINGLE, "code à usage unique"),
    k("fr", RESET, "réinitialisation du mot de passe"),
    k("fr", RESET, "réinitialiser votre mot de passe"),
    k("fr", SIGNIN, "activité de connexion inhabituelle"),
    k("fr", SIGNIN, "connexion inhabituelle"),
    k("fr", OTHER, "informations de sécurité"),
    k("fr", OTHER, "compte sera suspendu"),
    k("fr", OTHER, "compte sera fermé"),
    k("fr", OTHER, "compte a été bloqué"),
    // [docs] es; [pattern] the rest.
    k("es", CODE, "código de seguridad"),
    k("es", SINGLE, "código de un solo uso"),
    k("es", RESET, "restablecimiento de contraseña"),
    k("es", RESET, "restablecer tu contraseña"),
    k("es", SIGNIN, "inicio de sesión inusual"),
    k("es", SIGNIN, "actividad inusual"),
    k("es", OTHER, "información de seguridad"),
    k("es", OTHER, "cuenta será suspendida"),
    k("es", OTHER, "cuenta será cerrada"),
    k("es", OTHER, "cuenta ha sido bloqueada"),
    // [docs] pt; [pattern] the rest.
    k("pt", CODE, "código de segurança"),
    k("pt", SINGLE, "código de uso único"),
    k("pt", RESET, "redefinição de senha"),
    k("pt", RESET, "redefinir sua senha"),
    k("pt", SIGNIN, "atividade de entrada incomum"),
    k("pt", SIGNIN, "novo dispositivo"),
    k("pt", SIGNIN, "verificação de atividade"),
    k("pt", SIGNIN, "acesso indevido"),
    k("pt", OTHER, "informações de segurança"),
    k("pt", OTHER, "conta será suspensa"),
    k("pt", OTHER, "conta será encerrada"),
    k("pt", OTHER, "conta foi bloqueada"),
    // [pattern] it.
    k("it", CODE, "codice di sicurezza"),
    k("it", SINGLE, "codice monouso"),
    k("it", RESET, "reimpostazione della password"),
    k("it", SIGNIN, "attività di accesso insolita"),
    k("it", SIGNIN, "accesso insolito"),
    k("it", OTHER, "informazioni di sicurezza"),
    k("it", OTHER, "account sarà sospeso"),
    k("it", OTHER, "account sarà chiuso"),
    // [pattern] nl.
    k("nl", CODE, "beveiligingscode"),
    k("nl", SINGLE, "eenmalige code"),
    k("nl", RESET, "wachtwoord opnieuw instellen"),
    k("nl", SIGNIN, "ongebruikelijke aanmeld*"),
    k("nl", OTHER, "beveiligingsgegevens"),
    k("nl", OTHER, "account wordt geblokkeerd"),
    k("nl", OTHER, "account wordt gesloten"),
    // [docs] zh-Hans; [pattern] zh-Hant.
    k("zh-Hans", CODE, "安全代码"),
    k("zh-Hans", SINGLE, "一次性代码"),
    k("zh-Hans", RESET, "密码重置"),
    k("zh-Hans", RESET, "重置密码"),
    k("zh-Hans", SIGNIN, "登录活动异常"),
    k("zh-Hans", SIGNIN, "异常登录"),
    k("zh-Hans", OTHER, "安全信息"),
    k("zh-Hans", OTHER, "帐户将被关闭"),
    k("zh-Hans", OTHER, "账户将被关闭"),
    k("zh-Hans", OTHER, "帐户已被冻结"),
    k("zh-Hant", CODE, "安全性代碼"),
    k("zh-Hant", SINGLE, "單次使用代碼"),
    k("zh-Hant", RESET, "密碼重設"),
    k("zh-Hant", RESET, "重設密碼"),
    k("zh-Hant", SIGNIN, "不尋常的登入"),
    k("zh-Hant", SIGNIN, "異常登入"),
    k("zh-Hant", OTHER, "安全性資訊"),
    k("zh-Hant", OTHER, "帳戶將被關閉"),
    // [docs] ko; [pattern] the rest.
    k("ko", CODE, "보안 코드"),
    k("ko", SINGLE, "일회용 코드"),
    k("ko", RESET, "암호 재설정"),
    k("ko", RESET, "비밀번호 재설정"),
    k("ko", SIGNIN, "비정상적인 로그인"),
    k("ko", SIGNIN, "로그인 활동"),
    k("ko", OTHER, "보안 정보"),
    k("ko", OTHER, "계정이 정지"),
    k("ko", OTHER, "계정이 잠겼"),
    // [docs] uk; [pattern] ru and the rest.
    k("uk", CODE, "код безпеки"),
    k("uk", SINGLE, "одноразовий код"),
    k("uk", RESET, "скидання пароля"),
    k("uk", SIGNIN, "незвичайна активність"),
    k("uk", SIGNIN, "незвичний вхід"),
    k("uk", OTHER, "відомості безпеки"),
    k("uk", OTHER, "буде заблоковано"),
    k("ru", CODE, "код безопасности"),
    k("ru", SINGLE, "одноразовый код"),
    k("ru", RESET, "сброс пароля"),
    k("ru", SIGNIN, "необычная активность"),
    k("ru", SIGNIN, "необычный вход"),
    k("ru", OTHER, "сведения о безопасности"),
    k("ru", OTHER, "будет заблокирован*"),
];

/// What a subject says happened to the account it names ("… has been connected to your
/// Microsoft account", "… was added"): with an account phrase in the same subject, the
/// sender speaks as the account's provider. Kinds of event, not any campaign's subject.
/// [lure] / [pattern] for the other languages.
pub const SUBJECT_EVENTS: &[LangPhrase] = &[
    l("en", "has been connected"),
    l("en", "was connected"),
    l("en", "has been added"),
    l("en", "was added"),
    l("en", "has been changed"),
    l("en", "was changed"),
    l("en", "has been removed"),
    l("en", "was removed"),
    l("en", "has been updated"),
    l("en", "was updated"),
    l("en", "has been accessed"),
    l("en", "was accessed"),
    l("en", "was used"),
    l("en", "signed in"),
    l("en", "new app"),
    l("en", "new device"),
    l("ja", "接続されました"),
    l("ja", "追加されました"),
    l("ja", "変更されました"),
    l("de", "wurde verbunden"),
    l("de", "wurde hinzugefügt"),
    l("de", "wurde geändert"),
    l("fr", "a été connecté*"),
    l("fr", "a été ajouté*"),
    l("fr", "a été modifié*"),
    l("es", "se ha conectado"),
    l("es", "se ha agregado"),
    l("es", "se ha cambiado"),
    l("pt", "foi conectad*"),
    l("pt", "foi adicionad*"),
    l("pt", "foi alterad*"),
];

/// Wording of Microsoft-branded account lures (mailbox full, password expiry, policy,
/// billing, prizes). Counts only when Microsoft is clearly named (display name, "Microsoft
/// account"), because ordinary newsletters use these words too. [lure]
pub const LURE_WORDS: &[LangPhrase] = &[
    l("en", "mailbox is full"),
    l("en", "mailbox full"),
    l("en", "storage capacity"),
    l("en", "storage is full"),
    l("en", "quota"),
    l("en", "password expir*"),
    l("en", "policy"),
    l("en", "user agreement"),
    l("en", "services agreement"),
    l("en", "terms of service"),
    l("en", "new terms"),
    l("en", "billing"),
    l("en", "payment"),
    l("en", "subscription"),
    l("en", "renewal"),
    l("en", "invoice"),
    l("en", "purchase"),
    l("en", "bank card"),
    l("en", "reward"),
    l("en", "prize"),
    l("en", "congratulations"),
    l("en", "survey"),
    l("en", "infected"),
    l("en", "voicemail"),
    l("en", "voice message"),
    l("en", "antivirus"),
    l("en", "confirm your information"),
    l("en", "update your information"),
    // [pattern] other languages, the same kinds of lure.
    l("ja", "お支払い"),
    l("ja", "請求"),
    l("ja", "メールボックス"),
    l("de", "zahlung"),
    l("de", "abonnement"),
    l("de", "rechnung"),
    l("de", "gewonnen"),
    l("de", "belohnung"),
    l("de", "prämie"),
    l("de", "umfrage"),
    l("de", "kostenlos"),
    l("de", "postfach"),
    l("fr", "paiement"),
    l("fr", "abonnement"),
    l("fr", "facture"),
    l("fr", "récompense"),
    l("fr", "boîte aux lettres"),
    l("es", "pago"),
    l("es", "suscripción"),
    l("es", "factura"),
    l("es", "premio"),
    l("es", "buzón"),
    l("pt", "pagamento"),
    l("pt", "assinatura"),
    l("pt", "fatura"),
    l("pt", "prêmio"),
    l("pt", "caixa de correio"),
    l("it", "pagamento"),
    l("it", "abbonamento"),
    l("it", "fattura"),
    l("it", "premio"),
    l("nl", "betaling"),
    l("nl", "abonnement"),
    l("nl", "factuur"),
    l("nl", "mailbox"),
    l("zh-Hans", "付款"),
    l("zh-Hant", "付款"),
    l("ko", "결제"),
    l("ru", "оплат*"),
    l("ru", "подписк*"),
    l("uk", "оплат*"),
];

/// Generic account words ("your account", "sign in"): they count only when the display
/// name itself claims Microsoft, since ordinary mail about a Microsoft account uses them
/// too. [lure] / [pattern] per language.
pub const GENERIC_LURE_WORDS: &[LangPhrase] = &[
    l("en", "your account"),
    l("en", "sign in"),
    l("en", "shared with you"),
    l("en", "document"),
    l("ja", "アカウント"),
    l("de", "ihr konto"),
    l("fr", "votre compte"),
    l("es", "tu cuenta"),
    l("es", "su cuenta"),
    l("pt", "sua conta"),
    l("it", "il tuo account"),
    l("nl", "uw account"),
    l("zh-Hans", "帐户"),
    l("zh-Hans", "账户"),
    l("zh-Hant", "帳戶"),
    l("ko", "계정"),
    l("ru", "учетн*"),
    l("uk", "обліков*"),
];

/// A sign-in form written into the mail itself: two of these with a Microsoft product
/// named make a credential lure. [lure]
pub const LOGIN_FORM: &[&str] = &[
    "forgot password",
    "forgot your password",
    "forgotten password",
    "remember me",
    "keep me signed in",
    "stay signed in",
    "can't access your account",
];

/// A file "shared with you" on a Microsoft file product. [lure]
pub const SHARE_PHRASES: &[&str] = &[
    "shared with you",
    "has shared",
    "shared a file",
    "shared a document",
    "view document",
    "open document",
    "shared document",
];

/// Names in an attached web page (HTML / SVG, as sent) that, with a password field, make
/// it a fake Microsoft sign-in page. [docs] "HTML / SVG attachments posing as documents";
/// corpus README "fake login pages as attachments".
pub const PAGE_BRANDS: &[&str] = &[
    "microsoft",
    "microsoftonline",
    "office 365",
    "office365",
    "office.com",
    "outlook",
    "onedrive",
    "sharepoint",
    "hotmail",
    "live.com",
    "excel",
];

/// Where device-code phishing sends people to type the code. [docs] "Device-code phishing".
pub const DEVICE_LOGIN: &[&str] = &[
    "microsoft.com/devicelogin",
    "aka.ms/devicelogin",
    "login.microsoftonline.com/common/oauth2/deviceauth",
];

/// Words that put a long code in Authenticator / Entra context, where 8 digits are normal.
/// [docs] "8-digit codes belong to Authenticator / Entra contexts".
pub const LONG_CODE_CONTEXT: &[&str] = &[
    "authenticator",
    "account email verification code",
    "microsoft on behalf of",
    "entra",
    "work or school",
    "azure",
];

/// Filler between a label and its code ("Your code is: 123456", "est :", "lautet:").
/// [docs] labels; [pattern] the verbs per language.
pub const CODE_FILLERS: &[&str] =
    &["is", "was", "est", "ist", "lautet", "es", "é", "è", "是", "为", "為", "は", "です", "는", "은"];
