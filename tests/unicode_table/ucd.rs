//! Debian's `unicode-data` files, read into what the fold rules ask of each code point.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// Where Debian's `unicode-data` package puts the Unicode Character Database.
pub const DIR: &str = "/usr/share/unicode";

/// A decomposition: its tag ("compat", "font", …; `None` for a canonical one) and mapping.
pub type Decomposition = (Option<String>, Vec<char>);

/// One code point's entry in UnicodeData.txt (the fields the rules read).
#[derive(Default, Clone)]
pub struct Entry {
    /// Character name ("LATIN LETTER SMALL CAPITAL A"; `<…>` for the ranges).
    pub name: String,
    /// General category, e.g. "Lu", "Mn".
    pub category: String,
    /// Bidi class, e.g. "L", "R", "AL".
    pub bidi: String,
    pub decomposition: Option<Decomposition>,
    /// Decimal digit value (numeric type Decimal).
    pub digit: Option<u8>,
}

pub struct Ucd {
    /// The UCD version both derived files name in their first line.
    pub version: String,
    entries: HashMap<u32, Entry>,
    /// Ranges of code points that UnicodeData.txt gives as `<…, First>`/`<…, Last>` pairs.
    ranges: Vec<(u32, u32, Entry)>,
    ignorable: Vec<(u32, u32)>,
    scripts: Vec<(u32, u32, String)>,
}

impl Ucd {
    pub fn load(dir: &Path) -> Result<Ucd, String> {
        let read = |name: &str| {
            let path = dir.join(name);
            fs::read_to_string(&path).map_err(|e| {
                format!(
                    "cannot read {}: {e}. The table is generated from Debian's unicode-data package: \
                     apt-get install unicode-data (build.sh test does)",
                    path.display()
                )
            })
        };
        let derived = read("DerivedCoreProperties.txt")?;
        let scripts = read("Scripts.txt")?;
        let version = file_version(&derived, "DerivedCoreProperties")?;
        let scripts_version = file_version(&scripts, "Scripts")?;
        if version != scripts_version {
            return Err(format!(
                "{DIR} mixes versions: DerivedCoreProperties {version}, Scripts {scripts_version}"
            ));
        }
        let (entries, ranges) = unicode_data(&read("UnicodeData.txt")?)?;
        let ignorable = property_lines(&derived)?
            .into_iter()
            .filter(|(_, _, p)| p == "Default_Ignorable_Code_Point")
            .map(|(lo, hi, _)| (lo, hi))
            .collect();
        Ok(Ucd { version, entries, ranges, ignorable, scripts: property_lines(&scripts)? })
    }

    /// The code point's UnicodeData.txt entry; `None` when it is unassigned.
    pub fn entry(&self, cp: u32) -> Option<&Entry> {
        self.entries
            .get(&cp)
            .or_else(|| self.ranges.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&cp)).map(|r| &r.2))
    }

    pub fn is_default_ignorable(&self, cp: u32) -> bool {
        self.ignorable.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp))
    }

    /// Scripts.txt's value ("Latin", "Cyrillic", …; "Unknown" when not listed).
    pub fn script(&self, cp: u32) -> &str {
        let i = self.scripts.partition_point(|(lo, _, _)| *lo <= cp);
        match i.checked_sub(1).map(|i| &self.scripts[i]) {
            Some((_, hi, s)) if cp <= *hi => s,
            _ => "Unknown",
        }
    }
}

/// "15.0.0" from a first line like `# DerivedCoreProperties-15.0.0.txt`.
fn file_version(text: &str, name: &str) -> Result<String, String> {
    let first = text.lines().next().unwrap_or("");
    first
        .strip_prefix(&format!("# {name}-"))
        .and_then(|v| v.strip_suffix(".txt"))
        .map(str::to_string)
        .ok_or_else(|| format!("{name}.txt: no version in its first line {first:?}"))
}

fn hex(s: &str) -> Result<u32, String> {
    u32::from_str_radix(s.trim(), 16).map_err(|e| format!("bad code point {s:?}: {e}"))
}

/// The `lo..hi ; Value # comment` lines of a UCD property file, sorted by `lo`.
fn property_lines(text: &str) -> Result<Vec<(u32, u32, String)>, String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let data = line.split('#').next().unwrap_or("").trim();
        let Some((cps, value)) = data.split_once(';') else { continue };
        let (lo, hi) = match cps.trim().split_once("..") {
            Some((lo, hi)) => (hex(lo)?, hex(hi)?),
            None => (hex(cps)?, hex(cps)?),
        };
        out.push((lo, hi, value.trim().to_string()));
    }
    out.sort_by_key(|r| r.0);
    Ok(out)
}

type Entries = (HashMap<u32, Entry>, Vec<(u32, u32, Entry)>);

fn unicode_data(text: &str) -> Result<Entries, String> {
    let mut entries = HashMap::new();
    let mut ranges = Vec::new();
    let mut first: Option<u32> = None;
    for line in text.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(';').collect();
        if f.len() < 15 {
            return Err(format!("UnicodeData.txt: short line {line:?}"));
        }
        let cp = hex(f[0])?;
        let entry = Entry {
            name: f[1].to_string(),
            category: f[2].to_string(),
            bidi: f[4].to_string(),
            decomposition: decomposition(f[5])?,
            digit: if f[6].is_empty() {
                None
            } else {
                Some(f[6].parse().map_err(|e| format!("{line:?}: {e}"))?)
            },
        };
        if f[1].ends_with(", First>") {
            first = Some(cp);
        } else if f[1].ends_with(", Last>") {
            let lo = first.take().ok_or_else(|| format!("UnicodeData.txt: Last without First: {line:?}"))?;
            ranges.push((lo, cp, entry));
        } else {
            entries.insert(cp, entry);
        }
    }
    Ok((entries, ranges))
}

/// `<font> 0041` → (Some("font"), ['A']); `0065 0301` → (None, ['e', '\u{301}']).
fn decomposition(field: &str) -> Result<Option<Decomposition>, String> {
    let mut words = field.split_whitespace().peekable();
    let tag = match words.peek() {
        None => return Ok(None),
        Some(w) if w.starts_with('<') => {
            let tag = w.trim_matches(|c| c == '<' || c == '>').to_string();
            words.next();
            Some(tag)
        }
        Some(_) => None,
    };
    let chars = words
        .map(|w| hex(w).and_then(|cp| char::from_u32(cp).ok_or_else(|| format!("bad char {w}"))))
        .collect::<Result<Vec<char>, String>>()?;
    Ok(Some((tag, chars)))
}
