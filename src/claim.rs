//! Claim detection: does this message claim to be a Microsoft code or account-security
//! mail, which kind, in which language, and which code does it carry?

use crate::model::{Claim, Evidence, MessageInput};
use crate::raw::RawFacts;

/// What the message claims, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    pub kind: Claim,
    /// The code next to a known label, if any.
    pub code: Option<String>,
    /// Language tag of the matched wording (`en`, `ja`, …).
    pub language: Option<&'static str>,
    /// The subject / body / label words that made the claim.
    pub evidence: Vec<Evidence>,
}

impl ClaimFacts {
    pub fn none() -> Self {
        ClaimFacts { kind: Claim::None, code: None, language: None, evidence: Vec::new() }
    }
}

/// Detects the claim. (First version: to be replaced by the multilingual tables.)
pub fn detect(_input: &MessageInput, _raw: Option<&RawFacts>) -> ClaimFacts {
    ClaimFacts::none()
}
