//! Hostile page input (`MessageInput`, what the content scripts send) through `analyze`:
//! always a verdict, never a panic, on a 1 MiB stack like wasm's.

mod hostile_gen;

use codeguard::{analyze, LinkInput, MessageInput, Site};

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1024 * 1024).spawn(f).expect("spawn").join().expect("no panic")
}

/// A page input that looks like a Microsoft code mail, to reach every rule.
fn base() -> MessageInput {
    MessageInput {
        site: Site::Outlook,
        sender_name: "Microsoft account team".into(),
        sender_address: "account-security-noreply@accountprotection.microsoft.com".into(),
        subject: "Microsoft account security code".into(),
        date: Some("Tue, 24 Nov 2026 10:00:00 +0000".into()),
        body_text: "Please use the following security code for the Microsoft account vi*****@example.com. \
                    Security code: 123456"
            .into(),
        links: vec![link(0, "Review recent activity", "https://account.microsoft.com/activity")],
        attachments: vec![],
        raw_source: None,
        ..MessageInput::default()
    }
}

fn link(index: usize, text: &str, href: &str) -> LinkInput {
    LinkInput { index, text: text.into(), href: href.into(), wrapped_href: None }
}

fn check(name: &str, input: MessageInput) {
    let start = std::time::Instant::now();
    let json = on_small_stack(move || serde_json::to_string(&analyze(&input)).expect("serializes"));
    eprintln!("{name}: verdict {} bytes in {:?} (debug build)", json.len(), start.elapsed());
}

const EVIL: &str = "\u{0}\u{202E}\u{2066}\u{2069}\u{200B}\u{FEFF}\u{061C}\u{200F}\u{FFFD}\u{10FFFF}";

#[test]
fn baseline_page_input() {
    check("baseline", base());
}

#[test]
fn default_input() {
    check("default", MessageInput::default());
}

#[test]
fn body_text_10mb() {
    let mut m = base();
    m.body_text = "Security code: 123456 https://evil.example/x ".repeat(10 * 1024 * 1024 / 44);
    check("body_text_10mb", m);
}

#[test]
fn links_100k() {
    let mut m = base();
    m.links = (0..100_000)
        .map(|i| link(i, "https://account.microsoft.com/activity", &format!("https://evil{i}.example/login")))
        .collect();
    check("links_100k", m);
}

#[test]
fn href_1mb_and_text_1mb() {
    let mut m = base();
    let big = format!("https://account.microsoft.com.evil.example/{}", "%41".repeat(350_000));
    m.links = vec![link(0, &big, &big), LinkInput { wrapped_href: Some(big.clone()), ..link(1, "x", &big) }];
    check("href_1mb", m);
}

#[test]
fn subject_and_names_1mb() {
    let mut m = base();
    m.subject = format!("Microsoft account security code {}", "A".repeat(1024 * 1024));
    m.sender_name = "Microsoft ".repeat(100_000);
    m.sender_address = format!("{}@{}", "a".repeat(500_000), "b.".repeat(250_000));
    m.date = Some("9".repeat(1024 * 1024));
    check("subject_1mb", m);
}

#[test]
fn nul_and_bidi_everywhere() {
    let mut m = base();
    m.sender_name = format!("Micro{EVIL}soft account team");
    m.sender_address = format!("account-security-noreply{EVIL}@accountprotection.microsoft.com{EVIL}");
    m.subject = format!("Microsoft{EVIL} account security code");
    m.body_text = format!("Security{EVIL} code: 12{EVIL}3456 {}", EVIL.repeat(100_000));
    m.links =
        vec![link(0, EVIL, &format!("https://{EVIL}/")), link(1, "x", EVIL), link(EVIL.len(), EVIL, "")];
    m.attachments = vec![EVIL.into(), String::new()];
    check("nul_and_bidi", m);
}

#[test]
fn odd_urls() {
    let mut m = base();
    let hrefs = [
        "",
        ":",
        "//",
        "https://",
        "https://@",
        "https://:@:/",
        "http://[::1",
        "http://[",
        "https://[::ffff:1.2.3.4]/",
        "https://0x7f.1/",
        "https://4294967296/",
        "https://1.2.3.4.5/",
        "https://..../",
        "https://a..b/",
        "https://xn--/",
        "https://xn--zz-zzzzzzzzzzz/",
        "https://\u{0430}\u{0441}\u{0441}ount.microsoft.com/",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "mailto:",
        "mailto:@",
        "mailto:a@gmail.com?subject=%ZZ",
        "tel:+1-800",
        "file:///etc/passwd",
        "%",
        "%%%%",
        "%zz",
        "https://a.example/%F0%9F%98",
        "https://a.example/?q=%E0%A4",
        "https://www.google.com/url?q=",
        "https://www.google.com/url?q=%",
        "https://www.bing.com/ck/a?u=a1",
        "https://www.bing.com/ck/a?u=a1!!!!",
        "https://www.bing.com/ck/a?u=a1aHR0cHM6Ly9ldmlsLmV4YW1wbGU",
        "https://nam02.safelinks.protection.outlook.com/?url=",
        "https://nam02.safelinks.protection.outlook.com/?url=%",
        "https://user:pass@account.microsoft.com@evil.example/",
        "https://account.microsoft.com\\@evil.example",
        "HTTPS://ACCOUNT.MICROSOFT.COM./ACTIVITY",
        "https://account.microsoft.com:99999999999/",
        "https://-/",
        "ｈｔｔｐｓ：／／ａｃｃｏｕｎｔ．ｍｉｃｒｏｓｏｆｔ．ｃｏｍ",
        "https://a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z/",
    ];
    m.links = hrefs
        .iter()
        .enumerate()
        .map(|(i, h)| LinkInput {
            index: usize::MAX - i,
            text: h.to_string(),
            href: h.to_string(),
            wrapped_href: Some(h.to_string()),
        })
        .collect();
    check("odd_urls", m);
}

#[test]
fn attachments_100k() {
    let mut m = base();
    m.attachments = (0..100_000).map(|i| format!("invoice{i}.html.svg{}", "x".repeat(i % 100))).collect();
    check("attachments_100k", m);
}

#[test]
fn raw_source_hostile_strings() {
    for (name, make) in hostile_gen::all() {
        let mut m = base();
        m.raw_source = Some(String::from_utf8_lossy(&make()).into_owned());
        check(name, m);
    }
}

#[test]
fn hostile_json_is_rejected_or_read_never_panics() {
    let cases = [
        "".to_string(),
        "null".into(),
        "[]".into(),
        "{}".into(),
        "{\"links\": 5}".into(),
        "{\"links\": [{\"index\": -1}]}".into(),
        "{\"links\": [{\"index\": 1e300}]}".into(),
        "{\"site\": \"yahoo\"}".into(),
        "{\"subject\": \"\\ud800\"}".into(),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("{{\"bodyText\": {}}}", "[".repeat(100_000)),
    ];
    for json in cases {
        let parsed = on_small_stack(move || serde_json::from_str::<MessageInput>(&json).map(|m| analyze(&m)));
        let _ = parsed;
    }
}
