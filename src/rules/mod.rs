//! The rules. Each module judges one kind of evidence and adds reasons to [`Findings`].

pub mod auth;
pub mod content;
pub mod links;
pub mod sender;

use crate::findings::{Context, Findings};

/// Runs every rule; rules only run on messages that make a Microsoft claim.
pub fn run_all(ctx: &Context, out: &mut Findings) {
    if ctx.claim.kind == crate::model::Claim::None {
        return;
    }
    sender::check(ctx, out);
    links::check(ctx, out);
    content::check(ctx, out);
    auth::check(ctx, out);
}
