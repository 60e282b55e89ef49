//! Every phrase table the claim and content rules read, folded once into one
//! [`Dictionary`]: a field is scanned once, whatever number of tables asks about it.
//! The words themselves are data in `tables/claims.rs` and `tables/claims_content.rs`.

use std::sync::OnceLock;

use crate::model::Claim;
use crate::tables::{claims as t, claims_content as c};
use crate::text::fold::Vocabulary;
use crate::text::phrases::{Dictionary, DictionaryBuilder, PhraseId};

/// Language and kind of a phrase.
pub type Tag = (&'static str, Claim);

/// Phrases of one table with their values, as ids into the [`Dictionary`].
pub struct Table<T> {
    pub entries: Vec<(PhraseId, T)>,
}

/// All the tables, and the dictionary they share.
pub struct Phrases {
    pub dictionary: Dictionary,
    /// The words of every phrase: what spaced-apart letters and digits may spell.
    pub vocabulary: Vocabulary,
    pub microsoft: Table<()>,
    pub products: Table<()>,
    pub form_products: Table<()>,
    pub file_products: Table<()>,
    pub account: Table<&'static str>,
    pub teams: Table<&'static str>,
    pub subjects: Table<Tag>,
    pub templates: Table<Tag>,
    pub labels: Table<Tag>,
    pub generic_labels: Table<()>,
    pub kind_words: Table<Tag>,
    pub lures: Table<&'static str>,
    pub subject_events: Table<&'static str>,
    pub generic_lures: Table<&'static str>,
    pub login_form: Table<()>,
    pub share: Table<()>,
    pub long_code: Table<()>,
    pub asks_code: Table<&'static str>,
    pub asks_password: Table<&'static str>,
    pub call: Table<&'static str>,
    pub urgency: Table<&'static str>,
    pub negations: Table<()>,
    pub negations_after: Table<()>,
    pub scam_brands: Table<()>,
    pub scam_words: Table<()>,
    /// The subject template of Microsoft's Entra verification mail (its tenant-name scam).
    pub tenant_template: PhraseId,
}

impl Phrases {
    /// The phrases that name Microsoft: its name, its products, its teams, its account.
    pub fn names(&self) -> impl Iterator<Item = PhraseId> + '_ {
        self.microsoft
            .entries
            .iter()
            .map(|e| e.0)
            .chain(self.products.entries.iter().map(|e| e.0))
            .chain(self.teams.entries.iter().map(|e| e.0))
            .chain(self.account.entries.iter().map(|e| e.0))
    }
}

pub fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut b = DictionaryBuilder::default();
        let plain = |b: &mut DictionaryBuilder, items: &[&str]| Table {
            entries: items.iter().map(|p| (b.add(p), ())).collect(),
        };
        let langs = |b: &mut DictionaryBuilder, items: &[t::LangPhrase]| Table {
            entries: items.iter().map(|p| (b.add(p.text), p.lang)).collect(),
        };
        let kinds = |b: &mut DictionaryBuilder, items: &[t::KindPhrase]| Table {
            entries: items.iter().map(|p| (b.add(p.text), (p.lang, p.kind))).collect(),
        };
        let microsoft = plain(&mut b, t::MICROSOFT);
        let products = plain(&mut b, t::PRODUCTS);
        let form_products = plain(&mut b, t::FORM_PRODUCTS);
        let file_products = plain(&mut b, t::FILE_PRODUCTS);
        let account = langs(&mut b, t::ACCOUNT_PHRASES);
        let teams = langs(&mut b, t::TEAM_NAMES);
        let subjects = kinds(&mut b, t::SUBJECTS);
        let templates = kinds(&mut b, t::TEMPLATES);
        let labels = kinds(&mut b, t::CODE_LABELS);
        let generic_labels = plain(&mut b, t::GENERIC_CODE_LABELS);
        let kind_words = kinds(&mut b, t::KIND_WORDS);
        let lures = langs(&mut b, t::LURE_WORDS);
        let subject_events = langs(&mut b, t::SUBJECT_EVENTS);
        let generic_lures = langs(&mut b, t::GENERIC_LURE_WORDS);
        let login_form = plain(&mut b, t::LOGIN_FORM);
        let share = plain(&mut b, t::SHARE_PHRASES);
        let long_code = plain(&mut b, t::LONG_CODE_CONTEXT);
        let asks_code = langs(&mut b, c::ASKS_FOR_CODE);
        let asks_password = langs(&mut b, c::ASKS_FOR_PASSWORD);
        let call = langs(&mut b, c::CALL_WORDS);
        let urgency = langs(&mut b, c::URGENCY);
        let negations = plain(&mut b, c::NEGATIONS);
        let negations_after = plain(&mut b, c::NEGATIONS_AFTER);
        let scam_brands = plain(&mut b, c::SCAM_BRANDS);
        let scam_words = plain(&mut b, c::SCAM_WORDS);
        let tenant_template = b.add(c::TENANT_SUBJECT_TEMPLATE);
        let dictionary = b.build();
        Phrases {
            vocabulary: Vocabulary::new(dictionary.texts()),
            dictionary,
            microsoft,
            products,
            form_products,
            file_products,
            account,
            teams,
            subjects,
            templates,
            labels,
            generic_labels,
            kind_words,
            lures,
            subject_events,
            generic_lures,
            login_form,
            share,
            long_code,
            asks_code,
            asks_password,
            call,
            urgency,
            negations,
            negations_after,
            scam_brands,
            scam_words,
            tenant_template,
        }
    })
}
