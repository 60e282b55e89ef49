//! The repeated-code history and its alarm.
//!
//! The extension keeps one [`HistoryRecord`] per distinct code mail (its date, a hash of
//! its message id, its claim, its level and whether the person said "I asked for this
//! code") and asks [`evaluate`] what that history means. Everything here is pure: the
//! caller passes the clock (`now_ms`, milliseconds since the Unix epoch, like JavaScript's
//! `Date.now()`), nothing is read or written, and no input — NaN dates, dates in the
//! future, duplicates, unknown claim strings — can make it panic.
//!
//! # Why these thresholds
//!
//! Microsoft's genuine code mail says itself: "If you didn't request this code, you can
//! safely ignore this email. Someone else might have typed your email address by mistake."
//! One code the person did not ask for is therefore worth showing but not an alarm: a typo
//! explains it. A typo does not repeat: a second unrequested code within a day, or a third
//! within a week, is someone working on this account — they know the address and are
//! trying the password (or are phishing the person with fakes, which is the same attack
//! from the other side). That is when Microsoft's advice for repeated code requests
//! applies: check recent activity, change the password, make a new alias primary and turn
//! off sign-in for the exposed one. The windows are short enough that the alarm clears by
//! itself once the attempts stop.
//!
//! # What counts
//!
//! Code claims ([`Claim::is_code`]: security code, single-use code, password reset) and
//! unusual-sign-in alerts. Microsoft sends the unusual-sign-in alert after a sign-in with
//! the right password from an unfamiliar place, so an unrequested one is the same attacker
//! one step further; the most copied fake (the "unusual sign-in activity" callback lure)
//! imitates exactly that mail. Other account alerts (security info added, app connected)
//! report changes and are not attempts: they are not counted. A record marked `asked` is
//! shown in the counts and the timeline but never raises the alarm.
//!
//! Fakes count too: three fake code mails in a week are a campaign aimed at this person,
//! and the alarm says so ([`AlarmKind::Fake`]); real ones ([`AlarmKind::Real`]: genuine
//! or unverified) mean someone is triggering Microsoft's own codes.
//!
//! # Time
//!
//! The timeline's "days" are rolling 24-hour slices ending at `now_ms`, not calendar days:
//! the core does not know the person's time zone, and slice 0 is then exactly the badge's
//! 24-hour count. A record dated up to [`MAX_CLOCK_SKEW_MS`] in the future (the sender's
//! clock) counts as "now"; one further ahead is implausible — a mail cannot arrive before
//! it is seen — and is ignored and reported in [`AlarmState::invalid_records`]. The
//! extension should store `min(mail date, time first seen)` so that a forged `Date:`
//! header can neither hide a mail from the alarm nor keep it alive forever.

use std::collections::HashMap;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{Claim, Level};

const HOUR_MS: f64 = 60.0 * 60.0 * 1000.0;
const DAY_MS: f64 = 24.0 * HOUR_MS;

/// Unrequested code mails within [`BURST_WINDOW_MS`] that raise the alarm. One is a typo
/// (Microsoft's own wording); two in a day are not.
pub const BURST_COUNT: u32 = 2;
/// The short window: one day, the badge's window.
pub const BURST_WINDOW_MS: f64 = DAY_MS;
/// Unrequested code mails within [`SUSTAINED_WINDOW_MS`] that raise the alarm: an attacker
/// who spaces attempts to stay under rate limits is still caught by the third in a week.
pub const SUSTAINED_COUNT: u32 = 3;
/// The long window: one week.
pub const SUSTAINED_WINDOW_MS: f64 = 7.0 * DAY_MS;
/// Days in the popup's timeline.
pub const TIMELINE_DAYS: usize = 30;
/// Records older than this are dropped by [`prune`] (issue 4: 90 days).
pub const RETENTION_MS: f64 = 90.0 * DAY_MS;
/// How far in the future a mail's date may be and still be believed (senders' clocks).
pub const MAX_CLOCK_SKEW_MS: f64 = HOUR_MS;
/// At most this many records are kept by [`prune`] (the newest): bounds `storage.local`
/// even if something floods the history. Far above any real 90-day history.
pub const MAX_RECORDS: usize = 5000;

