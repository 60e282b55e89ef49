//! The Public Suffix List, vendored as rules only.
//!
//! Source: Debian package `publicsuffix` 20230209.2326-1
//! (`/usr/share/publicsuffix/public_suffix_list.dat`, upstream
//! <https://publicsuffix.org/list/public_suffix_list.dat>, snapshot of 2023-02-09).
//! Licence: Mozilla Public License 2.0 (<https://mozilla.org/MPL/2.0/>); the data file
//! `public_suffix_list.dat` next to this module is that list with its comments and blank
//! lines removed (both the ICANN and the PRIVATE sections are kept: private entries such
//! as `azurewebsites.net`, `web.app` and `vercel.app` are where anyone can get a name).
//! To refresh: `grep -vE '^\s*(//|$)' public_suffix_list.dat | sed 's/[[:space:]].*$//'`.
//!
//! Parsed once on first use by [`crate::domain`]; the extra customer zones Microsoft
//! runs that this snapshot lacks are in [`crate::tables::hosts::EXTRA_SUFFIXES`].

/// One rule per line: `name`, `*.name` (wildcard) or `!name` (exception).
pub const RULES: &str = include_str!("public_suffix_list.dat");
