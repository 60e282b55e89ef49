//! codeguard's core: tells genuine Microsoft security-code mail from fakes.
//!
//! The idea: a message is first read into one [`MessageInput`] (from a webmail page or
//! from raw source), then every rule in [`rules`] adds [`Reason`]s with their evidence,
//! and [`verdict`] turns the claim and the reasons into one [`Level`]. The core knows
//! nothing about browsers: [`wasm`] and the `codeguard` binary are thin shells over it.

pub mod claim;
pub mod domain;
pub mod eval;
pub mod findings;
pub mod history;
pub mod mime;
pub mod model;
pub mod raw;
pub mod rules;
pub mod tables;
pub mod text;
pub mod unread;
pub mod unwrap;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::*;
pub use raw::{RawFacts, ReadError};

use findings::{Context, Findings};

/// Analyzes a message read from a page (with its raw source, when the page could get it).
pub fn analyze(input: &MessageInput) -> Verdict {
    match input.raw_source.as_deref() {
        Some(source) if !source.trim().is_empty() => {
            let facts = raw::read_facts(source.as_bytes());
            judge(input, Some(&facts))
        }
        _ => judge(input, None),
    }
}

/// Analyzes a raw RFC 5322 message (an `.eml` file or pasted source).
pub fn analyze_eml(bytes: &[u8]) -> Result<Verdict, ReadError> {
    let (input, facts) = raw::read(bytes)?;
    Ok(judge(&input, Some(&facts)))
}

/// Builds every table and pattern the analysis uses (the phrase dictionary, the Public
/// Suffix List, the shapes) by judging one small fake, so that the first real message
/// after a page loads does not pay for it. Idempotent and cheap after the first call.
pub fn warm() {
    let input = MessageInput {
        sender_name: "Microsoft account team".into(),
        sender_address: "warm@example.test".into(),
        subject: "Microsoft account security code".into(),
        body_text: "Security code: 123456. Call +1 800 555 0100.".into(),
        links: vec![LinkInput {
            index: 0,
            text: "account.live.com".into(),
            href: "https://example.test/".into(),
            wrapped_href: None,
        }],
        ..MessageInput::default()
    };
    let _ = judge(&input, None);
}

/// The one analysis path shared by pages and files.
fn judge(input: &MessageInput, raw: Option<&RawFacts>) -> Verdict {
    let fields = claim::Fields::new(input);
    let claim = claim::detect_in(&fields, input, raw);
    let ctx = Context { input, raw, claim: &claim, fields: &fields };
    let mut findings = Findings::default();
    rules::run_all(&ctx, &mut findings);
    verdict::decide(&ctx, findings)
}
