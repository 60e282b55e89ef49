//! A text folded for matching: lower case, every character through [`unicode::fold_char`]
//! (compatibility forms, combining marks and invisible characters dropped, look-alike
//! letters made Latin), punctuation as single spaces, no space kept next to scripts written
//! without them. Each folded byte remembers the source byte it came from, so evidence can
//! quote the original words, and each place a disguise touched is kept as a range.
//!
//! Two disguises need words rather than characters: letters spaced or dotted apart
//! ("M i c r o s o f t a c c o u n t") and digits standing for letters ("Micr0s0ft
//! acc0unt"). They are undone only where the result spells words of the [`Vocabulary`]
//! the caller gives (the layers above pass their phrases' words), so "a b c d" in a list
//! or "B2B" stay as they are.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::DisguiseKind;
use crate::text::cut;
use crate::text::unicode::{self, Class};

/// Bytes of one text field read at most (the rest of a huge body is ignored, and said so).
pub const MAX_TEXT_BYTES: usize = 256 * 1024;
/// Disguised places a text keeps at most (hostile repetition stays bounded).
const MAX_DISGUISES: usize = 256;

/// A text folded for matching (see the module doc).
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    /// The original text (cut at [`MAX_TEXT_BYTES`]).
    pub source: &'a str,
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte offset in `source` of the char it came from.
    map: Vec<u32>,
    /// Folded byte ranges a disguise touched: `(start, end, kind)`, in order. A dropped
    /// character (a mark, an invisible one) is an empty range where it stood.
    pub disguises: Vec<(u32, u32, DisguiseKind)>,
}

impl<'a> Folded<'a> {
    /// The original text behind the folded byte range `start..end`.
    pub fn original(&self, start: usize, end: usize) -> &'a str {
        let from = self.map.get(start).map_or(self.source.len(), |&o| o as usize);
        // End after the char behind the last folded byte, not at the next one: the
        // separators between them (", ", " - ") are not part of the match.
        let to = match end.checked_sub(1).and_then(|last| self.map.get(last)) {
            Some(&o) => {
                let o = o as usize;
                o + self.source.get(o..).and_then(|r| r.chars().next()).map_or(0, char::len_utf8)
            }
            None => from,
        };
        let s = self.source.get(from..to.max(from)).unwrap_or("");
        s.trim_matches(|c: char| c.is_whitespace() || unicode::is_invisible(c))
    }

    /// Byte offset in `source` just after the folded range ending at `end`.
    pub fn source_offset(&self, end: usize) -> usize {
        self.map.get(end).map_or(self.source.len(), |&o| o as usize)
    }

    /// The folded offset of the first folded byte that came from source byte `at` or later.
    pub fn folded_offset(&self, at: usize) -> usize {
        self.map.partition_point(|&o| (o as usize) < at)
    }

    /// The disguises touching the folded range `start..end` (a dropped character right at
    /// either end counts: a mark on the last letter stands after it).
    pub fn disguises_in(&self, start: usize, end: usize) -> impl Iterator<Item = DisguiseKind> + '_ {
        self.disguises
            .iter()
            .filter(move |&&(s, e, _)| (s as usize) <= end && (e as usize) >= start)
            .map(|&(_, _, kind)| kind)
    }
}

/// Words (folded) that spaced-apart letters and digits-for-letters may spell.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: FxHashSet<String>,
    by_len: FxHashMap<usize, Vec<String>>,
    longest: usize,
}

/// Letters of a spaced-apart run read at most.
const MAX_RUN: usize = 64;

