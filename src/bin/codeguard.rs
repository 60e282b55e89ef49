//! `codeguard`: the core on the command line.
//!
//! `codeguard scan [--json] PATH...` judges `.eml` files (folders recursively);
//! `codeguard eval CORPUS_DIR` measures the analyzer on a labelled corpus;
//! `codeguard render FILE` prints, as JSON, what a webmail page would show of a message
//! (the browser tests build their fixture pages from it).
//! A thin shell: arguments become a [`Command`], the library does the work.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codeguard::{eval, Verdict};

const USAGE: &str = "usage:
  codeguard scan [--json] PATH...   judge .eml files (folders are searched recursively)
  codeguard eval CORPUS_DIR         measure on a corpus folder with index.tsv (file, label)
  codeguard render FILE             print what a webmail page shows of FILE as JSON
                                    ({senderName, senderAddress, subject, html, text, attachments})";

/// Folders are walked this deep at most (a symlink loop cannot stall a scan).
const MAX_DEPTH: usize = 32;

enum Command {
    Scan { json: bool, paths: Vec<PathBuf> },
    Eval { dir: PathBuf },
    Render { file: PathBuf },
}

fn parse(args: &[String]) -> Result<Command, String> {
    match args.first().map(String::as_str) {
        Some("scan") => {
            let json = args[1..].iter().any(|a| a == "--json");
            if let Some(bad) = args[1..].iter().find(|a| a.starts_with("--") && *a != "--json") {
                return Err(format!("unknown option {bad}"));
            }
            let paths: Vec<PathBuf> =
                args[1..].iter().filter(|a| *a != "--json").map(PathBuf::from).collect();
            if paths.is_empty() {
                return Err("scan needs at least one PATH".into());
            }
            Ok(Command::Scan { json, paths })
        }
        Some("eval") => match &args[1..] {
            [dir] => Ok(Command::Eval { dir: PathBuf::from(dir) }),
            _ => Err("eval takes exactly one CORPUS_DIR".into()),
        },
        Some("render") => match &args[1..] {
            [file] => Ok(Command::Render { file: PathBuf::from(file) }),
            _ => Err("render takes exactly one FILE".into()),
        },
        Some(other) => Err(format!("unknown command {other}")),
        None => Err("no command".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(args.first().map(String::as_str), Some("-h" | "--help" | "help")) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let command = match parse(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("codeguard: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Scan { json, paths } => scan(json, &paths),
        Command::Eval { dir } => {
            eval::run(&dir).map(|outcomes| print!("{}", eval::report(&outcomes))).map_err(io::Error::other)
        }
        Command::Render { file } => render(&file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("codeguard: {e}");
            ExitCode::from(2)
        }
    }
}

fn scan(json: bool, paths: &[PathBuf]) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for path in paths {
        let mut files = Vec::new();
        if let Err(e) = collect(path, 0, &mut files) {
            report_error(&mut out, json, path, &e.to_string())?;
        }
        for file in files {
            match std::fs::read(&file) {
                Err(e) => report_error(&mut out, json, &file, &e.to_string())?,
                Ok(bytes) => match codeguard::analyze_eml(&bytes) {
                    Ok(verdict) => report(&mut out, json, &file, &verdict)?,
                    Err(e) => report_error(&mut out, json, &file, &e.to_string())?,
                },
            }
        }
    }
    out.flush()
}

fn render(file: &Path) -> io::Result<()> {
    let bytes = std::fs::read(file)?;
    let parts = codeguard::raw::page_parts(&bytes).map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", serde_json::to_string(&parts).map_err(io::Error::other)?)
}

/// A file is scanned whatever its name; a folder gives its `.eml` files, sorted.
fn collect(path: &Path, depth: usize, files: &mut Vec<PathBuf>) -> io::Result<()> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        files.push(path.to_path_buf());
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, depth + 1, files)?;
        } else if entry.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")) {
            files.push(entry);
        }
    }
    Ok(())
}

fn report(out: &mut impl Write, json: bool, file: &Path, v: &Verdict) -> io::Result<()> {
    if json {
        let line = serde_json::json!({
            "file": file.display().to_string(),
            "claim": v.claim,
            "verdict": v.level,
            "code": v.code,
            "reasons": v.reasons,
            "links": v.links,
        });
        return writeln!(out, "{line}");
    }
    let code = v.code.as_deref().map(|c| format!(", code {c}")).unwrap_or_default();
    writeln!(out, "{}: {} ({}{code})", file.display(), v.level.as_str(), v.claim.as_str())?;
    for r in &v.reasons {
        writeln!(out, "  [{:?}] {} ({})", r.severity, r.message, r.id)?;
        for e in &r.evidence {
            writeln!(out, "      {:?} {}: {}", e.source, e.location, e.value)?;
        }
    }
    Ok(())
}

fn report_error(out: &mut impl Write, json: bool, file: &Path, error: &str) -> io::Result<()> {
    if json {
        let line = serde_json::json!({ "file": file.display().to_string(), "error": error });
        return writeln!(out, "{line}");
    }
    writeln!(out, "{}: error: {error}", file.display())
}
