//! The generator of `src/text/unicode_table.rs`, and the proof that the checked-in table is
//! exactly what it generates from the Unicode data.
//!
//! Inputs (what `build.sh test` installs): Debian's `unicode-data` package in
//! /usr/share/unicode and the `unicode-security` crate (a dev-dependency) for confusables.
//! `CODEGUARD_WRITE_TABLES=1 cargo test --test unicode_table` rewrites the table.

mod emit;
mod rules;
mod ucd;

use std::path::Path;
use std::sync::OnceLock;

use codeguard::text::unicode;

const TABLE: &str = "src/text/unicode_table.rs";

/// The fold map and the table text, generated once for both tests.
fn generated() -> &'static (rules::FoldMap, String) {
    static GENERATED: OnceLock<(rules::FoldMap, String)> = OnceLock::new();
    GENERATED.get_or_init(generate)
}

fn generate() -> (rules::FoldMap, String) {
    let ucd = ucd::Ucd::load(Path::new(ucd::DIR)).unwrap_or_else(|e| panic!("{e}"));
    let (major, minor, patch) = unicode_security::UNICODE_VERSION;
    let version = format!(
        "UCD {} (Debian unicode-data: UnicodeData, DerivedCoreProperties, Scripts); \
         confusables {major}.{minor}.{patch} (unicode-security crate)",
        ucd.version
    );
    let map = rules::Rules::new(&ucd).fold_map();
    let text = emit::render(&map, &version);
    (map, text)
}

#[test]
fn checked_in_table_is_the_generated_one() {
    let (_, generated) = generated();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TABLE);
    if std::env::var_os("CODEGUARD_WRITE_TABLES").is_some_and(|v| v == "1") {
        std::fs::write(&path, generated).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let checked_in =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    if let Some((n, (have, want))) =
        checked_in.lines().zip(generated.lines()).enumerate().find(|(_, (have, want))| have != want)
    {
        panic!(
            "{TABLE} line {} differs from what the Unicode data gives:\n  file:      {have}\n  generated: {want}\n\
             Regenerate it: CODEGUARD_WRITE_TABLES=1 cargo test --test unicode_table",
            n + 1
        );
    }
    assert!(
        &checked_in == generated,
        "{TABLE} differs from what the Unicode data gives (its length or line ends): \
         CODEGUARD_WRITE_TABLES=1 cargo test --test unicode_table"
    );
}

/// Every scalar value through the shipped lookup gives what the rules give: the packing,
/// pool and binary search lose nothing, and `fold_char` is total.
#[test]
fn lookup_agrees_with_the_rules_for_every_char() {
    let (map, _) = generated();
    let mut wrong = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let want = map.get(&(c as u32)).map(|(text, class)| (text.as_str(), *class));
        let have = unicode::fold_char(c);
        if have != want {
            wrong.push(format!("U+{:04X}: table {have:?}, rules {want:?}", c as u32));
        }
    }
    assert!(wrong.is_empty(), "{} chars differ, first: {:?}", wrong.len(), &wrong[..wrong.len().min(10)]);
}
