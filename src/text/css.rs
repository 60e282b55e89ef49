//! A mail's own `<style>` rules, as far as the HTML reader can match them.
//!
//! Selectors: element, `*`, `.class`, `#id` and compounds of them (`td.x#y`), comma lists,
//! descendant and child combinators, and a final `::before` / `::after`. Anything else
//! (attributes, pseudo-classes, sibling combinators) drops that selector: a rule the reader
//! cannot match exactly is not guessed at. Rules rank by specificity, then source order;
//! `!important` is ignored (a priority detail the hiding tricks do not need).
//!
//! `@media` blocks apply only when their query names no feature (`screen`, `all`): the
//! reader renders the default view (a wide, light screen), so dark-mode, mobile and print
//! rules are skipped — applying them would mix two renderings (dark backgrounds from one,
//! dark text from the other) and hide text nobody hides. Other at-rules are skipped.
//!
//! Bounded: at most [`MAX_SELECTORS`] selectors of [`MAX_COMPOUNDS`] parts, and a total
//! matching budget per scan ([`MATCH_BUDGET`] compound tests), after which only inline
//! styles apply.

use rustc_hash::FxHashMap;

use super::style::{find_outside, split_outside, Style};

/// Selectors kept at most (comma lists count each).
pub const MAX_SELECTORS: usize = 2_000;
/// Compounds in one selector at most; longer selectors are dropped.
const MAX_COMPOUNDS: usize = 8;
/// Classes in one compound at most.
const MAX_CLASSES: usize = 4;
/// Classes of one element looked at.
const MAX_ELEMENT_CLASSES: usize = 32;
/// Longest name (element, class, id) a selector may hold.
const MAX_NAME: usize = 64;
/// Compound tests per scan: hostile sheets and trees stop being matched, never stall.
pub const MATCH_BUDGET: u32 = 1_000_000;

/// What an element offers to selectors (values as written).
#[derive(Debug, Clone, Copy, Default)]
pub struct Node<'a> {
    pub name: &'a str,
    pub id: &'a str,
    pub class: &'a str,
}

/// Which box a rule styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pseudo {
    None,
    Before,
    After,
}

/// One compound selector, names lower-cased (mail is matched case-insensitively: most of it
/// renders in quirks mode).
#[derive(Debug, Default)]
struct Compound {
    tag: Option<Box<str>>,
    id: Option<Box<str>>,
    classes: Vec<Box<str>>,
}

#[derive(Debug)]
struct Selector {
    /// Rightmost first; `child[i]` says whether compound `i` must be the parent of the
    /// element compound `i - 1` matched (else any ancestor).
    compounds: Vec<Compound>,
    child: Vec<bool>,
    pseudo: Pseudo,
    /// (ids, classes, elements), packed so that comparing numbers compares specificity.
    specificity: u32,
    /// Index into the sheet's declaration blocks.
    style: u32,
}

/// The style sheet of one message.
#[derive(Debug, Default)]
pub struct Sheet {
    styles: Vec<Style>,
    /// Sorted by (specificity, source order) once [`Sheet::finish`] has run.
    selectors: Vec<Selector>,
    by_tag: FxHashMap<Box<str>, Vec<u32>>,
    by_class: FxHashMap<Box<str>, Vec<u32>>,
    by_id: FxHashMap<Box<str>, Vec<u32>>,
    any: Vec<u32>,
    candidates: Vec<u32>,
    budget: u32,
}

/// The declarations rules give one element and its pseudo-elements.
#[derive(Debug, Default)]
pub struct Matched {
    pub before: Option<Style>,
    pub after: Option<Style>,
}

