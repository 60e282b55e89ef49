//! The core as seen from JavaScript (content script, background, popup).
//!
//! Plain JS objects cross in both directions through serde-wasm-bindgen; every failure
//! comes back as a thrown `Error` with a sentence, never a panic (which would abort the
//! whole module).

use wasm_bindgen::prelude::*;

use crate::history::{self, StoredHistory};
use crate::model::MessageInput;
use crate::tables::official_pages;

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Maps as plain objects, so JS reads `verdict.level`, not `verdict.get("level")`.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

/// Judges a message read from a page.
#[wasm_bindgen]
pub fn analyze(input: JsValue) -> Result<JsValue, JsError> {
    let input: MessageInput = serde_wasm_bindgen::from_value(input)
        .map_err(|e| JsError::new(&format!("bad message input: {e}")))?;
    to_js(&crate::analyze(&input))
}

/// Judges a raw message source (an `.eml` file or pasted source).
#[wasm_bindgen(js_name = analyzeRaw)]
pub fn analyze_raw(source: &[u8]) -> Result<JsValue, JsError> {
    let verdict = crate::analyze_eml(source).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&verdict)
}

/// Builds the core's tables ahead of the first message (see [`crate::warm`]).
#[wasm_bindgen]
pub fn warm() {
    crate::warm();
}

/// The repeated-code alarm over the stored history.
#[wasm_bindgen]
pub fn alarm(records: JsValue, now_ms: f64) -> Result<JsValue, JsError> {
    // Read leniently: damaged storage (null, odd records) must not take the badge down.
    let StoredHistory(records) =
        serde_wasm_bindgen::from_value(records).map_err(|e| JsError::new(&format!("bad history: {e}")))?;
    to_js(&history::evaluate(&records, now_ms))
}

/// Every official Microsoft page the extension may send people to.
#[wasm_bindgen(js_name = officialPages)]
pub fn official_pages() -> Result<JsValue, JsError> {
    to_js(&official_pages::ALL)
}
