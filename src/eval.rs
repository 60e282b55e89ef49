//! Measuring the analyzer on a labelled corpus: a folder with `index.tsv` (columns
//! `file` and `label`, others ignored) and the raw messages it names.
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
}

/// Reads `index.tsv`: a header line naming at least `file` and `label`.
pub fn read_index(text: &str) -> Result<Vec<Entry>, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("index.tsv is empty")?.split('\t').collect();
    let col = |name: &str| {
        header.iter().position(|h| h.trim() == name).ok_or(format!("index.tsv has no `{name}` column"))
    };
    let (file_col, label_col) = (col("file")?, col("label")?);
    let mut entries = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        match (cells.get(file_col), cells.get(label_col)) {
            (Some(file), Some(label)) => {
                entries.push(Entry { file: file.to_string(), label: label.to_string() })
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

/// The report: per label, how many got each level; the misses by file; the time.
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
        let met = outcomes
            .iter()
            .filter(|o| o.entry.label == *label)
            .filter(|o| o.result.as_ref().ok().and_then(|l| meets_demand(label, *l)).unwrap_or(false))
            .count();
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_needs_file_and_label_columns() {
        let entries = read_index("file\tsource\tlabel\nraw/a.eml\tx\tham\n\n").unwrap();
        assert_eq!(entries, vec![Entry { file: "raw/a.eml".into(), label: "ham".into() }]);
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
}