impl Sheet {
    /// Reads one `<style>` block's text.
    pub fn add(&mut self, css: &str) {
        let mut rest = css;
        let mut in_media = false;
        loop {
            rest = skip_space_and_comments(rest);
            let Some(first) = rest.bytes().next() else { return };
            if first == b'}' {
                // The end of an applied `@media` block (or a stray brace).
                in_media = false;
                rest = &rest[1..];
                continue;
            }
            let Some(open) = find_outside(rest, b'{') else { return };
            let prelude = rest[..open].trim();
            // A `;` before the `{` ends a block-less at-rule (`@import …;`) or junk.
            if let Some(semi) = find_outside(prelude, b';') {
                rest = &rest[semi + 1..];
                continue;
            }
            let body_start = open + 1;
            if let Some(at_rule) = prelude.strip_prefix('@') {
                if !in_media && media_applies(at_rule) {
                    in_media = true;
                    rest = &rest[body_start..];
                } else {
                    rest = &rest[body_start + block_end(&rest[body_start..])..];
                }
                continue;
            }
            let end = body_start + find_outside(&rest[body_start..], b'}').unwrap_or(rest.len() - body_start);
            self.rule(prelude, &rest[body_start..end]);
            rest = rest.get(end + 1..).unwrap_or("");
        }
    }

    fn rule(&mut self, prelude: &str, block: &str) {
        if self.selectors.len() >= MAX_SELECTORS {
            return;
        }
        let style = Style::parse(block);
        if style.is_empty() {
            return;
        }
        let index = self.styles.len() as u32;
        let mut any = false;
        for text in split_outside(prelude, b',') {
            if self.selectors.len() >= MAX_SELECTORS {
                break;
            }
            if let Some(mut selector) = parse_selector(text) {
                selector.style = index;
                self.selectors.push(selector);
                any = true;
            }
        }
        if any {
            self.styles.push(style);
        }
    }

    /// Ranks the rules and indexes them by their rightmost compound's most telling part.
    pub fn finish(&mut self) {
        // A stable sort keeps source order among equal specificity.
        self.selectors.sort_by_key(|s| s.specificity);
        for (i, selector) in self.selectors.iter().enumerate() {
            let key = &selector.compounds[0];
            let i = i as u32;
            if let Some(id) = &key.id {
                self.by_id.entry(id.clone()).or_default().push(i);
            } else if let Some(class) = key.classes.first() {
                self.by_class.entry(class.clone()).or_default().push(i);
            } else if let Some(tag) = &key.tag {
                self.by_tag.entry(tag.clone()).or_default().push(i);
            } else {
                self.any.push(i);
            }
        }
        self.budget = MATCH_BUDGET;
    }

    pub fn is_empty(&self) -> bool {
        self.selectors.is_empty()
    }

    /// Applies the rules matching `node` (whose open ancestors are `ancestors`, nearest
    /// last) over `style`, in cascade order; pseudo-element rules go to `matched`.
    pub fn apply<'n, N: AsRef<Node<'n>>>(
        &mut self,
        node: &Node<'_>,
        ancestors: &[N],
        style: &mut Style,
    ) -> Matched {
        let mut matched = Matched::default();
        if self.selectors.is_empty() || self.budget == 0 {
            return matched;
        }
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        let mut buf = [0u8; MAX_NAME];
        let mut lists = 0;
        let mut take = |list: Option<&Vec<u32>>| {
            if let Some(list) = list.filter(|l| !l.is_empty()) {
                candidates.extend(list);
                lists += 1;
            }
        };
        take(lower(node.name, &mut buf).and_then(|tag| self.by_tag.get(tag)));
        take(lower(node.id, &mut buf).and_then(|id| self.by_id.get(id)));
        for class in node.class.split_ascii_whitespace().take(MAX_ELEMENT_CLASSES) {
            take(lower(class, &mut buf).and_then(|c| self.by_class.get(c)));
        }
        take(Some(&self.any));
        // Each list is in cascade order already; only several need merging.
        if lists > 1 {
            candidates.sort_unstable();
            candidates.dedup();
        }
        for &i in &candidates {
            let selector = &self.selectors[i as usize];
            if !matches(selector, node, ancestors, &mut self.budget) {
                continue;
            }
            let declared = &self.styles[selector.style as usize];
            match selector.pseudo {
                Pseudo::None => style.merge(declared),
                Pseudo::Before => matched.before.get_or_insert_with(Style::default).merge(declared),
                Pseudo::After => matched.after.get_or_insert_with(Style::default).merge(declared),
            }
        }
        self.candidates = candidates;
        matched
    }
}

