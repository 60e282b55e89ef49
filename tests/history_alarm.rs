//! The repeated-code alarm: every threshold from both sides, and bad input.

use codeguard::history::*;
use codeguard::{Claim, Level};

const H: f64 = 60.0 * 60.0 * 1000.0;
const D: f64 = 24.0 * H;
/// 2026-11-25T00:00:00Z
const NOW: f64 = 1_795_564_800_000.0;

fn rec(id: &str, hours_ago: f64, claim: Claim, level: Level, asked: bool) -> HistoryRecord {
    HistoryRecord { date_ms: NOW - hours_ago * H, id_hash: id.into(), claim, level, asked }
}

/// An unrequested fake security-code mail.
fn fake(id: &str, hours_ago: f64) -> HistoryRecord {
    rec(id, hours_ago, Claim::SecurityCode, Level::Dangerous, false)
}

/// An unrequested real (unverified) security-code mail.
fn real(id: &str, hours_ago: f64) -> HistoryRecord {
    rec(id, hours_ago, Claim::SecurityCode, Level::Unverified, false)
}

#[test]
fn empty_history_is_quiet() {
    let s = evaluate(&[], NOW);
    assert!(!s.alarm);
    assert_eq!(s.reason, AlarmReason::None);
    assert_eq!(s.kind, AlarmKind::None);
    assert_eq!((s.count_24h, s.unrequested_24h, s.unrequested_7d, s.count_30d), (0, 0, 0, 0));
    assert_eq!(s.timeline.len(), TIMELINE_DAYS);
    assert!(s.timeline.iter().all(|d| d.total == 0));
    assert_eq!(s.alarm_until_ms, None);
    assert_eq!(s.last_ms, None);
}

#[test]
fn one_unrequested_code_is_noted_not_alarmed() {
    let s = evaluate(&[real("a", 1.0)], NOW);
    assert!(!s.alarm);
    assert_eq!(s.reason, AlarmReason::Unrequested);
    assert_eq!(s.count_24h, 1);
    assert_eq!(s.unrequested_24h, 1);
    assert_eq!(s.last_ms, Some(NOW - H));
}

#[test]
fn burst_threshold_two_unrequested_within_24h_alarms() {
    assert_eq!(BURST_COUNT, 2);
    let s = evaluate(&[real("a", 1.0), real("b", 23.0)], NOW);
    assert!(s.alarm);
    assert_eq!(s.reason, AlarmReason::Burst);
    assert_eq!(s.kind, AlarmKind::Real);
    assert_eq!(s.unrequested_24h, 2);
    // The alarm lasts until the older of the two leaves the 24-hour window.
    assert_eq!(s.alarm_until_ms, Some(NOW - 23.0 * H + D));
}

#[test]
fn burst_threshold_not_reached_when_second_is_older_than_24h() {
    let s = evaluate(&[real("a", 1.0), real("b", 25.0)], NOW);
    assert!(!s.alarm);
    assert_eq!(s.reason, AlarmReason::Unrequested);
    assert_eq!(s.unrequested_24h, 1);
    assert_eq!(s.unrequested_7d, 2);
}

#[test]
fn burst_window_edge_exactly_24h_is_outside() {
    let s = evaluate(&[real("a", 0.0), real("b", 24.0)], NOW);
    assert!(!s.alarm);
    let s = evaluate(&[real("a", 0.0), real("b", 23.999)], NOW);
    assert!(s.alarm);
}

#[test]
fn sustained_threshold_three_unrequested_within_7_days_alarms() {
    assert_eq!(SUSTAINED_COUNT, 3);
    let s = evaluate(&[real("a", 2.0 * 24.0), real("b", 4.0 * 24.0), real("c", 6.0 * 24.0)], NOW);
    assert!(s.alarm);
    assert_eq!(s.reason, AlarmReason::Sustained);
    assert_eq!(s.unrequested_7d, 3);
    assert_eq!(s.unrequested_24h, 0);
    assert_eq!(s.alarm_until_ms, Some(NOW - 6.0 * D + 7.0 * D));
}

#[test]
fn sustained_threshold_not_reached_with_two_in_a_week() {
    let s = evaluate(&[real("a", 2.0 * 24.0), real("b", 5.0 * 24.0)], NOW);
    assert!(!s.alarm);
    assert_eq!(s.reason, AlarmReason::Unrequested);
}

#[test]
fn sustained_threshold_not_reached_when_third_is_older_than_7_days() {
    let s = evaluate(&[real("a", 2.0 * 24.0), real("b", 4.0 * 24.0), real("c", 7.0 * 24.0 + 1.0)], NOW);
    assert!(!s.alarm);
    assert_eq!(s.unrequested_7d, 2);
    assert_eq!(s.unrequested_30d, 3);
}

