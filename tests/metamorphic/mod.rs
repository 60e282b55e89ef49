//! The metamorphic suite: every fixture of `tests/fixtures/mail/` rebuilt under named
//! transforms (disguises, hiding tricks, encodings, benign changes), each variant judged
//! on both ways into the core, against what `expected.tsv` says of the fixture:
//!
//! - a fake stays suspicious or dangerous whatever it wears;
//! - a genuine mail stays genuine from its raw source (a page without the source can
//!   only say unverified), an unverified one unverified, an ordinary one silent, each
//!   with the claim `expected.tsv` names.
//!
//! Deterministic (no randomness) and built from the fixtures' structured form
//! ([`fixture::Mail`]) by the writer in [`mime`].

pub mod fixture;
pub mod letters;
pub mod mime;
pub mod transforms;
pub mod words;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Instant;

use codeguard::{analyze, analyze_eml, raw, Verdict};

use fixture::{Fixture, Group, Route};
use transforms::Transform;

/// One check that did not hold.
pub struct Failure {
    pub transform: &'static str,
    pub file: String,
    pub route: Route,
    pub got: String,
    pub expected: String,
}

/// The verdict on one route, or why there is none.
pub fn judge(bytes: &[u8], route: Route) -> Result<Verdict, String> {
    match route {
        Route::Raw => analyze_eml(bytes).map_err(|e| e.to_string()),
        Route::Page => raw::read(bytes).map(|(input, _)| analyze(&input)).map_err(|e| e.to_string()),
    }
}

/// What is wrong with a verdict for a fixture, if anything.
pub fn mismatch(
    fixture: &Fixture,
    route: Route,
    verdict: &Result<Verdict, String>,
) -> Option<(String, String)> {
    let expected = match fixture.claim {
        Some(claim) => format!("{} ({})", fixture.expect.describe(route), claim.as_str()),
        None => fixture.expect.describe(route).to_string(),
    };
    let got = match verdict {
        Err(e) => format!("error: {e}"),
        Ok(v) => format!("{} ({})", v.level.as_str(), v.claim.as_str()),
    };
    let holds = verdict.as_ref().is_ok_and(|v| {
        fixture.expect.accepts(route, v.level) && fixture.claim.is_none_or(|claim| claim == v.claim)
    });
    (!holds).then_some((got, expected))
}

/// What a reader takes from a message, whitespace runs as one space: equal for two
/// encodings of the same words.
pub fn words_read(bytes: &[u8]) -> Result<[String; 6], String> {
    let (input, _) = raw::read(bytes).map_err(|e| e.to_string())?;
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let links: Vec<&str> = input.links.iter().map(|l| l.href.as_str()).collect();
    Ok([
        squeeze(&input.sender_name),
        input.sender_address,
        squeeze(&input.subject),
        squeeze(&input.body_text),
        links.join(" "),
        input.attachments.join(" "),
    ])
}

/// Passed and run checks of one cell (one transform, one group): fixture × route.
#[derive(Default, Clone, Copy)]
struct Cell {
    passed: usize,
    run: usize,
}

/// Set to a directory, the suite also writes every variant there as
/// `TRANSFORM/GROUP/FILE.eml`, to scan or read one by hand.
pub const DUMP_ENV: &str = "CODEGUARD_METAMORPHIC_DUMP";

fn dump_variant(dir: &std::path::Path, transform: &str, file: &str, bytes: &[u8]) {
    let path = dir.join(transform).join(file);
    let written =
        path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, bytes));
    if let Err(e) = written {
        eprintln!("{}: {e}", path.display());
    }
}

/// Runs `transforms` over every fixture; prints the matrix, writes it to
/// `target/metamorphic.md`, and returns the failures.
pub fn run(title: &str, transforms: &[Transform]) -> Vec<Failure> {
    let fixtures = fixture::load_all().unwrap_or_else(|e| panic!("fixtures: {e}"));
    let dump = std::env::var_os(DUMP_ENV).map(std::path::PathBuf::from);
    let start = Instant::now();
    let mut cells: BTreeMap<(usize, Group), Cell> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut variants = 0;
    for (row, transform) in transforms.iter().enumerate() {
        for fixture in fixtures.iter().filter(|f| transform.class.applies_to(f.group)) {
            let Some(bytes) = (transform.apply)(&fixture.mail) else { continue };
            variants += 1;
            if let Some(dir) = &dump {
                dump_variant(dir, transform.name, &fixture.file, &bytes);
            }
            for route in Route::BOTH {
                let cell = cells.entry((row, fixture.group)).or_default();
                cell.run += 1;
                match mismatch(fixture, route, &judge(&bytes, route)) {
                    None => cell.passed += 1,
                    Some((got, expected)) => failures.push(Failure {
                        transform: transform.name,
                        file: fixture.file.clone(),
                        route,
                        got,
                        expected,
                    }),
                }
            }
        }
    }
    let elapsed = start.elapsed();

    let matrix = matrix(title, transforms, &cells, &fixtures, variants, failures.len());
    println!("{matrix}");
    println!("{variants} variants, {} checks, {:.1} s", variants * 2, elapsed.as_secs_f64());
    let target =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).parent().expect("target/tmp is inside target/");
    if let Err(e) = std::fs::write(target.join("metamorphic.md"), &matrix) {
        eprintln!("could not write target/metamorphic.md: {e}");
    }
    failures
}

/// The matrix as Markdown: rows transforms, columns fixture groups, cells passed/run.
fn matrix(
    title: &str,
    transforms: &[Transform],
    cells: &BTreeMap<(usize, Group), Cell>,
    fixtures: &[Fixture],
    variants: usize,
    failed: usize,
) -> String {
    let count = |g: Group| fixtures.iter().filter(|f| f.group == g).count();
    let mut out = format!(
        "### Metamorphic suite: {title}\n\n{} fixtures ({} fake, {} genuine, {} ordinary) × {} transforms: {variants} \
         variants, each checked on the raw path (`analyze_eml`) and the page path (`analyze` without the source). \
         A cell is checks passed / checks run; – where the transform does not apply.\n\n",
        fixtures.len(),
        count(Group::Fake),
        count(Group::Genuine),
        count(Group::Ordinary),
        transforms.len()
    );
    out.push_str("| transform | class | fake | genuine | ordinary |\n|---|---|---|---|---|\n");
    let mut total = Cell::default();
    for (row, t) in transforms.iter().enumerate() {
        let _ = write!(out, "| {} | {} |", t.name, t.class.as_str());
        for group in Group::ALL {
            match cells.get(&(row, group)) {
                Some(c) => {
                    let _ = write!(out, " {}/{} |", c.passed, c.run);
                    total.passed += c.passed;
                    total.run += c.run;
                }
                None => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\nAll: {}/{} checks passed, {failed} failed.", total.passed, total.run);
    out
}

/// The failures grouped by transform, one line each.
pub fn report(failures: &[Failure]) -> String {
    let mut by_transform: Vec<&'static str> = failures.iter().map(|f| f.transform).collect();
    by_transform.dedup();
    let mut out = String::new();
    for name in by_transform {
        let group: Vec<&Failure> = failures.iter().filter(|f| f.transform == name).collect();
        let _ = writeln!(out, "{name} ({} failing):", group.len());
        for f in group {
            let _ =
                writeln!(out, "  {} [{}]: got {}, expected {}", f.file, f.route.as_str(), f.got, f.expected);
        }
    }
    out
}