/// Right to left: the element, then for each further compound the parent (child
/// combinator) or the nearest ancestor that fits (descendant). Each compound test costs
/// one unit of `budget`; an empty budget matches nothing.
fn matches<'n, N: AsRef<Node<'n>>>(
    selector: &Selector,
    node: &Node<'_>,
    ancestors: &[N],
    budget: &mut u32,
) -> bool {
    let mut spend = || {
        *budget = budget.saturating_sub(1);
        *budget > 0
    };
    if !spend() || !fits(&selector.compounds[0], node) {
        return false;
    }
    let mut above = ancestors.len();
    for (compound, &child) in selector.compounds.iter().zip(&selector.child).skip(1) {
        loop {
            if above == 0 || !spend() {
                return false;
            }
            above -= 1;
            if fits(compound, ancestors[above].as_ref()) {
                break;
            }
            if child {
                return false;
            }
        }
    }
    true
}

/// Whether one compound fits an element.
fn fits(compound: &Compound, node: &Node<'_>) -> bool {
    compound.tag.as_deref().is_none_or(|t| t.eq_ignore_ascii_case(node.name))
        && compound.id.as_deref().is_none_or(|id| id.eq_ignore_ascii_case(node.id))
        && compound.classes.iter().all(|want| {
            node.class
                .split_ascii_whitespace()
                .take(MAX_ELEMENT_CLASSES)
                .any(|c| c.eq_ignore_ascii_case(want))
        })
}

/// `name` lower-cased into `buf`; `None` when empty or longer than any selector's name.
fn lower<'b>(name: &str, buf: &'b mut [u8; MAX_NAME]) -> Option<&'b str> {
    let out = buf.get_mut(..name.len()).filter(|o| !o.is_empty())?;
    out.copy_from_slice(name.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Whether an at-rule's block applies: `@media` with a query that names no feature.
fn media_applies(at_rule: &str) -> bool {
    at_rule.get(..5).is_some_and(|name| name.eq_ignore_ascii_case("media")) && query_applies(&at_rule[5..])
}

/// Whether a media query (of `@media` or a `media` attribute) holds for the default view:
/// a list naming `screen` or `all` and no feature.
pub fn query_applies(query: &str) -> bool {
    !query.contains('(')
        && query.split(',').any(|q| {
            let q = q.trim();
            let q = q.strip_prefix("only ").unwrap_or(q).trim();
            q.eq_ignore_ascii_case("screen") || q.eq_ignore_ascii_case("all")
        })
}

/// Where the block whose `{` was just passed ends (after its `}`), nested blocks included.
fn block_end(s: &str) -> usize {
    let mut depth = 1usize;
    let mut rest = s;
    let mut consumed = 0;
    loop {
        let open = find_outside(rest, b'{');
        let close = find_outside(rest, b'}');
        let (at, opens) = match (open, close) {
            (Some(o), Some(c)) if o < c => (o, true),
            (_, Some(c)) => (c, false),
            (Some(o), None) => (o, true),
            (None, None) => return s.len(),
        };
        consumed += at + 1;
        rest = &rest[at + 1..];
        if opens {
            depth += 1;
        } else {
            depth -= 1;
            if depth == 0 {
                return consumed;
            }
        }
    }
}

fn skip_space_and_comments(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        if let Some(after) = s.strip_prefix("/*") {
            s = after.find("*/").map_or("", |end| &after[end + 2..]);
        } else if let Some(after) = s.strip_prefix("<!--").or_else(|| s.strip_prefix("-->")) {
            // The old hiding of style text from ancient browsers.
            s = after;
        } else {
            return s;
        }
    }
}

