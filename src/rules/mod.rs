//! The rules. Each module judges one kind of evidence and adds reasons to [`Findings`].

pub mod auth;
pub mod content;
pub mod disguise;
pub mod links;
pub mod sender;

use crate::findings::{evidence, Context, Findings};
use crate::model::{EvidenceSource, Severity};

/// Runs every rule; rules only run on messages that make a Microsoft claim.
pub fn run_all(ctx: &Context, out: &mut Findings) {
    if ctx.claim.kind == crate::model::Claim::None {
        return;
    }
    // Authentication first: the content rules weigh tone differently once Microsoft is proven.
    auth::check(ctx, out);
    sender::check(ctx, out);
    links::check(ctx, out);
    content::check(ctx, out);
    disguise::check(ctx, out);
    limits(ctx, out);
}

/// Work is bounded; when a cap cut the source, the verdict says so.
fn limits(ctx: &Context, out: &mut Findings) {
    if ctx.raw.is_some_and(|raw| raw.truncated) {
        out.add(
            "limit.source_truncated",
            Severity::Info,
            "The message is very large; only its first part was examined.",
            evidence(EvidenceSource::Limit, "raw source", "cut at the size or header cap"),
        );
    }
}
