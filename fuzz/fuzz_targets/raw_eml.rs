//! Arbitrary bytes as a raw message: the `.eml` path (CLI, `analyzeRaw`) and the page
//! path with the same bytes as the raw source Gmail's "original" gives.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = codeguard::analyze_eml(data) {
        let _ = serde_json::to_string(&v).expect("verdict serializes");
    }
    let input = codeguard::MessageInput {
        site: codeguard::Site::Gmail,
        raw_source: Some(String::from_utf8_lossy(data).into_owned()),
        ..Default::default()
    };
    let _ = serde_json::to_string(&codeguard::analyze(&input)).expect("verdict serializes");
});