/// One selector of a comma list; `None` for the kinds this reader does not match.
fn parse_selector(text: &str) -> Option<Selector> {
    let mut compounds = Vec::new();
    let mut child = Vec::new();
    let mut pseudo = Pseudo::None;
    let mut next_is_child = false;
    let mut rest = text.trim();
    while !rest.is_empty() {
        if pseudo != Pseudo::None {
            // A pseudo-element ends the selector.
            return None;
        }
        if let Some(after) = rest.strip_prefix('>') {
            if compounds.is_empty() || next_is_child {
                return None;
            }
            next_is_child = true;
            rest = after.trim_start();
            continue;
        }
        let end = rest.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(rest.len());
        let (compound, found) = parse_compound(&rest[..end])?;
        pseudo = found;
        compounds.push(compound);
        child.push(next_is_child);
        next_is_child = false;
        rest = rest[end..].trim_start();
    }
    if compounds.is_empty() || next_is_child || compounds.len() > MAX_COMPOUNDS {
        return None;
    }
    // `child[i]` belongs to the link between compound i-1 (left) and i: flip both to read
    // right to left, where `child[i]` then says compound i must be the parent.
    compounds.reverse();
    let mut links: Vec<bool> = child[1..].to_vec();
    links.reverse();
    let mut child = vec![false];
    child.extend(links);
    let (mut ids, mut classes, mut tags) = (0u32, 0u32, 0u32);
    for c in &compounds {
        ids += u32::from(c.id.is_some());
        classes += c.classes.len() as u32;
        tags += u32::from(c.tag.is_some());
    }
    tags += u32::from(pseudo != Pseudo::None);
    let specificity = (ids.min(255) << 16) | (classes.min(255) << 8) | tags.min(255);
    Some(Selector { compounds, child, pseudo, specificity, style: 0 })
}

/// One compound (`td.a.b#c::before`) and its pseudo-element, if any.
fn parse_compound(text: &str) -> Option<(Compound, Pseudo)> {
    let mut compound = Compound::default();
    let mut rest = text;
    if let Some(after) = rest.strip_prefix('*') {
        rest = after;
    } else {
        let (name, after) = ident(rest);
        if !name.is_empty() {
            compound.tag = Some(name.to_ascii_lowercase().into());
        } else if !after.starts_with(['.', '#', ':']) {
            // Nothing a compound can start with (a stray combinator, an attribute).
            return None;
        }
        rest = after;
    }
    while let Some(first) = rest.bytes().next() {
        match first {
            b'.' | b'#' => {
                let (name, after) = ident(&rest[1..]);
                if name.is_empty() {
                    return None;
                }
                let name: Box<str> = name.to_ascii_lowercase().into();
                if first == b'.' {
                    if compound.classes.len() == MAX_CLASSES {
                        return None;
                    }
                    compound.classes.push(name);
                } else if compound.id.replace(name).is_some() {
                    return None;
                }
                rest = after;
            }
            b':' => {
                let name = rest.trim_start_matches(':');
                let pseudo = if name.eq_ignore_ascii_case("before") {
                    Pseudo::Before
                } else if name.eq_ignore_ascii_case("after") {
                    Pseudo::After
                } else {
                    return None;
                };
                return Some((compound, pseudo));
            }
            _ => return None,
        }
    }
    Some((compound, Pseudo::None))
}

