//! Measuring the analyzer on a labelled corpus: a folder with `index.tsv` (columns
//! `file` and `label`, optionally `language`, others ignored) and the raw messages it names.
//!
//! The demands per label are the ones in the corpus README: Microsoft fakes must be
//! flagged, genuine Microsoft mail proven genuine and never flagged, everything else
//! silent (and no phish ever genuine or unverified).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::model::Level;

/// The levels in report order.
pub const LEVELS: [Level; 5] =
    [Level::None, Level::Genuine, Level::Unverified, Level::Suspicious, Level::Dangerous];

/// One message of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub file: String,
    pub label: String,
    /// The message's language tag; empty when the index has no `language` column.
    pub language: String,
}

/// Reads `index.tsv`: a header line naming at least `file` and `label` (and `language`,
/// when the index has one).
pub fn read_index(text: &str) -> Result<Vec<Entry>, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("index.tsv is empty")?.split('\t').collect();
    let col = |name: &str| {
        header.iter().position(|h| h.trim() == name).ok_or(format!("index.tsv has no `{name}` column"))
    };
    let (file_col, label_col) = (col("file")?, col("label")?);
    let language_col = col("language").ok();
    let mut entries = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let language = match language_col {
            Some(c) => cells.get(c).map(|l| l.trim().to_string()),
            None => Some(String::new()),
        };
        match (cells.get(file_col), cells.get(label_col), language) {
            (Some(file), Some(label), Some(language)) => {
                entries.push(Entry { file: file.to_string(), label: label.to_string(), language })
            }
            _ => return Err(format!("index.tsv line {} has too few columns", n + 2)),
        }
    }
    Ok(entries)
}

/// Whether a level meets the demand for a label; `None` for labels without one.
pub fn meets_demand(label: &str, level: Level) -> Option<bool> {
    Some(match label {
        "phish-ms-code" | "phish-ms-other" => matches!(level, Level::Suspicious | Level::Dangerous),
        "phish-other" => !matches!(level, Level::Genuine | Level::Unverified),
        "legit-ms" => level == Level::Genuine,
        "legit-other-code" | "ham" => level == Level::None,
        _ => return None,
    })
}

/// The outcome of one message.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub entry: Entry,
    /// The level, or the error that kept the file from being read.
    pub result: Result<Level, String>,
    pub elapsed: Duration,
}

/// Analyzes every message of a corpus folder.
pub fn run(dir: &Path) -> Result<Vec<Outcome>, String> {
    let index = dir.join("index.tsv");
    let text = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let entries = read_index(&text)?;
    Ok(entries.into_iter().map(|entry| measure(dir.join(&entry.file), entry)).collect())
}

fn measure(path: PathBuf, entry: Entry) -> Outcome {
    let result = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()));
    let started = Instant::now();
    let result =
        result.and_then(|bytes| crate::analyze_eml(&bytes).map(|v| v.level).map_err(|e| e.to_string()));
    Outcome { entry, result, elapsed: started.elapsed() }
}

/// Whether an outcome met its label's demand (an unreadable file or a label without a
/// demand did not).
fn met(o: &Outcome) -> bool {
    o.result.as_ref().ok().and_then(|l| meets_demand(&o.entry.label, *l)).unwrap_or(false)
}

/// The report: per label, how many got each level; per language, how many met their
/// label's demand; the misses by file; the time.
pub fn report(outcomes: &[Outcome]) -> String {
    let mut by_label: BTreeMap<&str, [usize; 6]> = BTreeMap::new();
    for o in outcomes {
        let row = by_label.entry(o.entry.label.as_str()).or_default();
        match &o.result {
            Ok(level) => row[LEVELS.iter().position(|l| l == level).unwrap_or(0)] += 1,
            Err(_) => row[5] += 1,
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<18} {:>5} {:>7} {:>10} {:>10} {:>9} {:>6} {:>6}",
        "label", "none", "genuine", "unverified", "suspicious", "dangerous", "error", "met"
    );
    for (label, row) in &by_label {
        let met = outcomes.iter().filter(|o| o.entry.label == *label).filter(|o| met(o)).count();
        let total: usize = row.iter().sum();
        let _ = writeln!(
            out,
            "{:<18} {:>5} {:>7} {:>10} {:>10} {:>9} {:>6} {:>6}",
            label,
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            format!("{met}/{total}")
        );
    }
    by_language(outcomes, &mut out);
    let misses: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| match &o.result {
            Ok(level) => meets_demand(&o.entry.label, *level) == Some(false),
            Err(_) => true,
        })
        .collect();
    let _ = writeln!(out, "\nmisses: {}", misses.len());
    for o in misses {
        let got = match &o.result {
            Ok(level) => level.as_str().to_string(),
            Err(e) => format!("error: {e}"),
        };
        let _ = writeln!(out, "  {}\t{}\t{}", o.entry.label, got, o.entry.file);
    }
    let mut times: Vec<Duration> = outcomes.iter().map(|o| o.elapsed).collect();
    times.sort();
    if !times.is_empty() {
        let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        let total: Duration = times.iter().sum();
        let _ = writeln!(
            out,
            "\ntime per message: median {:.3} ms, p99 {:.3} ms, max {:.3} ms, mean {:.3} ms over {} messages",
            ms(pick(0.5)),
            ms(pick(0.99)),
            ms(times[times.len() - 1]),
            ms(total) / times.len() as f64,
            times.len()
        );
    }
    out
}

