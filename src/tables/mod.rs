//! Data tables, each entry with its source. Logic lives elsewhere.

pub mod claims;
pub mod claims_content;
pub mod freemail;
pub mod hosts;
pub mod official_pages;
pub mod psl;
pub mod senders;
pub mod shorteners;