impl Vocabulary {
    /// The words of `texts` (folded), two letters or more.
    pub fn new<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for text in texts {
            for word in text.split(|c: char| !is_word(c)).filter(|w| w.chars().count() >= 2) {
                if v.words.insert(word.to_string()) {
                    v.by_len.entry(word.len()).or_default().push(word.to_string());
                    v.longest = v.longest.max(word.len());
                }
            }
        }
        v
    }

    /// Where to cut `letters` into vocabulary words, fewest words first; the last may
    /// carry up to three more letters (an inflection: "Kennworts").
    fn segment(&self, letters: &str) -> Option<Vec<usize>> {
        let n = letters.len();
        if n > MAX_RUN || !letters.is_ascii() {
            return None;
        }
        // best[i]: fewest words covering letters[..i], and where the last one starts.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for i in 1..=n {
            for j in i.saturating_sub(self.longest)..i {
                let Some((count, _)) = best[j] else { continue };
                let word = &letters[j..i];
                let tail_ok = i == n
                    && (1..=3).any(|k| word.len() > k + 3 && self.words.contains(&word[..word.len() - k]));
                if (self.words.contains(word) || tail_ok) && best[i].is_none_or(|(c, _)| count + 1 < c) {
                    best[i] = Some((count + 1, j));
                }
            }
        }
        let mut cuts = Vec::new();
        let mut at = n;
        while at > 0 {
            let (_, start) = best[at]?;
            cuts.push(start);
            at = start;
        }
        cuts.reverse();
        Some(cuts)
    }

    /// The vocabulary word a word with digits for letters spells, if one.
    fn respelled(&self, word: &str) -> Option<&str> {
        // A vocabulary word with digits in it ("m365", a fold's "6e3пekи") is itself.
        if self.words.contains(word) {
            return None;
        }
        self.by_len.get(&word.len())?.iter().find(|w| spells_with_digits(word, w)).map(String::as_str)
    }
}

/// Folds a text for matching. `skip_addresses` blanks out URLs and e-mail addresses
/// (a body's `go.microsoft.com` link or `…@hotmail.com` recipient does not name anyone).
pub fn fold(source: &str, skip_addresses: bool) -> Folded<'_> {
    fold_with(source, skip_addresses, None)
}

/// [`fold`], undoing spaced-apart letters and digits-for-letters where they spell words
/// of `vocabulary`.
pub fn fold_with<'a>(source: &'a str, skip_addresses: bool, vocabulary: Option<&Vocabulary>) -> Folded<'a> {
    let source = cut(source, MAX_TEXT_BYTES);
    let skipped = if skip_addresses { crate::text::shapes::address_spans(source) } else { Vec::new() };
    let mut ranges = skipped.iter().copied();
    let mut skip = ranges.next();
    let mut f = Folder {
        text: Vec::with_capacity(source.len()),
        map: Vec::with_capacity(source.len()),
        disguises: Vec::new(),
        last: None,
        pending_space: false,
        space_at: 0,
        word_start: 0,
        word_confusable: false,
        word_latin: false,
    };

    let bytes = source.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let at = next;
        while skip.is_some_and(|(_, end)| end <= at) {
            skip = ranges.next();
        }
        // A skipped token reads as one separator; plain text runs up to the next one.
        let limit = match skip {
            Some((start, end)) if start <= at => {
                f.separator(at);
                next = end;
                continue;
            }
            Some((start, _)) => start,
            None => bytes.len(),
        };
        if bytes[at].is_ascii() {
            // The common case: ASCII is never in the table and lower-cases to one ASCII char.
            let end = bytes[at..limit].iter().position(|b| !b.is_ascii()).map_or(limit, |p| at + p);
            f.push_ascii(&bytes[at..end], at);
            next = end;
            continue;
        }
        let raw = source.get(at..).and_then(|r| r.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
        next += raw.len_utf8();
        f.push_source_char(raw, at);
    }
    f.end_word();
    let Folder { text, map, mut disguises, .. } = f;
    // Only whole chars were written, so this never fails; the fallback keeps it panic-free.
    let text = String::from_utf8(text).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut folded = Folded { source, text, map, disguises: Vec::new() };
    if let Some(vocabulary) = vocabulary {
        respell(&mut folded, &mut disguises, vocabulary);
    }
    disguises.truncate(MAX_DISGUISES);
    folded.disguises = disguises;
    folded
}

