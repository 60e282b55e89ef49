//! Arbitrary JSON as the page input (`MessageInput`, what the content scripts send),
//! then the analyzer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = serde_json::from_slice::<codeguard::MessageInput>(data) {
        let v = codeguard::analyze(&input);
        let _ = serde_json::to_string(&v).expect("verdict serializes");
    }
});
