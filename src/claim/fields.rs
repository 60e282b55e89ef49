//! The message's fields as the rules read them: each folded once ([`crate::text::fold`])
//! and scanned once for every phrase of every table ([`super::phrases`]).

use crate::model::{evidence, Evidence, EvidenceSource, MessageInput};
use crate::text::cut;
use crate::text::fold::{fold_with, Folded};
use crate::text::phrases::{Hits, PhraseId};

use super::phrases::{phrases, Table};

/// Bytes of a display name and a subject read at most: real ones are short.
const MAX_NAME_BYTES: usize = 1024;
const MAX_SUBJECT_BYTES: usize = 4096;

/// One folded field of the message, its phrase matches, and where its evidence comes from.
pub struct Field<'a> {
    pub folded: Folded<'a>,
    pub hits: Hits,
    pub source: EvidenceSource,
    pub location: &'static str,
}

impl<'a> Field<'a> {
    /// Folds and scans a text. `skip_addresses` blanks out URLs and e-mail addresses.
    pub fn new(text: &'a str, skip_addresses: bool, source: EvidenceSource, location: &'static str) -> Self {
        let folded = fold_with(text, skip_addresses, Some(&phrases().vocabulary));
        let hits = phrases().dictionary.scan(&folded.text);
        Field { folded, hits, source, location }
    }

    pub fn evidence(&self, start: usize, end: usize) -> Evidence {
        evidence(self.source, self.location, self.folded.original(start, end))
    }

    /// Every match of one phrase in this field.
    pub fn matches(&self, id: PhraseId) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.hits.of(id)
    }
}

/// The display name, subject, visible body and image text, folded (the body cut at the cap).
pub struct Fields<'a> {
    pub name: Field<'a>,
    pub subject: Field<'a>,
    pub body: Field<'a>,
    /// Images' alt/title text: shown where images are blocked, so read like the body.
    pub image: Field<'a>,
}

impl<'a> Fields<'a> {
    pub fn new(input: &'a MessageInput) -> Self {
        Fields {
            name: Field::new(
                cut(&input.sender_name, MAX_NAME_BYTES),
                false,
                EvidenceSource::Sender,
                "display name",
            ),
            subject: Field::new(
                cut(&input.subject, MAX_SUBJECT_BYTES),
                true,
                EvidenceSource::Subject,
                "subject",
            ),
            body: Field::new(&input.body_text, true, EvidenceSource::Body, "body"),
            image: Field::new(&input.image_text, true, EvidenceSource::Body, "image text"),
        }
    }

    /// Subject first, then body and image text: where wording is looked for.
    pub fn texts(&self) -> [&Field<'a>; 3] {
        [&self.subject, &self.body, &self.image]
    }

    pub fn all(&self) -> [&Field<'a>; 4] {
        [&self.name, &self.subject, &self.body, &self.image]
    }
}

impl<T: Copy> Table<T> {
    /// The first entry (in table order) found in the field, with its first match.
    pub fn first_in(&self, field: &Field) -> Option<(T, usize, usize)> {
        self.entries.iter().find_map(|&(id, v)| field.hits.first(id).map(|(s, e)| (v, s, e)))
    }

    /// Every entry found in the field, in table order, each with its first match.
    pub fn all_in<'s>(&'s self, field: &'s Field) -> impl Iterator<Item = (T, usize, usize)> + 's {
        self.entries.iter().filter_map(move |&(id, v)| field.hits.first(id).map(|(s, e)| (v, s, e)))
    }

    /// The first match of each entry found in the fields that no negation comes right
    /// before (or, for languages that put it after the verb, right after): "never share
    /// the code" is no ask. At most `limit`.
    pub fn unnegated_in(&self, fields: &[&Field], limit: usize) -> Vec<Evidence> {
        let mut found = Vec::new();
        for field in fields {
            for &(id, _) in &self.entries {
                if let Some((start, end)) = field.matches(id).find(|&(s, e)| !negated(field, s, e)) {
                    found.push(field.evidence(start, end));
                }
                if found.len() >= limit {
                    return found;
                }
            }
        }
        found
    }

    /// Whether an entry's match starts within the folded range `from..to` of the field.
    pub fn any_between(&self, field: &Field, from: usize, to: usize) -> bool {
        self.entries.iter().any(|&(id, _)| field.hits.first_between(id, from, to).is_some())
    }
}

/// Whether a negation sits in the few words before `start` (40 chars) or, for languages
/// that put it after the verb, the few characters after `end` (12).
fn negated(field: &Field, start: usize, end: usize) -> bool {
    let p = phrases();
    let text = &field.folded.text;
    let before = start - tail_chars(&text[..start], 40).len();
    let after = end + head_chars(&text[end..], 12).len();
    p.negations.any_between(field, before, start) || p.negations_after.any_between(field, end, after)
}

fn tail_chars(s: &str, n: usize) -> &str {
    let at = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &s[at..]
}

fn head_chars(s: &str, n: usize) -> &str {
    let at = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..at]
}
