//! Data tables, each entry with its source. Logic lives elsewhere.

pub mod official_pages;