#[test]
fn asked_for_codes_never_raise_the_alarm() {
    let records: Vec<_> =
        (0..10).map(|i| rec(&format!("m{i}"), i as f64, Claim::SecurityCode, Level::Genuine, true)).collect();
    let s = evaluate(&records, NOW);
    assert!(!s.alarm);
    assert_eq!(s.reason, AlarmReason::None);
    assert_eq!(s.count_24h, 10, "asked-for codes still show in the count");
    assert_eq!(s.unrequested_24h, 0);
}

#[test]
fn one_asked_plus_one_unrequested_is_not_a_burst() {
    let s = evaluate(&[real("a", 1.0), rec("b", 2.0, Claim::SecurityCode, Level::Genuine, true)], NOW);
    assert!(!s.alarm);
    assert_eq!(s.count_24h, 2);
    assert_eq!(s.unrequested_24h, 1);
}

#[test]
fn three_fake_code_mails_alarm_as_fake() {
    // The browser test of issue 4: three different fake code mails → badge 3 and the alarm.
    let s = evaluate(&[fake("a", 0.1), fake("b", 0.2), fake("c", 0.3)], NOW);
    assert!(s.alarm);
    assert_eq!(s.count_24h, 3);
    assert_eq!(s.kind, AlarmKind::Fake);
}

#[test]
fn real_and_fake_together_are_mixed() {
    let s = evaluate(&[fake("a", 1.0), real("b", 2.0)], NOW);
    assert!(s.alarm);
    assert_eq!(s.kind, AlarmKind::Mixed);
}

#[test]
fn every_code_claim_counts_and_sign_in_alerts_count() {
    for claim in [Claim::SecurityCode, Claim::SingleUseCode, Claim::PasswordReset, Claim::SignInAlert] {
        assert!(counts(claim), "{claim:?}");
        let s = evaluate(
            &[rec("a", 1.0, claim, Level::Suspicious, false), rec("b", 2.0, claim, Level::Suspicious, false)],
            NOW,
        );
        assert!(s.alarm, "{claim:?}");
    }
}

#[test]
fn other_claims_are_not_counted() {
    for claim in [Claim::None, Claim::OtherAccountAlert] {
        assert!(!counts(claim));
        let records: Vec<_> =
            (0..5).map(|i| rec(&format!("m{i}"), i as f64, claim, Level::Dangerous, false)).collect();
        let s = evaluate(&records, NOW);
        assert!(!s.alarm, "{claim:?}");
        assert_eq!(s.count_24h, 0);
        assert!(s.timeline.iter().all(|d| d.total == 0));
    }
}

#[test]
fn duplicates_count_once() {
    let s = evaluate(&[real("same", 1.0), real("same", 1.0), real("same", 2.0)], NOW);
    assert!(!s.alarm);
    assert_eq!(s.count_24h, 1);
}

#[test]
fn duplicate_last_write_wins_for_asked() {
    // Marked "asked" later: no alarm.
    let mut later = real("b", 2.0);
    later.asked = true;
    let s = evaluate(&[real("a", 1.0), real("b", 2.0), later.clone()], NOW);
    assert!(!s.alarm);
    // Unmarked again afterwards: alarm.
    let s = evaluate(&[real("a", 1.0), later, real("b", 2.0)], NOW);
    assert!(s.alarm);
}

#[test]
fn empty_id_hashes_are_distinct_mails() {
    let s = evaluate(&[real("", 1.0), real("", 2.0)], NOW);
    assert!(s.alarm);
}

#[test]
fn nan_and_infinite_dates_are_ignored_and_reported() {
    let mut a = real("a", 0.0);
    a.date_ms = f64::NAN;
    let mut b = real("b", 0.0);
    b.date_ms = f64::INFINITY;
    let mut c = real("c", 0.0);
    c.date_ms = f64::NEG_INFINITY;
    let s = evaluate(&[a, b, c], NOW);
    assert!(!s.alarm);
    assert_eq!(s.count_24h, 0);
    assert_eq!(s.invalid_records, 3);
}

#[test]
fn small_future_skew_counts_as_now_far_future_is_ignored() {
    let s = evaluate(&[real("a", -0.5), real("b", 1.0)], NOW);
    assert!(s.alarm, "half an hour ahead is a sender's clock");
    assert_eq!(s.invalid_records, 0);
    let s = evaluate(&[real("a", -48.0), real("b", 1.0)], NOW);
    assert!(!s.alarm, "two days ahead is implausible");
    assert_eq!(s.invalid_records, 1);
    assert_eq!(s.count_24h, 1);
}

#[test]
fn bad_clock_never_panics() {
    for now in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -1e300, 1e300, f64::MAX, f64::MIN] {
        let s = evaluate(&[real("a", 1.0), real("b", 2.0)], now);
        let _ = serde_json::to_string(&s).unwrap();
        let _ = prune(&[real("a", 1.0), real("b", 2.0)], now);
    }
    let s = evaluate(&[real("a", 1.0)], f64::NAN);
    assert!(!s.alarm);
    assert_eq!(s.invalid_records, 1);
    assert!(s.timeline.is_empty());
}

