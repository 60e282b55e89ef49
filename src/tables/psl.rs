//! The Public Suffix List, vendored as rules only, grouped by parent name.
//!
//! Source: Debian package `publicsuffix` 20230209.2326-1
//! (`/usr/share/publicsuffix/public_suffix_list.dat`, upstream
//! <https://publicsuffix.org/list/public_suffix_list.dat>, snapshot of 2023-02-09).
//! Licence: Mozilla Public License 2.0 (<https://mozilla.org/MPL/2.0/>). Both the ICANN
//! and the PRIVATE sections are kept (private entries such as `azurewebsites.net`,
//! `web.app` and `vercel.app` are where anyone can get a name); comments are dropped.
//!
//! The data file `public_suffix_list.grouped` next to this module holds every rule of
//! that list, written once per parent name to keep the shipped wasm small (the list as
//! sent is 40 KB of the gzipped module, this form 34 KB): one line per parent,
//! `parent:child,child,…`, where a child `x` is the rule `x.parent`, `*x` the rule
//! `*.x.parent` and `!x` the rule `!x.parent`; the top-level names have an empty parent.
//! Lines are sorted by the parent's labels read from the right. To refresh, in a folder
//! holding `public_suffix_list.dat`:
//!
//! ```sh
//! grep -vE "^\s*(//|$)" public_suffix_list.dat | sed "s/[[:space:]].*$//" | awk '{ k = ""; n = $0;
//!   if (n ~ /^\*\./) { k = "*"; n = substr(n, 3) } else if (n ~ /^!/) { k = "!"; n = substr(n, 2) };
//!   d = index(n, "."); c = d ? substr(n, 1, d - 1) : n; p = d ? substr(n, d + 1) : "";
//!   g[p] = (seen[p]++ ? g[p] "," : "") k c }
//!   END { for (p in g) { r = ""; m = split(p, a, "."); for (i = m; i >= 1; i--) r = r (i < m ? "." : "") a[i];
//!   print r "\t" p ":" g[p] } }' | LC_ALL=C sort | cut -f2 > public_suffix_list.grouped
//! ```
//!
//! Parsed once on first use by [`crate::domain`]; the extra customer zones Microsoft
//! runs that this snapshot lacks are in [`crate::tables::hosts::EXTRA_SUFFIXES`].

/// `parent:child,child,…` lines (see the module documentation).
pub const GROUPED_RULES: &str = include_str!("public_suffix_list.grouped");

/// The rules as the list writes them (`name`, `*.name`, `!name`), each with its kind and
/// name split into its first label and the rest: `(kind, first label, parent)`.
pub fn rules() -> impl Iterator<Item = (Kind, &'static str, &'static str)> {
    GROUPED_RULES.lines().flat_map(|line| {
        let (parent, children) = line.split_once(':').unwrap_or(("", ""));
        children.split(',').filter(|c| !c.is_empty()).map(move |child| match child.as_bytes()[0] {
            b'*' => (Kind::Wildcard, &child[1..], parent),
            b'!' => (Kind::Exception, &child[1..], parent),
            _ => (Kind::Exact, child, parent),
        })
    })
}

/// What a rule says about its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `name`: the name is a public suffix.
    Exact,
    /// `*.name`: every name directly under it is a public suffix.
    Wildcard,
    /// `!name`: the name is not a public suffix (though a wildcard says so).
    Exception,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules written back the way the list writes them.
    fn as_written() -> Vec<String> {
        let mut out: Vec<String> = rules()
            .map(|(kind, first, parent)| {
                let name = if parent.is_empty() { first.to_string() } else { format!("{first}.{parent}") };
                match kind {
                    Kind::Exact => name,
                    Kind::Wildcard => format!("*.{name}"),
                    Kind::Exception => format!("!{name}"),
                }
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn grouped_rules_are_whole() {
        let rules = as_written();
        assert_eq!(rules.len(), 9_506);
        for rule in
            ["com", "co.uk", "*.ck", "!www.ck", "azurewebsites.net", "web.app", "*.kawasaki.jp", "公司.cn"]
        {
            assert!(rules.binary_search(&rule.to_string()).is_ok(), "{rule}");
        }
        let mut dedup = rules.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), rules.len(), "no rule twice");
    }

    /// Where Debian's `publicsuffix` package of the same snapshot (20230209, 9 506 rules) is
    /// installed, the grouped table holds exactly its rules.
    #[test]
    fn grouped_rules_match_the_debian_list_when_installed() {
        let Ok(list) = std::fs::read_to_string("/usr/share/publicsuffix/public_suffix_list.dat") else {
            return;
        };
        let mut want: Vec<String> = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
            .collect();
        want.sort();
        want.dedup();
        if want.len() != 9_506 {
            return; // another snapshot
        }
        assert_eq!(as_written(), want);
    }
}