/// A CSS identifier at the start of `s` (ASCII letters, digits, `-`, `_`, any non-ASCII),
/// and the rest; an identifier longer than [`MAX_NAME`] or with an escape is not one.
fn ident(s: &str) -> (&str, &str) {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii()))
        .unwrap_or(s.len());
    if end > MAX_NAME || s[end..].starts_with('\\') {
        return ("", s);
    }
    s.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::style::Display;

    struct Open<'a>(Node<'a>);

    impl<'a> AsRef<Node<'a>> for Open<'a> {
        fn as_ref(&self) -> &Node<'a> {
            &self.0
        }
    }

    fn node<'a>(name: &'a str, id: &'a str, class: &'a str) -> Node<'a> {
        Node { name, id, class }
    }

    fn sheet(css: &str) -> Sheet {
        let mut sheet = Sheet::default();
        sheet.add(css);
        sheet.finish();
        sheet
    }

    /// The display the sheet gives `path`'s last element (the others are its ancestors).
    fn display(sheet: &mut Sheet, path: &[Node<'_>]) -> Option<Display> {
        let (last, ancestors) = path.split_last().expect("a path");
        let ancestors: Vec<Open> = ancestors.iter().map(|n| Open(*n)).collect();
        let mut style = Style::default();
        sheet.apply(last, &ancestors, &mut style);
        style.display
    }

    #[test]
    fn selectors_parse_into_compounds_right_to_left() {
        let s = parse_selector("DIV.a#B > p  .c.d::before").expect("supported");
        assert_eq!(s.compounds.len(), 3);
        assert_eq!(s.compounds[0].classes, vec![Box::from("c"), Box::from("d")]);
        assert_eq!(s.compounds[1].tag.as_deref(), Some("p"));
        assert_eq!(s.compounds[2].tag.as_deref(), Some("div"));
        assert_eq!(s.compounds[2].id.as_deref(), Some("b"));
        assert_eq!(s.child, vec![false, false, true]);
        assert_eq!(s.pseudo, Pseudo::Before);
        assert_eq!(s.specificity, (1 << 16) | (3 << 8) | 3);
        assert_eq!(parse_selector("*").map(|s| s.specificity), Some(0));
        assert!(parse_selector("*.x:after").is_some_and(|s| s.pseudo == Pseudo::After));
        for unsupported in [
            "a:hover",
            "a[href]",
            "p + p",
            "p ~ p",
            "> p",
            "p >",
            "p > > b",
            "::before p",
            "a\\:b",
            "#a#b",
            ".",
            "p:not(.x)",
        ] {
            assert!(parse_selector(unsupported).is_none(), "{unsupported}");
        }
    }

    #[test]
    fn descendant_and_child_combinators_match_as_in_browsers() {
        let mut s = sheet(".box p { display:none } table > .c { display:inline }");
        let box_ = node("div", "", "box");
        let p = node("P", "", "");
        let span = node("span", "", "");
        assert_eq!(display(&mut s, &[box_, span, p]), Some(Display::None));
        assert_eq!(display(&mut s, &[span, p]), None);
        let table = node("table", "", "");
        let c = node("td", "", "x c");
        assert_eq!(display(&mut s, &[table, c]), Some(Display::Inline));
        assert_eq!(display(&mut s, &[table, span, c]), None, "a child combinator wants the parent");
    }

    #[test]
    fn cascade_order_is_specificity_then_source_order() {
        let mut s =
            sheet("#i { display:none } .c { display:inline } div { display:block } .c { display:block }");
        assert_eq!(display(&mut s, &[node("div", "I", "c")]), Some(Display::None));
        assert_eq!(display(&mut s, &[node("div", "", "c")]), Some(Display::Block));
        assert_eq!(display(&mut s, &[node("div", "", "")]), Some(Display::Block));
    }

    #[test]
    fn at_rules_apply_only_for_the_default_screen() {
        assert!(query_applies(" screen"));
        assert!(query_applies("only screen"));
        assert!(query_applies("print, ALL"));
        assert!(!query_applies("screen and (max-width: 600px)"));
        assert!(!query_applies("(prefers-color-scheme: dark)"));
        assert!(!query_applies("print"));
        let mut s = sheet(
            "@font-face { font-family: x; src: url('a}b') } @supports (display:grid) { .a { display:none } } \
             @media screen { .b { display:none } @media print { .b { display:block } } } \
             /* it's a comment */ .c { /* don't */ display:none }",
        );
        assert_eq!(display(&mut s, &[node("p", "", "a")]), None);
        assert_eq!(display(&mut s, &[node("p", "", "b")]), Some(Display::None));
        assert_eq!(display(&mut s, &[node("p", "", "c")]), Some(Display::None));
    }

    #[test]
    fn rules_that_set_nothing_read_here_are_dropped() {
        let s = sheet("p { margin:0; font-family:Arial } .a, .b { color:red }");
        assert_eq!(s.selectors.len(), 2);
        assert_eq!(s.styles.len(), 1);
    }

    #[test]
    fn an_empty_budget_matches_nothing_more() {
        let mut s = sheet("p { display:none }");
        assert_eq!(display(&mut s, &[node("p", "", "")]), Some(Display::None));
        s.budget = 0;
        assert_eq!(display(&mut s, &[node("p", "", "")]), None);
    }

    #[test]
    fn the_selector_cap_holds() {
        let s = sheet(&".a { display:none } ".repeat(MAX_SELECTORS + 10));
        assert_eq!(s.selectors.len(), MAX_SELECTORS);
    }
}