/// The folded text as it is written, with the disguises met on the way.
struct Folder {
    /// UTF-8, written a byte at a time in the ASCII loop.
    text: Vec<u8>,
    map: Vec<u32>,
    disguises: Vec<(u32, u32, DisguiseKind)>,
    last: Option<char>,
    pending_space: bool,
    /// Where the pending run of separators began: the folded space points there.
    space_at: usize,
    /// Where the word being written began in `text`, and whether a look-alike letter is in it.
    word_start: usize,
    word_confusable: bool,
    /// Whether the word being written has a letter typed as plain ASCII.
    word_latin: bool,
}

impl Folder {
    fn separator(&mut self, at: usize) {
        if !self.pending_space {
            self.pending_space = true;
            self.space_at = at;
        }
    }

    fn note(&mut self, start: usize, end: usize, kind: DisguiseKind) {
        if self.disguises.len() < MAX_DISGUISES {
            self.disguises.push((start as u32, end as u32, kind));
        }
    }

    /// A word ends: letters of another script inside a word of Latin letters that folds to
    /// plain Latin are look-alikes ("Місrosoft"); a word with no Latin letter typed ("код",
    /// Bulgarian "акаунт" whose letters all happen to look Latin) is just that language.
    fn end_word(&mut self) {
        if self.word_confusable {
            self.word_confusable = false;
            let word = &self.text[self.word_start..];
            if self.word_latin && word.iter().all(|b| b.is_ascii_alphanumeric()) {
                self.note(self.word_start, self.text.len(), DisguiseKind::LookalikeLetters);
            }
        }
        self.word_latin = false;
        self.word_start = self.text.len();
    }

    /// The pending separators become one space, except next to wide-script chars.
    fn space_before(&mut self, next_wide: bool) {
        if self.pending_space {
            self.pending_space = false;
            if self.last.is_some_and(|p| !is_wide(p) && !next_wide) {
                self.end_word();
                self.text.push(b' ');
                self.map.push(self.space_at as u32);
                self.word_start = self.text.len();
            }
        }
    }

    /// A source char (not ASCII) at byte `at`, through the table.
    fn push_source_char(&mut self, raw: char, at: usize) {
        // Punctuation first: the table may read a mark of punctuation as a letter that it
        // looks like (the Devanagari danda "।" as l), and it would glue onto the word.
        if is_separator(raw) {
            self.separator(at);
            return;
        }
        match unicode::fold_char(raw) {
            Some(("", class)) => {
                // Dropped. An invisible char inside a word is where a disguise stood, and so
                // is a mark on a Latin letter ("M̶i̶c̶r̶o̶s̶o̶f̶t̶"); the vowel signs of Thai or
                // Devanagari are how those scripts are spelled.
                let here = self.text.len();
                if class != Class::Mark {
                    self.note(here, here, DisguiseKind::InvisibleChars);
                } else if self.last.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    self.note(here, here, DisguiseKind::CombiningMarks);
                }
            }
            Some((folded, class)) => {
                let start = self.text.len();
                for c in folded.chars() {
                    if is_separator(c) {
                        self.separator(at);
                    } else {
                        self.push_char(c, at);
                    }
                }
                match class {
                    Class::Compat => self.note(start, self.text.len(), DisguiseKind::DecorativeLetters),
                    Class::Confusable => self.word_confusable = true,
                    _ => {}
                }
            }
            None => {
                for lc in raw.to_lowercase() {
                    match unicode::fold_char(lc) {
                        Some((folded, class)) => {
                            for c in folded.chars() {
                                self.push_char(c, at);
                            }
                            self.word_confusable |= class == Class::Confusable;
                        }
                        None => self.push_char(lc, at),
                    }
                }
            }
        }
    }

    /// A folded char that came from the source char at `at`.
    fn push_char(&mut self, c: char, at: usize) {
        let wide = is_wide(c);
        self.space_before(wide);
        let mut buf = [0u8; 4];
        let encoded = c.encode_utf8(&mut buf);
        self.text.extend_from_slice(encoded.as_bytes());
        self.map.extend(std::iter::repeat_n(at as u32, encoded.len()));
        if !is_word(c) {
            self.end_word();
        }
        self.last = Some(c);
    }

    /// A run of ASCII bytes, starting at `at` of the source: one tight loop, since most
    /// text is ASCII.
    fn push_ascii(&mut self, run: &[u8], at: usize) {
        for (k, &b) in run.iter().enumerate() {
            if is_ascii_separator(b) {
                self.separator(at + k);
                continue;
            }
            if self.pending_space {
                self.space_before(false);
            }
            let lower = b.to_ascii_lowercase();
            self.text.push(lower);
            self.map.push((at + k) as u32);
            self.word_latin |= lower.is_ascii_lowercase();
            self.last = Some(char::from(lower));
        }
    }
}