/// Per language of the index: messages, and how many met their label's demand. Left out
/// when the index names no language.
fn by_language(outcomes: &[Outcome], out: &mut String) {
    if outcomes.iter().all(|o| o.entry.language.is_empty()) {
        return;
    }
    let mut rows: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for o in outcomes {
        let row = rows.entry(o.entry.language.as_str()).or_default();
        row.0 += 1;
        row.1 += usize::from(met(o));
    }
    let _ = writeln!(out, "\n{:<18} {:>8} {:>9}", "language", "messages", "met");
    for (language, (messages, met)) in rows {
        let shown = if language.is_empty() { "(none)" } else { language };
        let _ = writeln!(out, "{:<18} {:>8} {:>9}", shown, messages, format!("{met}/{messages}"));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_needs_file_and_label_columns() {
        let entries = read_index("file\tsource\tlabel\nraw/a.eml\tx\tham\n\n").unwrap();
        assert_eq!(
            entries,
            vec![Entry { file: "raw/a.eml".into(), label: "ham".into(), language: String::new() }]
        );
        assert!(read_index("file\tsource\n").unwrap_err().contains("label"));
        assert!(read_index("file\tlabel\nonly-one-cell\n").unwrap_err().contains("line 2"));
    }

    #[test]
    fn demands_follow_the_corpus_readme() {
        assert_eq!(meets_demand("phish-ms-code", Level::Unverified), Some(false));
        assert_eq!(meets_demand("phish-ms-code", Level::Suspicious), Some(true));
        assert_eq!(meets_demand("phish-other", Level::None), Some(true));
        assert_eq!(meets_demand("phish-other", Level::Genuine), Some(false));
        assert_eq!(meets_demand("legit-ms", Level::Unverified), Some(false));
        assert_eq!(meets_demand("ham", Level::Suspicious), Some(false));
        assert_eq!(meets_demand("unknown", Level::None), None);
    }

    fn outcome(label: &str, language: &str, result: Result<Level, String>) -> Outcome {
        let entry = Entry { file: format!("{label}.eml"), label: label.into(), language: language.into() };
        Outcome { entry, result, elapsed: Duration::from_micros(100) }
    }

    #[test]
    fn report_counts_per_language_who_met_the_demand() {
        let index = "file\tlabel\tlanguage\na.eml\tham\tpl\nb.eml\tphish-ms-code\tpl\n";
        assert_eq!(read_index(index).unwrap()[1].language, "pl");
        assert!(read_index("file\tlabel\tlanguage\na.eml\tham\n").unwrap_err().contains("line 2"));
        let outcomes = vec![
            outcome("ham", "pl", Ok(Level::None)),
            outcome("phish-ms-code", "pl", Ok(Level::None)),
            outcome("phish-ms-code", "tr", Ok(Level::Dangerous)),
            outcome("legit-ms", "tr", Err("unreadable".into())),
        ];
        let text = report(&outcomes);
        let table: Vec<&str> =
            text.lines().skip_while(|l| !l.starts_with("language")).take_while(|l| !l.is_empty()).collect();
        let cells = |l: &str| l.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(table.len(), 3, "{text}");
        assert_eq!(cells(table[1]), ["pl", "2", "1/2"]);
        assert_eq!(cells(table[2]), ["tr", "2", "1/2"]);
        // The label table comes first, as it was.
        assert!(text.starts_with("label "), "{text}");
        // An index without languages prints no language table.
        let plain: Vec<Outcome> = outcomes
            .into_iter()
            .map(|mut o| {
                o.entry.language.clear();
                o
            })
            .collect();
        assert!(!report(&plain).contains("\nlanguage"));
    }
}
