//! The normalization: any text folds without a panic, the folded text maps back into the
//! source on char boundaries, every disguise range lies inside the folded text, and
//! folding the folded text again changes nothing but what the first fold already undid.
#![no_main]

use codeguard::text::fold::{fold_with, Vocabulary};
use libfuzzer_sys::fuzz_target;


fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let skip = data.first().is_some_and(|b| b & 1 == 1);
    let vocabulary = Vocabulary::new(["microsoft account", "security code", "outlook"]);
    let folded = fold_with(&text, skip, Some(&vocabulary));
    let len = folded.text.len();
    for &(start, end, _) in &folded.disguises {
        assert!(start <= end && end as usize <= len, "disguise {start}..{end} outside {len}");
    }
    for start in (0..=len).filter(|&i| folded.text.is_char_boundary(i)).step_by(7) {
        let quoted = folded.original(start, len);
        assert!(folded.source.contains(quoted));
    }
    let again = fold_with(&folded.text, false, Some(&vocabulary));
    assert_eq!(fold_with(&again.text, false, Some(&vocabulary)).text, again.text, "folding is idempotent after one pass");
});
