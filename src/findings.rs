//! What the rules see ([`Context`]) and where they put what they find ([`Findings`]).

use crate::claim::{ClaimFacts, Fields};
use crate::model::{Evidence, LinkVerdict, MessageInput, Reason, Severity};

pub use crate::model::evidence;
use crate::raw::RawFacts;

/// The message and what is already known about it, shared by every rule.
pub struct Context<'a> {
    pub input: &'a MessageInput,
    /// Facts from the raw source, when there is one.
    pub raw: Option<&'a RawFacts>,
    pub claim: &'a ClaimFacts,
    /// Display name, subject and body, folded once for claim detection and the rules.
    pub fields: &'a Fields<'a>,
}

/// The reasons and link judgements the rules collect.
#[derive(Debug, Default)]
pub struct Findings {
    pub reasons: Vec<Reason>,
    pub links: Vec<LinkVerdict>,
}

impl Findings {
    /// Adds a reason; the same id found again only adds its evidence.
    pub fn add(&mut self, id: &str, severity: Severity, message: &str, evidence: Evidence) {
        if let Some(existing) = self.reasons.iter_mut().find(|r| r.id == id) {
            if !existing.evidence.contains(&evidence) && existing.evidence.len() < MAX_EVIDENCE {
                existing.evidence.push(evidence);
            }
            existing.severity = existing.severity.max(severity);
            return;
        }
        self.reasons.push(Reason {
            id: id.to_string(),
            severity,
            message: message.to_string(),
            evidence: vec![evidence],
        });
    }

    pub fn has(&self, id: &str) -> bool {
        self.reasons.iter().any(|r| r.id == id)
    }

    pub fn worst(&self) -> Option<Severity> {
        self.reasons.iter().map(|r| r.severity).max()
    }
}

/// Evidence lists stay short: the first few places make the point.
const MAX_EVIDENCE: usize = 8;
