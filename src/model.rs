//! The message model: what the page or a raw file gives the analyzer (`MessageInput`)
//! and what the analyzer answers (`Verdict`).
//!
//! These types are the one contract between the Rust core, the CLI and the extension:
//! they cross into JavaScript through serde (camelCase field names, snake_case enum
//! values), so renaming a field here is a change to the extension too.

use serde::{Deserialize, Serialize};

/// Where the message was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Site {
    Gmail,
    Outlook,
    /// A raw `.eml` file or pasted source.
    #[default]
    File,
}

/// One link of the message body as the reader sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LinkInput {
    /// Position among the body's links, so the page can find the element again.
    pub index: usize,
    /// The visible text of the link.
    pub text: String,
    /// The `href` as the message carries it (Safe Links rewriting included).
    pub href: String,
    /// The site's own redirect wrapper, if any (Gmail's `data-saferedirecturl`).
    pub wrapped_href: Option<String>,
}

/// Everything the analyzer needs to know about one message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageInput {
    pub site: Site,
    pub sender_name: String,
    pub sender_address: String,
    pub subject: String,
    /// The date as the page or the `Date:` header shows it; kept as text.
    pub date: Option<String>,
    /// The visible body text.
    pub body_text: String,
    pub links: Vec<LinkInput>,
    pub attachments: Vec<String>,
    /// Body text styled so that the reader cannot see it (`display:none`, zero size or
    /// opacity, coloured as its background, clipped or off-screen), in document order.
    pub hidden_text: String,
    /// The text of the body's images (`alt`, `title`): what shows where images are
    /// blocked, and what filters read.
    pub image_text: String,
    /// How the body disguises what it shows, as the reader found it while rendering.
    pub disguises: Vec<Disguise>,
    /// The complete RFC 5322 source, when it can be had: the only way to "genuine".
    pub raw_source: Option<String>,
}

/// One way a text hides what a person reads from what a filter reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisguiseKind {
    // Found by the readers (HTML as rendered, in the page or from the source):
    /// Text styled so that nobody sees it.
    HiddenText,
    /// Hidden text inside a word: the reader sees one word, a filter two.
    SplitWord,
    /// Text written backwards inside a right-to-left override, displayed forwards.
    Reversed,
    /// Text that only the style sheet writes (`::before` / `::after` content).
    GeneratedContent,
    // Found by the normalization (any field):
    /// Letters carrying combining marks (`M̶icrosoft`).
    CombiningMarks,
    /// Letters of another script that look Latin (Cyrillic `о` for `o`).
    LookalikeLetters,
    /// Invisible characters inside the text (zero-width, bidi controls, tags).
    InvisibleChars,
    /// Decorative forms of letters (mathematical bold, circled, small capitals).
    DecorativeLetters,
    /// Letters spaced or dotted apart (`M i c r o s o f t`).
    SpacedLetters,
    /// Digits standing for letters inside a name (`Micr0s0ft`).
    DigitsForLetters,
}

impl DisguiseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DisguiseKind::HiddenText => "hidden_text",
            DisguiseKind::SplitWord => "split_word",
            DisguiseKind::Reversed => "reversed",
            DisguiseKind::GeneratedContent => "generated_content",
            DisguiseKind::CombiningMarks => "combining_marks",
            DisguiseKind::LookalikeLetters => "lookalike_letters",
            DisguiseKind::InvisibleChars => "invisible_chars",
            DisguiseKind::DecorativeLetters => "decorative_letters",
            DisguiseKind::SpacedLetters => "spaced_letters",
            DisguiseKind::DigitsForLetters => "digits_for_letters",
        }
    }
}

/// A disguise and the text it touches, as written (for evidence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Disguise {
    pub kind: DisguiseKind,
    /// The words as the reader sees them (a split word whole, reversed text displayed).
    pub text: String,
}

/// What the message claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    /// Not a Microsoft code or account-security mail.
    None,
    SecurityCode,
    SingleUseCode,
    PasswordReset,
    SignInAlert,
    OtherAccountAlert,
}

impl Claim {
    /// Claims that carry (or pretend to carry) a code: the ones the history counts.
    pub fn is_code(self) -> bool {
        matches!(self, Claim::SecurityCode | Claim::SingleUseCode | Claim::PasswordReset)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Claim::None => "none",
            Claim::SecurityCode => "security_code",
            Claim::SingleUseCode => "single_use_code",
            Claim::PasswordReset => "password_reset",
            Claim::SignInAlert => "sign_in_alert",
            Claim::OtherAccountAlert => "other_account_alert",
        }
    }
}

/// The verdict's level, ordered from harmless to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Not a Microsoft claim: nothing to say.
    None,
    /// Proven by authentication in the raw source.
    Genuine,
    /// Everything visible matches genuine Microsoft mail, but nothing proves it.
    Unverified,
    Suspicious,
    Dangerous,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Genuine => "genuine",
            Level::Unverified => "unverified",
            Level::Suspicious => "suspicious",
            Level::Dangerous => "dangerous",
        }
    }
}

/// How much one reason weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Speaks for the message (a passing DKIM signature of Microsoft's).
    Good,
    /// Worth knowing, decides nothing.
    Info,
    /// Makes the message suspicious.
    Warning,
    /// Makes the message dangerous.
    Danger,
}

/// Where a piece of evidence was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    Sender,
    Subject,
    Body,
    Link,
    Attachment,
    Header,
    Limit,
}

/// The exact evidence behind a reason: which header, which link, which words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub source: EvidenceSource,
    /// The header name, or the link index, or the field ("display name").
    pub location: String,
    /// The exact text found there.
    pub value: String,
}

/// Shorthand for building evidence.
pub fn evidence(source: EvidenceSource, location: impl Into<String>, value: impl Into<String>) -> Evidence {
    Evidence { source, location: location.into(), value: clip(&value.into()) }
}

/// Evidence values are shown to people: cut long ones at a char boundary.
fn clip(value: &str) -> String {
    const MAX: usize = 200;
    match value.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

/// One reason for the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// Stable id (`sender.lookalike_domain`); the extension translates by it.
    pub id: String,
    pub severity: Severity,
    /// Plain English sentence; the extension prefers its translation of `id`.
    pub message: String,
    pub evidence: Vec<Evidence>,
}

/// What the page should do with a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkAction {
    /// An official Microsoft page: leave it.
    Keep,
    /// Anything else: disable it when the message is suspicious or dangerous.
    Block,
}

/// The judgement of one link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkVerdict {
    pub index: usize,
    pub action: LinkAction,
    /// The target after every known wrapper was undone.
    pub target: String,
    /// The target's host, lower-case; empty for `mailto:` and the like.
    pub host: String,
    /// Ids of the reasons this link contributed.
    pub reasons: Vec<String>,
}

/// An official Microsoft page to use instead of the message's links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfficialPage {
    /// Stable id (`recent_activity`); the extension translates the title by it.
    pub id: &'static str,
    pub title: &'static str,
    pub url: &'static str,
}

/// The analyzer's answer for one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub claim: Claim,
    pub level: Level,
    /// The code the message carries, if any.
    pub code: Option<String>,
    pub reasons: Vec<Reason>,
    pub links: Vec<LinkVerdict>,
    /// The pages to offer instead of the message's links (empty when `level` is `None`).
    pub official_pages: Vec<OfficialPage>,
}