/// One code mail as the extension stores it. Nothing else about the mail is kept.
///
/// Deserializing is lenient so that one damaged record in storage cannot make the whole
/// history unreadable: a missing or non-numeric date becomes NaN (ignored), an unknown
/// claim or level becomes `none` (not counted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryRecord {
    /// When the mail arrived, milliseconds since the Unix epoch.
    #[serde(default = "nan", deserialize_with = "lenient_f64")]
    pub date_ms: f64,
    /// A hash of the message id: the record's identity.
    #[serde(default, deserialize_with = "lenient_string")]
    pub id_hash: String,
    #[serde(default = "claim_none", deserialize_with = "lenient_claim")]
    pub claim: Claim,
    #[serde(default = "level_none", deserialize_with = "lenient_level")]
    pub level: Level,
    /// The person marked it "I asked for this code".
    #[serde(default, deserialize_with = "lenient_bool")]
    pub asked: bool,
}

/// Why the alarm holds (or what is worth noting when it does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlarmReason {
    /// No unrequested code mail in the last week.
    None,
    /// Unrequested code mail in the last week, below every threshold: shown, no alarm
    /// (one is explained by a typo; two days apart, not yet a pattern).
    Unrequested,
    /// [`BURST_COUNT`] or more unrequested within [`BURST_WINDOW_MS`].
    Burst,
    /// [`SUSTAINED_COUNT`] or more unrequested within [`SUSTAINED_WINDOW_MS`].
    Sustained,
}

/// Whose mails raised the alarm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlarmKind {
    /// No alarm.
    None,
    /// Genuine or unverified mails: someone is making Microsoft send real codes.
    Real,
    /// Suspicious or dangerous mails: a phishing campaign aimed at this person.
    Fake,
    /// Both.
    Mixed,
}

/// One rolling 24-hour slice of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DayCount {
    /// Start of the slice (exclusive), ms since the epoch.
    pub start_ms: f64,
    /// End of the slice (inclusive), ms since the epoch.
    pub end_ms: f64,
    /// Counted mails in the slice.
    pub total: u32,
    /// Of those, not marked "I asked for this code".
    pub unrequested: u32,
    /// Of those, judged suspicious or dangerous.
    pub fake: u32,
}

/// The thresholds in force, so the popup can explain the alarm with the real numbers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thresholds {
    pub burst_count: u32,
    pub burst_window_ms: f64,
    pub sustained_count: u32,
    pub sustained_window_ms: f64,
}

/// The thresholds this module uses.
pub const THRESHOLDS: Thresholds = Thresholds {
    burst_count: BURST_COUNT,
    burst_window_ms: BURST_WINDOW_MS,
    sustained_count: SUSTAINED_COUNT,
    sustained_window_ms: SUSTAINED_WINDOW_MS,
};

/// What the history means right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlarmState {
    /// Counted mails in the last 24 hours, asked-for ones included: the badge number.
    pub count_24h: u32,
    /// Of those, not asked for.
    pub unrequested_24h: u32,
    /// Unrequested counted mails in the last 7 days.
    pub unrequested_7d: u32,
    /// Counted mails in the last 30 days.
    pub count_30d: u32,
    /// Unrequested counted mails in the last 30 days.
    pub unrequested_30d: u32,
    /// The alarm holds: the badge turns red and the popup leads with the five steps.
    pub alarm: bool,
    pub reason: AlarmReason,
    pub kind: AlarmKind,
    /// When the alarm stops holding if no further mail comes; `None` without an alarm.
    pub alarm_until_ms: Option<f64>,
    /// Date of the newest counted mail, if any.
    pub last_ms: Option<f64>,
    /// Records ignored: no usable date, or dated implausibly far in the future.
    pub invalid_records: u32,
    /// The last [`TIMELINE_DAYS`] rolling days, oldest first; the last entry is the last 24 hours.
    pub timeline: Vec<DayCount>,
    pub thresholds: Thresholds,
}

