//! The verdict: one level from the claim and the reasons.
//!
//! The rule is deliberately simple so a person can follow it: any danger reason makes
//! the message dangerous, any warning makes it suspicious; otherwise it is genuine only
//! when the raw source proves it (a `Good` reason from authentication), else unverified.

use std::collections::HashSet;

use crate::findings::{Context, Findings};
use crate::model::{Claim, Level, LinkAction, LinkVerdict, Severity, Verdict};
use crate::tables::official_pages;

pub fn decide(ctx: &Context, findings: Findings) -> Verdict {
    let claim = ctx.claim.kind;
    if claim == Claim::None {
        return Verdict {
            claim,
            level: Level::None,
            code: None,
            reasons: Vec::new(),
            links: Vec::new(),
            official_pages: Vec::new(),
        };
    }
    let Findings { mut reasons, links } = findings;
    let level = match reasons.iter().map(|r| r.severity).max() {
        Some(Severity::Danger) => Level::Dangerous,
        Some(Severity::Warning) => Level::Suspicious,
        _ if reasons.iter().any(|r| r.severity == Severity::Good) => Level::Genuine,
        _ => Level::Unverified,
    };
    // Worst first, so the banner leads with what matters.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.severity));
    Verdict {
        claim,
        level,
        code: ctx.claim.code.clone(),
        reasons,
        links: complete_links(ctx, links),
        official_pages: official_pages::FOR_BANNER.to_vec(),
    }
}

/// Every input link gets a judgement; one no rule kept is blocked.
fn complete_links(ctx: &Context, mut judged: Vec<LinkVerdict>) -> Vec<LinkVerdict> {
    let known: HashSet<usize> = judged.iter().map(|j| j.index).collect();
    for link in &ctx.input.links {
        if !known.contains(&link.index) {
            judged.push(LinkVerdict {
                index: link.index,
                action: LinkAction::Block,
                target: link.href.clone(),
                host: String::new(),
                reasons: Vec::new(),
            });
        }
    }
    judged.sort_by_key(|j| j.index);
    judged
}
