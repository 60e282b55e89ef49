//! Arbitrary JSON as the stored history, then the alarm and the pruning.
#![no_main]

use codeguard::history::{evaluate, prune, HistoryRecord};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first 8 bytes are the clock, the rest the records.
    if data.len() < 8 {
        return;
    }
    let now = f64::from_le_bytes(data[..8].try_into().unwrap());
    if let Ok(records) = serde_json::from_slice::<Vec<HistoryRecord>>(&data[8..]) {
        let state = evaluate(&records, now);
        let _ = serde_json::to_string(&state).expect("state serializes");
        let kept = prune(&records, now);
        assert!(kept.len() <= records.len());
        let again = prune(&kept, now);
        assert_eq!(again.len(), kept.len(), "prune is idempotent");
    }
});
