//! The history types as JavaScript sees them: camelCase fields, snake_case ids, and
//! storage that may be damaged.

use codeguard::history::*;
use codeguard::{Claim, Level};
use serde_json::{json, Value};

const NOW: f64 = 1_795_564_800_000.0;

#[test]
fn record_round_trips_in_camel_case() {
    let r = HistoryRecord {
        date_ms: NOW,
        id_hash: "ab12".into(),
        claim: Claim::SingleUseCode,
        level: Level::Dangerous,
        asked: true,
    };
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(
        v,
        json!({"dateMs": NOW, "idHash": "ab12", "claim": "single_use_code", "level": "dangerous", "asked": true})
    );
    let back: HistoryRecord = serde_json::from_value(v).unwrap();
    assert_eq!(back, r);
}

#[test]
fn integer_dates_are_read() {
    let r: HistoryRecord = serde_json::from_value(
        json!({"dateMs": 1795564800000u64, "idHash": "x", "claim": "security_code", "level": "genuine", "asked": false}),
    )
    .unwrap();
    assert_eq!(r.date_ms, NOW);
    assert_eq!(r.claim, Claim::SecurityCode);
    assert_eq!(r.level, Level::Genuine);
}

#[test]
fn damaged_records_are_read_leniently() {
    let records: Vec<HistoryRecord> = serde_json::from_value(json!([
        {},
        {"dateMs": null, "idHash": null, "claim": null, "level": null, "asked": null},
        {"dateMs": "1795564800000", "idHash": 7, "claim": "made_up", "level": "purple", "asked": "yes"},
        {"dateMs": [1], "idHash": {"a": 1}, "claim": 3, "level": false, "asked": 1, "extra": "ignored"},
        {"dateMs": NOW, "idHash": "ok", "claim": "password_reset", "level": "suspicious", "asked": false}
    ]))
    .unwrap();
    assert_eq!(records.len(), 5);
    assert!(records[0].date_ms.is_nan());
    assert_eq!(records[0].claim, Claim::None);
    assert!(records[1].date_ms.is_nan());
    assert_eq!(records[2].date_ms, NOW);
    assert_eq!(records[2].id_hash, "7");
    assert_eq!(records[2].claim, Claim::None);
    assert_eq!(records[2].level, Level::None);
    assert!(!records[2].asked, "only a real true means asked");
    assert!(records[3].date_ms.is_nan());
    assert_eq!(records[4].claim, Claim::PasswordReset);
    let s = evaluate(&records, NOW);
    assert_eq!(s.count_24h, 1);
    assert!(!s.alarm);
}

#[test]
fn alarm_state_serializes_in_camel_case() {
    let records = [HistoryRecord {
        date_ms: NOW - 1000.0,
        id_hash: "a".into(),
        claim: Claim::SecurityCode,
        level: Level::Dangerous,
        asked: false,
    }];
    let v = serde_json::to_value(evaluate(&records, NOW)).unwrap();
    let obj = v.as_object().unwrap();
    for key in [
        "count24h",
        "unrequested24h",
        "unrequested7d",
        "count30d",
        "unrequested30d",
        "alarm",
        "reason",
        "kind",
        "alarmUntilMs",
        "lastMs",
        "invalidRecords",
        "timeline",
        "thresholds",
    ] {
        assert!(obj.contains_key(key), "missing {key} in {v}");
    }
    assert_eq!(obj.len(), 13, "{v}");
    assert_eq!(v["reason"], "unrequested");
    assert_eq!(v["kind"], "none");
    assert_eq!(v["alarmUntilMs"], Value::Null);
    assert_eq!(v["timeline"].as_array().unwrap().len(), 30);
    assert_eq!(
        v["timeline"][29],
        json!({"startMs": NOW - 86_400_000.0, "endMs": NOW, "total": 1, "unrequested": 1, "fake": 1})
    );
    assert_eq!(
        v["thresholds"],
        json!({"burstCount": 2, "burstWindowMs": 86_400_000.0, "sustainedCount": 3, "sustainedWindowMs": 604_800_000.0})
    );
}

#[test]
fn reason_and_kind_ids() {
    let ids = |r: AlarmReason| serde_json::to_value(r).unwrap();
    assert_eq!(ids(AlarmReason::None), "none");
    assert_eq!(ids(AlarmReason::Unrequested), "unrequested");
    assert_eq!(ids(AlarmReason::Burst), "burst");
    assert_eq!(ids(AlarmReason::Sustained), "sustained");
    let k = |k: AlarmKind| serde_json::to_value(k).unwrap();
    assert_eq!(k(AlarmKind::Real), "real");
    assert_eq!(k(AlarmKind::Fake), "fake");
    assert_eq!(k(AlarmKind::Mixed), "mixed");
}

#[test]
fn parse_ids_match_model_strings() {
    for c in [
        Claim::None,
        Claim::SecurityCode,
        Claim::SingleUseCode,
        Claim::PasswordReset,
        Claim::SignInAlert,
        Claim::OtherAccountAlert,
    ] {
        assert_eq!(parse_claim(c.as_str()), c);
        assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
    }
    for l in [Level::None, Level::Genuine, Level::Unverified, Level::Suspicious, Level::Dangerous] {
        assert_eq!(parse_level(l.as_str()), l);
    }
}

#[test]
fn stored_history_skips_what_is_not_a_record() {
    let read = |v: Value| serde_json::from_value::<StoredHistory>(v).unwrap().0;
    assert!(read(json!(null)).is_empty());
    assert!(read(json!(5)).is_empty());
    assert!(read(json!("x")).is_empty());
    assert!(read(json!({"dateMs": 1})).is_empty());
    let records =
        read(json!([null, 5, "x", [1, 2], {}, {"dateMs": NOW, "idHash": "a", "claim": "security_code"}]));
    // null, 5, "x" and [1, 2] are skipped; {} reads as a record that counts for nothing.
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(records.iter().filter(|r| counts(r.claim)).count(), 1);
    let r = records.last().unwrap();
    assert_eq!((r.claim, r.date_ms, r.level), (Claim::SecurityCode, NOW, Level::None));
    // Serializes as the plain list.
    assert!(serde_json::to_value(StoredHistory(records)).unwrap().is_array());
}