/// Undoes spaced-apart letters and digits standing for letters where the result spells
/// vocabulary words: the folded text is rewritten in place (map kept), the disguise noted.
fn respell(folded: &mut Folded, disguises: &mut Vec<(u32, u32, DisguiseKind)>, vocabulary: &Vocabulary) {
    let text = &folded.text;
    // Cheap test first: most texts have neither a digit inside a word nor single letters
    // in a row.
    let bytes = text.as_bytes();
    let digit_in_word = bytes.windows(2).any(|w| {
        w[0].is_ascii_alphabetic() && w[1].is_ascii_digit()
            || w[0].is_ascii_digit() && w[1].is_ascii_alphabetic()
    });
    let spaced = bytes.windows(4).any(|w| {
        w[0].is_ascii_alphanumeric() && w[1] == b' ' && w[2].is_ascii_alphanumeric() && w[3] == b' '
    });
    if !digit_in_word && !spaced {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(folded.map.len());
    // Each rewrite: (old start, old end, new start, new end), in order.
    let mut edits: Vec<(usize, usize, usize, usize)> = Vec::new();
    let words: Vec<(usize, usize)> = word_spans(text);
    let mut i = 0;
    let mut copied = 0;
    // The last word of the run of one-letter words `i` is in: found once per run, since
    // a run that does not spell is tried again from each later letter.
    let mut run_end: Option<usize> = None;
    while i < words.len() {
        let j = match run_end {
            Some(j) if i <= j => j,
            _ => {
                let mut j = i;
                while j + 1 < words.len()
                    && words[j].1 - words[j].0 == 1
                    && words[j + 1].1 - words[j + 1].0 == 1
                    && words[j + 1].0 == words[j].1 + 1
                {
                    j += 1;
                }
                run_end = Some(j);
                j
            }
        };
        // Letters spaced apart: a run of one-letter words separated by single spaces. Only
        // its last MAX_RUN letters can spell (the segmenter reads no more), so a longer run
        // is tried from there: linear in the run, not quadratic.
        if j - i + 1 > MAX_RUN {
            i = j + 1 - MAX_RUN;
        }
        let (ws, we) = words[i];
        if j - i + 1 >= 3 {
            let letters: String = words[i..=j].iter().map(|&(s, _)| &text[s..s + 1]).collect();
            if let Some(cuts) = vocabulary.segment(&letters) {
                let (run_start, run_end) = (words[i].0, words[j].1);
                out.push_str(&text[copied..run_start]);
                map.extend_from_slice(&folded.map[copied..run_start]);
                let new_start = out.len();
                for (k, ch) in letters.char_indices() {
                    if k > 0 && cuts.contains(&k) {
                        // One word of the vocabulary ends here.
                        out.push(' ');
                        map.push(folded.map[words[i + k].0]);
                    }
                    out.push(ch);
                    map.push(folded.map[words[i + k].0]);
                }
                edits.push((run_start, run_end, new_start, out.len()));
                disguises.push((new_start as u32, out.len() as u32, DisguiseKind::SpacedLetters));
                copied = run_end;
                i = j + 1;
                continue;
            }
        }
        // Digits for letters inside one word that then spells a vocabulary word.
        let word = &text[ws..we];
        if word.bytes().any(|b| b.is_ascii_digit()) && word.bytes().any(|b| b.is_ascii_alphabetic()) {
            if let Some(name) = vocabulary.respelled(word) {
                out.push_str(&text[copied..ws]);
                map.extend_from_slice(&folded.map[copied..ws]);
                let new_start = out.len();
                out.push_str(name);
                map.extend_from_slice(&folded.map[ws..we]);
                edits.push((ws, we, new_start, out.len()));
                disguises.push((new_start as u32, out.len() as u32, DisguiseKind::DigitsForLetters));
                copied = we;
            }
        }
        i += 1;
    }
    if edits.is_empty() {
        return;
    }
    out.push_str(&text[copied..]);
    map.extend_from_slice(&folded.map[copied..]);
    // The disguises noted while folding move with the rewrites before them.
    let moved = |o: u32| {
        let o = o as usize;
        let k = edits.partition_point(|&(old_start, ..)| old_start <= o);
        let moved = match k.checked_sub(1).map(|k| edits[k]) {
            Some((_, old_end, _, new_end)) if o >= old_end => o - old_end + new_end,
            Some((_, _, new_start, _)) => new_start,
            None => o,
        };
        moved as u32
    };
    for d in disguises.iter_mut() {
        if !matches!(d.2, DisguiseKind::SpacedLetters | DisguiseKind::DigitsForLetters) {
            *d = (moved(d.0), moved(d.1), d.2);
        }
    }
    disguises.sort_unstable();
    folded.text = out;
    folded.map = map;
}

/// Whether `word` spells `name` with digits for some letters (0→o, 1→i or l, 5→s, 3→e).
fn spells_with_digits(word: &str, name: &str) -> bool {
    word.len() == name.len()
        && word.bytes().zip(name.bytes()).all(|(w, n)| {
            w == n
                || matches!((w, n), (b'0', b'o') | (b'1', b'i') | (b'1', b'l') | (b'5', b's') | (b'3', b'e'))
        })
}

/// Byte spans of the words (runs of [`is_word`] chars) of a folded text.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Punctuation that separates words like a space does.
pub fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return is_ascii_separator(c as u8);
    }
    c.is_whitespace()
        || matches!(
            c,
            '¡' | '¿'
                | '‘'
                | '’'
                | '‚'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '·'
                | '•'
                | '…'
                | '−'
                | '。'
                | '、'
                | '，'
                | '！'
                | '？'
                | '「'
                | '」'
                | '『'
                | '』'
                | '（'
                | '）'
                | '【'
                | '】'
                | '・'
                | '〈'
                | '〉'
                | '《'
                | '》'
                | '；'
                | '،'
                | '؛'
                | '؟'
                | '۔'
                | '।'
                | '॥'
        )
        || ('\u{2010}'..='\u{2015}').contains(&c)
}

