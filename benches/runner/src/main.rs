//! codeguard's benchmark: prints figures, judges nothing by itself.
//!
//! ```text
//! codeguard-bench [--cli PATH] [--corpus DIR] [--runs N] [--keep DIR]
//! ```
//! 1. Hostile set (`tests/hostile_gen`): each input is written to a temp folder and
//!    `codeguard scan --json FILE` is timed per file, process start included, against the
//!    250 ms budget of issue 5; exit status and verdict/error are shown.
//! 2. Native analysis time per message (in process, `analyze_eml`) over every file of a
//!    corpus folder: median, p90, p99, max; and the page path (`analyze` on the message
//!    as already read, no raw source). The corpus is optional and never copied.

#[path = "../../../tests/hostile_gen/mod.rs"]
mod hostile_gen;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const HOSTILE_BUDGET: Duration = Duration::from_millis(250);

struct Args {
    cli: PathBuf,
    corpus: Option<PathBuf>,
    runs: usize,
    keep: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { cli: PathBuf::from("target/release/codeguard"), corpus: None, runs: 5, keep: None };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--cli" => args.cli = PathBuf::from(value()?),
            "--corpus" => args.corpus = Some(PathBuf::from(value()?)),
            "--runs" => args.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--keep" => args.keep = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                return Err(
                    "usage: codeguard-bench [--cli PATH] [--corpus DIR] [--runs N] [--keep DIR]".into()
                )
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    args.runs = args.runs.max(1);
    Ok(args)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The value at quantile `q` (nearest rank) of sorted durations.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let hostile_ok = hostile(&args);
    if let Some(dir) = &args.corpus {
        corpus(dir, args.runs);
    } else {
        println!("\n(no --corpus given: native per-message figures skipped)");
    }
    if !hostile_ok {
        std::process::exit(1);
    }
}

/// Section 1: the hostile set through the CLI, process start included.
fn hostile(args: &Args) -> bool {
    println!("== Hostile input through `{} scan --json FILE` (process start included)", args.cli.display());
    if !args.cli.is_file() {
        println!("   CLI not found at {}: build it with `cargo build --release`", args.cli.display());
        return false;
    }
    let dir = args
        .keep
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("codeguard-hostile-{}", std::process::id())));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        println!("   cannot create {}: {e}", dir.display());
        return false;
    }
    println!(
        "   {} runs per file; budget {} ms per message; files in {}",
        args.runs,
        HOSTILE_BUDGET.as_millis(),
        dir.display()
    );
    println!("   {:<28} {:>10} {:>9} {:>9} {:>5}  result", "input", "bytes", "med ms", "max ms", "exit");
    let mut all_ok = true;
    let mut worst = Duration::ZERO;
    for (name, make) in hostile_gen::all() {
        let path = dir.join(format!("{name}.eml"));
        let bytes = make();
        if let Err(e) = std::fs::write(&path, &bytes) {
            println!("   {name}: cannot write: {e}");
            all_ok = false;
            continue;
        }
        let mut times = Vec::with_capacity(args.runs);
        let mut last = None;
        for _ in 0..args.runs {
            let start = Instant::now();
            let out = Command::new(&args.cli).arg("scan").arg("--json").arg(&path).output();
            times.push(start.elapsed());
            last = Some(out);
        }
        times.sort();
        let med = quantile(&times, 0.5);
        let max = *times.last().unwrap_or(&Duration::ZERO);
        worst = worst.max(max);
        let (exit, result) = match last {
            Some(Ok(out)) => {
                let stdout = String::from_utf8_lossy(&out.stdout);
                (out.status.code().map_or("sig".to_string(), |c| c.to_string()), summarize(&stdout))
            }
            Some(Err(e)) => ("-".into(), format!("spawn failed: {e}")),
            None => ("-".into(), String::new()),
        };
        // Judged on the median: one run's max on a shared 2-core machine is scheduler noise
        // as often as not; it is printed beside it, and flagged when over budget.
        let ok = exit == "0" && med <= HOSTILE_BUDGET;
        all_ok &= ok;
        println!(
            "   {:<28} {:>10} {:>9.1} {:>9.1} {:>5}  {}{}",
            name,
            bytes.len(),
            ms(med),
            ms(max),
            exit,
            result,
            if !ok {
                "   <-- OVER BUDGET OR FAILED"
            } else if max > HOSTILE_BUDGET {
                "   (one run over budget)"
            } else {
                ""
            }
        );
        if args.keep.is_none() {
            let _ = std::fs::remove_file(&path);
        }
    }
    if args.keep.is_none() {
        let _ = std::fs::remove_dir(&dir);
    }
    println!(
        "   worst single run {:.1} ms; {}",
        ms(worst),
        if all_ok {
            "every hostile input within budget (median), exit 0"
        } else {
            "SOME HOSTILE INPUT FAILED (see above)"
        }
    );
    all_ok
}