#[test]
fn extreme_dates_never_panic() {
    let dates = [f64::MAX, f64::MIN, -0.0, 5e-324, 1e300, -1e300, NOW + 1e-3, NOW - 1e-3];
    let records: Vec<_> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| HistoryRecord {
            date_ms: *d,
            id_hash: i.to_string(),
            claim: Claim::SecurityCode,
            level: Level::Dangerous,
            asked: false,
        })
        .collect();
    let s = evaluate(&records, NOW);
    assert!(s.alarm, "the two dated around now form a burst");
    let _ = prune(&records, NOW);
}

#[test]
fn timeline_buckets_are_rolling_days_oldest_first() {
    let s = evaluate(
        &[
            real("a", 1.0),
            rec("b", 25.0, Claim::SingleUseCode, Level::Genuine, true),
            fake("c", 29.0 * 24.0 + 1.0),
            fake("d", 30.0 * 24.0 + 1.0), // outside the 30 days
        ],
        NOW,
    );
    let t = &s.timeline;
    assert_eq!(t.len(), 30);
    assert_eq!(t[29].end_ms, NOW);
    assert_eq!(t[29].start_ms, NOW - D);
    assert_eq!(t[0].start_ms, NOW - 30.0 * D);
    assert_eq!((t[29].total, t[29].unrequested, t[29].fake), (1, 1, 0));
    assert_eq!((t[28].total, t[28].unrequested, t[28].fake), (1, 0, 0));
    assert_eq!((t[0].total, t[0].unrequested, t[0].fake), (1, 1, 1));
    assert_eq!(t.iter().map(|d| d.total).sum::<u32>(), 3);
    assert_eq!(s.count_30d, 3);
    assert_eq!(s.count_24h, t[29].total);
}

#[test]
fn alarm_until_takes_the_later_of_both_windows() {
    // Burst (a, b) ends at b + 24 h; sustained (a, b, c) ends at c + 7 d, later.
    let s = evaluate(&[real("a", 1.0), real("b", 2.0), real("c", 100.0)], NOW);
    assert!(s.alarm);
    assert_eq!(s.reason, AlarmReason::Burst);
    assert_eq!(s.alarm_until_ms, Some(NOW - 100.0 * H + 7.0 * D));
    // And the state at that moment no longer holds the alarm.
    let later = evaluate(&[real("a", 1.0), real("b", 2.0), real("c", 100.0)], s.alarm_until_ms.unwrap());
    assert!(!later.alarm);
    let just_before =
        evaluate(&[real("a", 1.0), real("b", 2.0), real("c", 100.0)], s.alarm_until_ms.unwrap() - 1.0);
    assert!(just_before.alarm);
}

#[test]
fn prune_drops_old_invalid_and_duplicates_and_sorts() {
    let mut nan = real("nan", 0.0);
    nan.date_ms = f64::NAN;
    let records = vec![
        real("new", 1.0),
        real("old", 91.0 * 24.0),
        real("edge", 89.0 * 24.0),
        real("dup", 5.0),
        real("dup", 3.0),
        real("future", -48.0),
        nan,
    ];
    let kept = prune(&records, NOW);
    let ids: Vec<_> = kept.iter().map(|r| r.id_hash.as_str()).collect();
    assert_eq!(ids, ["edge", "dup", "new"]);
    assert_eq!(kept[1].date_ms, NOW - 3.0 * H, "the last write of a duplicate wins");
}

#[test]
fn prune_without_clock_keeps_history() {
    let kept = prune(&[real("a", 1.0), real("old", 200.0 * 24.0)], f64::NAN);
    assert_eq!(kept.len(), 2);
}

#[test]
fn prune_caps_the_number_of_records() {
    let records: Vec<_> = (0..MAX_RECORDS + 100).map(|i| real(&i.to_string(), i as f64 * 0.01)).collect();
    let kept = prune(&records, NOW);
    assert_eq!(kept.len(), MAX_RECORDS);
    // The newest are kept (id 0 is the newest).
    assert_eq!(kept.last().unwrap().id_hash, "0");
}

#[test]
fn large_history_is_fast_enough_and_correct() {
    let records: Vec<_> = (0..100_000).map(|i| fake(&(i % 50_000).to_string(), (i % 2000) as f64)).collect();
    let s = evaluate(&records, NOW);
    assert!(s.alarm);
    assert!(s.count_30d <= 50_000);
}

#[test]
fn count_last_24h_matches_state() {
    let records = [real("a", 1.0), real("b", 30.0), fake("c", 2.0)];
    assert_eq!(count_last_24h(&records, NOW), 2);
}