/// [`is_separator`] for an ASCII byte.
fn is_ascii_separator(b: u8) -> bool {
    ASCII_SEPARATORS[b as usize]
}

/// The ASCII separators as a table: the folding loop asks once per byte.
static ASCII_SEPARATORS: [bool; 256] = {
    let mut table = [false; 256];
    let separators = b" \t\n\x0b\x0c\r-_.,;/\\|*\"'`()[]{}<>!?#+=~^";
    let mut i = 0;
    while i < separators.len() {
        table[separators[i] as usize] = true;
        i += 1;
    }
    table
};

/// Scripts written without spaces between words (or whose spacing varies): no space is
/// kept next to them, so "セキュリティ コード" and "セキュリティコード" fold the same.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0E7F | 0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFF65..=0xFF9F | 0x20000..=0x3FFFF)
}

/// A letter or digit of a script written with spaces: word boundaries apply.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_wide(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(["microsoft account", "outlook", "office", "security code", "kennwort"])
    }

    fn folded(s: &str) -> String {
        fold_with(s, false, Some(&vocabulary())).text
    }

    fn kinds(s: &str) -> Vec<DisguiseKind> {
        fold_with(s, false, Some(&vocabulary())).disguises.iter().map(|d| d.2).collect()
    }

    #[test]
    fn plain_text_folds_to_lower_case_words() {
        assert_eq!(
            folded("Microsoft account -- Security code: 123456!"),
            "microsoft account security code: 123456"
        );
        // Voicing marks fold away like accents: every way of typing the word folds the same.
        assert_eq!(folded("セキュリティ コード: 123456"), "セキュリティコート: 123456");
        assert!(kinds("Microsoft account, Код безопасности").is_empty());
    }

    #[test]
    fn disguised_letters_fold_and_are_noted() {
        assert_eq!(folded("Mi\u{200b}cro\u{200b}soft"), "microsoft");
        assert!(kinds("Mi\u{200b}crosoft").contains(&DisguiseKind::InvisibleChars));
        assert_eq!(folded("Міcrosoft"), "microsoft");
        assert_eq!(kinds("Міcrosoft"), vec![DisguiseKind::LookalikeLetters]);
        assert_eq!(folded("𝐌𝐢𝐜𝐫𝐨𝐬𝐨𝐟𝐭"), "microsoft");
        assert!(kinds("𝐌𝐢𝐜𝐫𝐨𝐬𝐨𝐟𝐭").contains(&DisguiseKind::DecorativeLetters));
        assert_eq!(folded("M\u{336}i\u{336}crosoft"), "microsoft");
        assert!(kinds("M\u{336}icrosoft").contains(&DisguiseKind::CombiningMarks));
    }

    #[test]
    fn other_scripts_spelling_is_no_disguise() {
        // Danda and Arabic comma end words; Thai and Devanagari vowel signs are spelling.
        assert_eq!(folded("कोड भेजें। ठीक"), fold("कोड भेजें ठीक", false).text);
        assert_eq!(folded("حساب، رمز"), "حساب رمز");
        assert!(kinds("ทีมบัญชี Microsoft").is_empty());
        assert!(kinds("हमें कोड भेजें").is_empty());
        // A word of the vocabulary with a digit in it is no digits-for-letters disguise.
        let m365 = Vocabulary::new(["m365"]);
        assert!(fold_with("m365", false, Some(&m365)).disguises.is_empty());
    }

    #[test]
    fn words_of_another_script_alone_are_no_lookalikes() {
        // Bulgarian "акаунт в": every letter looks Latin, none is.
        assert!(kinds("Код за защита за акаунт в Microsoft").is_empty());
        assert!(kinds("ОСС").is_empty());
        // Cyrillic О and е among Latin letters.
        assert_eq!(kinds("Оffice"), vec![DisguiseKind::LookalikeLetters]);
        assert_eq!(kinds("оffiсе"), vec![DisguiseKind::LookalikeLetters]);
    }

    #[test]
    fn spaced_and_digit_letters_spell_vocabulary_words_only() {
        assert_eq!(folded("M i c r o s o f t account"), "microsoft account");
        assert_eq!(folded("M.i.c.r.o.s.o.f.t"), "microsoft");
        assert_eq!(folded("m i c r o s o f t a c c o u n t"), "microsoft account");
        assert_eq!(kinds("M i c r o s o f t"), vec![DisguiseKind::SpacedLetters]);
        assert_eq!(folded("Micr0s0ft 0utl00k acc0unt"), "microsoft outlook account");
        assert_eq!(folded("s e c u r i t y c o d e K e n n w o r t s"), "security code kennworts");
        assert!(kinds("Micr0s0ft").contains(&DisguiseKind::DigitsForLetters));
        // Not a name: left alone.
        assert_eq!(folded("a b c d e"), "a b c d e");
        assert_eq!(folded("B2B m0de 1234"), "b2b m0de 1234");
    }

    #[test]
    fn a_long_run_of_single_letters_still_spells_at_its_end() {
        // Padding letters ahead of the spaced name do not hide it, at any run length.
        for pad in [1, MAX_RUN, 5 * MAX_RUN] {
            let text = format!("{}M i c r o s o f t", "x ".repeat(pad));
            assert!(folded(&text).ends_with(" microsoft"), "pad {pad}: {}", folded(&text));
        }
    }

    #[test]
    fn original_quotes_the_source() {
        let f = fold_with("Hello M i c r o s o f t team", false, Some(&vocabulary()));
        let (s, e) = (f.text.find("microsoft").unwrap(), f.text.find(" team").unwrap());
        assert_eq!(f.original(s, e), "M i c r o s o f t");
        let f = fold("Visit https://go.microsoft.com/x now", true);
        assert_eq!(f.text, "visit now");
    }
}