/// "verdict (claim)" or "error: ..." from the CLI's JSON line, without a JSON parser.
fn summarize(stdout: &str) -> String {
    let field = |name: &str| {
        let key = format!("\"{name}\":\"");
        stdout.find(&key).map(|at| {
            let rest = &stdout[at + key.len()..];
            rest[..rest.find('"').unwrap_or(rest.len())].to_string()
        })
    };
    match (field("verdict"), field("claim"), field("error")) {
        (Some(v), Some(c), _) => format!("{v} ({c})"),
        (_, _, Some(e)) => format!("error: {e}"),
        _ => format!("unexpected output ({} bytes)", stdout.len()),
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")) {
            out.push(p);
        }
    }
}

/// Section 2: native in-process analysis time per message over a corpus folder.
fn corpus(dir: &Path, runs: usize) {
    println!(
        "\n== Native analysis per message over {} (in process, analyze_eml, release profile)",
        dir.display()
    );
    let mut files = Vec::new();
    collect(dir, &mut files);
    if files.is_empty() {
        println!("   no .eml files found");
        return;
    }
    let messages: Vec<(PathBuf, Vec<u8>)> =
        files.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect();
    let total_bytes: usize = messages.iter().map(|(_, b)| b.len()).sum();
    // Warm-up: one pass, also counting verdicts and errors.
    let mut errors = 0;
    let mut levels = std::collections::BTreeMap::new();
    // The first call also builds the lazily initialized tables (what one CLI process pays).
    let mut first = None;
    for (_, bytes) in &messages {
        let start = Instant::now();
        match codeguard::analyze_eml(bytes) {
            Ok(v) => *levels.entry(v.level.as_str()).or_insert(0usize) += 1,
            Err(_) => errors += 1,
        }
        first.get_or_insert(start.elapsed());
    }
    // Per message: the median of `runs` timings (one message's noise does not become its figure).
    let mut per_message: Vec<(Duration, &Path)> = Vec::with_capacity(messages.len());
    let wall = Instant::now();
    for (path, bytes) in &messages {
        let mut t = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            let v = codeguard::analyze_eml(std::hint::black_box(bytes));
            t.push(start.elapsed());
            std::hint::black_box(&v);
        }
        t.sort();
        per_message.push((quantile(&t, 0.5), path.as_path()));
    }
    let wall = wall.elapsed();
    per_message.sort();
    // The page path: the same messages as the content script gives them (already read,
    // no raw source), so the rules' share can be told from the reader's.
    let inputs: Vec<codeguard::MessageInput> =
        messages.iter().filter_map(|(_, b)| codeguard::raw::read(b).ok().map(|(input, _)| input)).collect();
    let mut page: Vec<Duration> = inputs
        .iter()
        .map(|input| {
            let mut t = Vec::with_capacity(runs);
            for _ in 0..runs {
                let start = Instant::now();
                let v = codeguard::analyze(std::hint::black_box(input));
                t.push(start.elapsed());
                std::hint::black_box(&v);
            }
            t.sort();
            quantile(&t, 0.5)
        })
        .collect();
    page.sort();
    let sorted: Vec<Duration> = per_message.iter().map(|(d, _)| *d).collect();
    println!(
        "   {} messages, {:.1} MB, {} unreadable; verdicts {:?}; first call {:.2} ms (cold)",
        messages.len(),
        total_bytes as f64 / 1e6,
        errors,
        levels,
        ms(first.unwrap_or_default())
    );
    println!(
        "   per message: median {:.4} ms, p90 {:.4} ms, p99 {:.4} ms, max {:.3} ms ({} runs each, {:.2} s in all)",
        ms(quantile(&sorted, 0.5)),
        ms(quantile(&sorted, 0.9)),
        ms(quantile(&sorted, 0.99)),
        ms(*sorted.last().unwrap_or(&Duration::ZERO)),
        runs,
        wall.as_secs_f64()
    );
    println!(
        "   page path (analyze on the read MessageInput, no raw source, {} messages): median {:.4} ms, p90 {:.4} ms, p99 {:.4} ms, max {:.4} ms",
        page.len(),
        ms(quantile(&page, 0.5)),
        ms(quantile(&page, 0.9)),
        ms(quantile(&page, 0.99)),
        ms(*page.last().unwrap_or(&Duration::ZERO))
    );
    println!("   slowest (raw):");
    for (d, p) in per_message.iter().rev().take(3) {
        let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        println!(
            "     {:.3} ms  {} ({} bytes)",
            ms(*d),
            p.file_name().unwrap_or_default().to_string_lossy(),
            size
        );
    }
}