/// Whether a claim is counted by the history and the alarm (see the module notes).
pub fn counts(claim: Claim) -> bool {
    claim.is_code() || claim == Claim::SignInAlert
}

fn is_fake(level: Level) -> bool {
    matches!(level, Level::Suspicious | Level::Dangerous)
}

fn is_real(level: Level) -> bool {
    matches!(level, Level::Genuine | Level::Unverified)
}

/// The record's date as used for counting: `None` when unusable.
fn effective_date(date_ms: f64, now_ms: f64) -> Option<f64> {
    if !date_ms.is_finite() {
        return None;
    }
    if date_ms > now_ms + MAX_CLOCK_SKEW_MS {
        return None;
    }
    Some(date_ms.min(now_ms))
}

/// Removes duplicates by `id_hash`, keeping the last occurrence (the latest write wins, so
/// toggling "I asked for this code" off again is respected). Records with an empty hash
/// have no identity and are all kept. The survivors keep their relative order.
fn dedupe(records: &[HistoryRecord]) -> Vec<&HistoryRecord> {
    let mut last: HashMap<&str, usize> = HashMap::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        if !r.id_hash.is_empty() {
            last.insert(r.id_hash.as_str(), i);
        }
    }
    records
        .iter()
        .enumerate()
        .filter(|(i, r)| r.id_hash.is_empty() || last.get(r.id_hash.as_str()) == Some(i))
        .map(|(_, r)| r)
        .collect()
}

fn empty_timeline(now_ms: f64) -> Vec<DayCount> {
    (0..TIMELINE_DAYS)
        .map(|i| {
            let back = (TIMELINE_DAYS - 1 - i) as f64;
            DayCount {
                start_ms: now_ms - (back + 1.0) * DAY_MS,
                end_ms: now_ms - back * DAY_MS,
                total: 0,
                unrequested: 0,
                fake: 0,
            }
        })
        .collect()
}

/// Age in ms of a mail within the window `(now - window, now]`?
fn within(age_ms: f64, window_ms: f64) -> bool {
    age_ms >= 0.0 && age_ms < window_ms
}

/// The time the alarm for one window stops holding: `window` after the `count`-th newest
/// unrequested date inside it (`dates` sorted newest first, all inside the window).
fn holds_until(dates_newest_first: &[f64], count: u32, window_ms: f64) -> Option<f64> {
    let k = count as usize;
    if k == 0 || dates_newest_first.len() < k {
        return None;
    }
    Some(dates_newest_first[k - 1] + window_ms)
}

