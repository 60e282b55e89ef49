//! Hostile raw messages through `analyze_eml` (the CLI and `analyzeRaw`) and through
//! `analyze` with the same bytes as a page's raw source: each must give a verdict or a
//! clear error, never a panic. Run on a 1 MiB stack, the size of wasm-bindgen's default
//! stack, so that deep recursion shows here before it kills the module in a browser.
//! Speed is measured by the benchmark (`benches/bench.sh`), not here.

mod hostile_gen;

use codeguard::{analyze, analyze_eml, MessageInput, Site};

const STACK: usize = 1024 * 1024;

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(STACK).spawn(f).expect("spawn").join().expect("no panic")
}

fn check(name: &'static str, make: fn() -> Vec<u8>) {
    let bytes = make();
    let len = bytes.len();
    let start = std::time::Instant::now();
    let eml = {
        let bytes = bytes.clone();
        on_small_stack(move || analyze_eml(&bytes).map(|v| (v.claim, v.level)).map_err(|e| e.to_string()))
    };
    if let Err(e) = &eml {
        assert!(!e.is_empty(), "{name}: an error must say what is wrong");
    }
    let page = on_small_stack(move || {
        let input = MessageInput {
            site: Site::Gmail,
            raw_source: Some(String::from_utf8_lossy(&bytes).into_owned()),
            ..MessageInput::default()
        };
        let v = analyze(&input);
        serde_json::to_string(&v).expect("a verdict always serializes").len()
    });
    eprintln!("{name}: {len} bytes -> {eml:?}, page json {page} bytes, {:?} (debug build)", start.elapsed());
}

macro_rules! hostile {
    ($($test:ident => $make:expr,)*) => {$(
        #[test]
        fn $test() {
            check(stringify!($test), $make);
        }
    )*};
}

hostile! {
    empty => Vec::new,
    whitespace_only => || b" \r\n\t\r\n".to_vec(),
    random_bytes_1mb => || hostile_gen::random_bytes(1024 * 1024, 42),
    random_bytes_small => || hostile_gen::random_bytes(4096, 1),
    body_10mb => hostile_gen::body_10mb,
    html_body_10mb_one_line => hostile_gen::html_body_10mb_one_line,
    links_100k => hostile_gen::links_100k,
    bare_urls_100k => hostile_gen::bare_urls_100k,
    mime_nested_1000 => || hostile_gen::mime_nested(1000),
    mime_nested_10000 => || hostile_gen::mime_nested(10_000),
    rfc822_nested_1000 => || hostile_gen::rfc822_nested(1000),
    mime_unclosed_10000 => || hostile_gen::mime_unclosed(10_000),
    near_delimiters => hostile_gen::near_delimiters,
    invalid_utf8 => hostile_gen::invalid_utf8,
    unknown_charsets => hostile_gen::unknown_charsets,
    broken_encodings => hostile_gen::broken_encodings,
    subject_1mb => hostile_gen::subject_1mb,
    subject_1mb_encoded_words => hostile_gen::subject_1mb_encoded_words,
    headers_50k => hostile_gen::headers_50k,
    repeated_identity_headers => hostile_gen::repeated_identity_headers,
    nul_and_bidi => hostile_gen::nul_and_bidi,
    unterminated_html => hostile_gen::unterminated_html,
    html_deep_nesting => hostile_gen::html_deep_nesting,
    url_1mb => hostile_gen::url_1mb,
    url_1mb_host => hostile_gen::url_1mb_host,
    nested_redirects => hostile_gen::nested_redirects,
    headers_only => hostile_gen::headers_only,
    one_long_line => hostile_gen::one_long_line,
    bare_cr => hostile_gen::bare_cr,
}

#[test]
fn empty_file_is_a_clear_error() {
    let e = analyze_eml(b"").unwrap_err();
    assert!(!e.to_string().is_empty());
}

#[test]
fn the_list_of_hostile_inputs_is_covered_here() {
    // The benchmark runs `hostile_gen::all()`; this test file names each one.
    let here = include_str!("hostile_eml.rs");
    for (name, _) in hostile_gen::all() {
        assert!(here.contains(&format!("    {name} =>")), "{name} has no test here");
    }
}
