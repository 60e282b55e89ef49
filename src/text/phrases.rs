//! Many phrases found at once in a folded text: every phrase of every table goes into one
//! [`Dictionary`] (an Aho-Corasick automaton), and one pass over a text gives all the
//! [`Hits`], grouped by phrase, so asking for any one phrase afterwards is a binary search.
//!
//! Phrases are written in their natural spelling and folded like the text they are
//! looked for in ([`crate::text::fold`]). A phrase matches on word boundaries; a trailing
//! `*` makes it a prefix (`kennwort*` also finds `Kennworts`). Scripts written without
//! spaces have no word boundaries.

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use crate::text::fold::{fold, is_word};

/// Matches kept for one text at most (bounded work on hostile repetition).
const MAX_HITS: usize = 20_000;
/// Matches of one phrase kept at most.
const MAX_PER_PHRASE: u32 = 2_000;

/// A phrase's place in its [`Dictionary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhraseId(u32);

/// A phrase, folded once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phrase {
    pub text: String,
    start_boundary: bool,
    end_boundary: bool,
}

impl Phrase {
    pub fn new(phrase: &str) -> Phrase {
        let (body, prefix) = match phrase.strip_suffix('*') {
            Some(b) => (b, true),
            None => (phrase, false),
        };
        let text = fold(body, false).text;
        let start_boundary = text.chars().next().is_some_and(is_word);
        let end_boundary = !prefix && text.chars().last().is_some_and(is_word);
        Phrase { text, start_boundary, end_boundary }
    }

    /// Whether a match of the text at `start..end` of `hay` stands on its word boundaries.
    fn stands(&self, hay: &str, start: usize, end: usize) -> bool {
        let before_ok = !self.start_boundary || !hay[..start].chars().next_back().is_some_and(is_word);
        let after_ok = !self.end_boundary || !hay[end..].chars().next().is_some_and(is_word);
        before_ok && after_ok
    }
}

/// Collects the phrases of every table, once each.
#[derive(Default)]
pub struct DictionaryBuilder {
    phrases: Vec<Phrase>,
    ids: FxHashMap<Phrase, PhraseId>,
}

impl DictionaryBuilder {
    /// The id of `phrase` (natural spelling), adding it when new.
    pub fn add(&mut self, phrase: &str) -> PhraseId {
        let phrase = Phrase::new(phrase);
        if let Some(&id) = self.ids.get(&phrase) {
            return id;
        }
        let id = PhraseId(self.phrases.len() as u32);
        self.phrases.push(phrase.clone());
        self.ids.insert(phrase, id);
        id
    }

    pub fn build(self) -> Dictionary {
        // Overlapping search needs the standard match semantics. A phrase that folds to
        // nothing would match everywhere: it never matches instead.
        let texts =
            self.phrases.iter().map(|p| if p.text.is_empty() { "\u{0}\u{0}never" } else { p.text.as_str() });
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(texts)
            .expect("phrase tables are small enough for an automaton");
        Dictionary { phrases: self.phrases, ids: self.ids, ac }
    }
}

/// Every phrase of every table, and the automaton that finds them all in one pass.
pub struct Dictionary {
    phrases: Vec<Phrase>,
    ids: FxHashMap<Phrase, PhraseId>,
    ac: AhoCorasick,
}

impl Dictionary {
    /// The id of a phrase (natural spelling), if a table holds it.
    pub fn id(&self, phrase: &str) -> Option<PhraseId> {
        self.ids.get(&Phrase::new(phrase)).copied()
    }

    /// Every phrase's folded text.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.phrases.iter().map(|p| p.text.as_str())
    }

    pub fn phrase(&self, id: PhraseId) -> &Phrase {
        &self.phrases[id.0 as usize]
    }

    /// Every match of every phrase in a folded text, on word boundaries.
    pub fn scan(&self, text: &str) -> Hits {
        let mut hits: Vec<(u32, u32, u32)> = Vec::new();
        let mut per_phrase: FxHashMap<u32, u32> = FxHashMap::default();
        for m in self.ac.find_overlapping_iter(text) {
            let id = m.pattern().as_u32();
            let phrase = &self.phrases[id as usize];
            if !phrase.stands(text, m.start(), m.end()) {
                continue;
            }
            let count = per_phrase.entry(id).or_default();
            if *count >= MAX_PER_PHRASE {
                continue;
            }
            *count += 1;
            hits.push((id, m.start() as u32, m.end() as u32));
            if hits.len() >= MAX_HITS {
                break;
            }
        }
        hits.sort_unstable();
        Hits(hits)
    }
}

/// The matches in one text: `(phrase, start, end)` folded byte ranges, by phrase then place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits(Vec<(u32, u32, u32)>);

impl Hits {
    /// Every match of one phrase, in order.
    pub fn of(&self, id: PhraseId) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from = self.0.partition_point(|&(p, ..)| p < id.0);
        self.0[from..]
            .iter()
            .take_while(move |&&(p, ..)| p == id.0)
            .map(|&(_, s, e)| (s as usize, e as usize))
    }

    pub fn first(&self, id: PhraseId) -> Option<(usize, usize)> {
        self.of(id).next()
    }

    /// The first match of one phrase that starts within `from..to`.
    pub fn first_between(&self, id: PhraseId, from: usize, to: usize) -> Option<(usize, usize)> {
        self.of(id).find(|&(s, _)| s >= from && s < to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_on_word_boundaries_and_prefixes() {
        let mut b = DictionaryBuilder::default();
        let code = b.add("security code");
        let kennwort = b.add("Kennwort*");
        let kana = b.add("セキュリティ コード");
        let again = b.add("SECURITY-CODE");
        assert_eq!(code, again, "one id for one folded phrase");
        let d = b.build();
        let text =
            fold("Your security code: 1; insecurity codex; Kennworts; セキュリティコードは", false).text;
        let hits = d.scan(&text);
        assert_eq!(hits.of(code).count(), 1, "{text}");
        assert!(hits.first(kennwort).is_some());
        assert!(hits.first(kana).is_some());
        let (s, e) = hits.first(code).unwrap();
        assert_eq!(&text[s..e], "security code");
    }

    #[test]
    fn hostile_repetition_is_bounded() {
        let mut b = DictionaryBuilder::default();
        let a = b.add("aa*");
        let d = b.build();
        let text = "aa ".repeat(100_000);
        assert_eq!(d.scan(&text).of(a).count(), MAX_PER_PHRASE as usize);
    }
}