/// What the history means at `now_ms`. Never panics; duplicates are counted once.
pub fn evaluate(records: &[HistoryRecord], now_ms: f64) -> AlarmState {
    let mut state = AlarmState {
        count_24h: 0,
        unrequested_24h: 0,
        unrequested_7d: 0,
        count_30d: 0,
        unrequested_30d: 0,
        alarm: false,
        reason: AlarmReason::None,
        kind: AlarmKind::None,
        alarm_until_ms: None,
        last_ms: None,
        invalid_records: 0,
        timeline: Vec::new(),
        thresholds: THRESHOLDS,
    };
    if !now_ms.is_finite() {
        // No clock, no windows: report every record as unusable rather than guess.
        state.invalid_records = u32::try_from(records.len()).unwrap_or(u32::MAX);
        return state;
    }
    state.timeline = empty_timeline(now_ms);

    // Unrequested dates inside the long window, with whether each was real / fake.
    let mut unrequested_week: Vec<(f64, Level)> = Vec::new();
    for r in dedupe(records) {
        if !counts(r.claim) {
            continue;
        }
        let Some(date) = effective_date(r.date_ms, now_ms) else {
            state.invalid_records = state.invalid_records.saturating_add(1);
            continue;
        };
        let age = now_ms - date;
        let unrequested = !r.asked;
        state.last_ms = Some(state.last_ms.map_or(date, |d: f64| d.max(date)));
        if within(age, BURST_WINDOW_MS) {
            state.count_24h += 1;
            if unrequested {
                state.unrequested_24h += 1;
            }
        }
        if unrequested && within(age, SUSTAINED_WINDOW_MS) {
            state.unrequested_7d += 1;
            unrequested_week.push((date, r.level));
        }
        if within(age, TIMELINE_DAYS as f64 * DAY_MS) {
            state.count_30d += 1;
            if unrequested {
                state.unrequested_30d += 1;
            }
            // age in [0, 30 days): slice 0 (newest) is the last entry.
            let back = ((age / DAY_MS) as usize).min(TIMELINE_DAYS - 1);
            let slot = &mut state.timeline[TIMELINE_DAYS - 1 - back];
            slot.total += 1;
            if unrequested {
                slot.unrequested += 1;
            }
            if is_fake(r.level) {
                slot.fake += 1;
            }
        }
    }

    unrequested_week.sort_by(|a, b| b.0.total_cmp(&a.0));
    let burst: Vec<(f64, Level)> =
        unrequested_week.iter().copied().filter(|(d, _)| within(now_ms - d, BURST_WINDOW_MS)).collect();
    let burst_alarm = state.unrequested_24h >= BURST_COUNT;
    let sustained_alarm = state.unrequested_7d >= SUSTAINED_COUNT;

    let (reason, raising): (AlarmReason, &[(f64, Level)]) = if burst_alarm {
        (AlarmReason::Burst, &burst)
    } else if sustained_alarm {
        (AlarmReason::Sustained, &unrequested_week)
    } else if state.unrequested_7d > 0 {
        (AlarmReason::Unrequested, &[])
    } else {
        (AlarmReason::None, &[])
    };
    state.reason = reason;
    state.alarm = burst_alarm || sustained_alarm;
    if state.alarm {
        let real = raising.iter().any(|(_, l)| is_real(*l));
        let fake = raising.iter().any(|(_, l)| is_fake(*l));
        state.kind = match (real, fake) {
            (true, true) => AlarmKind::Mixed,
            (true, false) => AlarmKind::Real,
            (false, true) => AlarmKind::Fake,
            // Only records with level "none": counted, but of unknown standing.
            (false, false) => AlarmKind::Mixed,
        };
        let burst_dates: Vec<f64> = burst.iter().map(|(d, _)| *d).collect();
        let week_dates: Vec<f64> = unrequested_week.iter().map(|(d, _)| *d).collect();
        let until_burst = holds_until(&burst_dates, BURST_COUNT, BURST_WINDOW_MS);
        let until_sustained = holds_until(&week_dates, SUSTAINED_COUNT, SUSTAINED_WINDOW_MS);
        state.alarm_until_ms = match (until_burst, until_sustained) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    state
}

/// The history to store back: unusable dates and records older than [`RETENTION_MS`]
/// dropped, duplicates by `id_hash` merged (the last one wins), sorted oldest first, at
/// most [`MAX_RECORDS`] (the newest). Without a usable clock (`now_ms` NaN or infinite)
/// nothing is dropped for its age: a broken clock must not erase the history.
pub fn prune(records: &[HistoryRecord], now_ms: f64) -> Vec<HistoryRecord> {
    let clock = now_ms.is_finite();
    let mut kept: Vec<HistoryRecord> = dedupe(records)
        .into_iter()
        .filter(|r| {
            if !r.date_ms.is_finite() {
                return false;
            }
            if !clock {
                return true;
            }
            let age = now_ms - r.date_ms;
            age < RETENTION_MS && r.date_ms <= now_ms + MAX_CLOCK_SKEW_MS
        })
        .cloned()
        .collect();
    kept.sort_by(|a, b| a.date_ms.total_cmp(&b.date_ms));
    if kept.len() > MAX_RECORDS {
        kept.drain(..kept.len() - MAX_RECORDS);
    }
    kept
}

/// Counted mails in the last 24 hours (the badge number), duplicates counted once.
pub fn count_last_24h(records: &[HistoryRecord], now_ms: f64) -> u32 {
    evaluate(records, now_ms).count_24h
}

/// A stored history read as leniently as each record: anything that is not a list reads as
/// an empty history, and an element that is not a record (null, a number) is skipped, so
/// that damaged storage can never make the alarm throw. For the wasm `alarm` export.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct StoredHistory(pub Vec<HistoryRecord>);

impl<'de> Deserialize<'de> for StoredHistory {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(StoredHistory(match Option::<Loose>::deserialize(d)? {
            Some(Loose::List(items)) => items
                .into_iter()
                .filter_map(|item| match item {
                    Loose::Record(r) => Some(r),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }))
    }
}

// ----- lenient deserialization -----

fn nan() -> f64 {
    f64::NAN
}

fn claim_none() -> Claim {
    Claim::None
}

fn level_none() -> Level {
    Level::None
}

/// Any JSON-ish value, to be interpreted leniently: an object reads as a record, a
/// list as a list of such values.
enum Loose {
    Num(f64),
    Bool(bool),
    Str(String),
    Record(HistoryRecord),
    List(Vec<Loose>),
    Nothing,
}

/// Written by hand rather than as a `#[serde(untagged)]` enum: that buffers every value
/// in serde's generic `Content` tree, whose code was most of the wasm `alarm` export.
impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnyValue;
        impl<'de> Visitor<'de> for AnyValue {
            type Value = Loose;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Loose, E> {
                Ok(Loose::Bool(b))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Loose, E> {
                Ok(Loose::Num(n))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Loose, E> {
                Ok(Loose::Num(n as f64))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Loose, E> {
                Ok(Loose::Num(n as f64))
            }
            fn visit_str<E>(self, s: &str) -> Result<Loose, E> {
                Ok(Loose::Str(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Loose, E> {
                Ok(Loose::Str(s))
            }
            fn visit_unit<E>(self) -> Result<Loose, E> {
                Ok(Loose::Nothing)
            }
            fn visit_none<E>(self) -> Result<Loose, E> {
                Ok(Loose::Nothing)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
                Loose::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Loose::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Loose, A::Error> {
                HistoryRecord::deserialize(MapAccessDeserializer::new(map)).map(Loose::Record)
            }
        }
        d.deserialize_any(AnyValue)
    }
}

fn lenient_f64<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(match Option::<Loose>::deserialize(d)? {
        Some(Loose::Num(n)) => n,
        Some(Loose::Str(s)) => s.trim().parse().unwrap_or(f64::NAN),
        _ => f64::NAN,
    })
}

fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Option::<Loose>::deserialize(d)? {
        Some(Loose::Str(s)) => s,
        Some(Loose::Num(n)) if n.is_finite() => n.to_string(),
        _ => String::new(),
    })
}

fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(matches!(Option::<Loose>::deserialize(d)?, Some(Loose::Bool(true))))
}

fn lenient_claim<'de, D: Deserializer<'de>>(d: D) -> Result<Claim, D::Error> {
    Ok(match Option::<Loose>::deserialize(d)? {
        Some(Loose::Str(s)) => parse_claim(&s),
        _ => Claim::None,
    })
}

fn lenient_level<'de, D: Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
    Ok(match Option::<Loose>::deserialize(d)? {
        Some(Loose::Str(s)) => parse_level(&s),
        _ => Level::None,
    })
}

/// The claim named by its serialized id; anything else is `none` (not counted).
pub fn parse_claim(s: &str) -> Claim {
    [
        Claim::SecurityCode,
        Claim::SingleUseCode,
        Claim::PasswordReset,
        Claim::SignInAlert,
        Claim::OtherAccountAlert,
    ]
    .into_iter()
    .find(|c| c.as_str() == s)
    .unwrap_or(Claim::None)
}

/// The level named by its serialized id; anything else is `none`.
pub fn parse_level(s: &str) -> Level {
    [Level::Genuine, Level::Unverified, Level::Suspicious, Level::Dangerous]
        .into_iter()
        .find(|l| l.as_str() == s)
        .unwrap_or(Level::None)
}
