//! Hostile inputs, built in code (nothing big is committed): shared by the
//! `tests/hostile_*.rs` tests and the benchmark (`benches/runner`, which includes this
//! file by path). Plain std, deterministic.

#![allow(dead_code)]

/// A Microsoft-looking header block, so that hostile bodies reach every rule
/// (the claim detector, sender, links and content rules) rather than stopping early.
pub fn ms_headers(extra: &str) -> String {
    format!(
        "From: Microsoft account team <account-security-noreply@accountprotation-microsoft.com>\r\n\
         To: victim@example.com\r\n\
         Subject: Microsoft account security code\r\n\
         Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n\
         Message-ID: <hostile@example.com>\r\n\
         MIME-Version: 1.0\r\n{extra}"
    )
}

const CODE_TEXT: &str =
    "Please use the following security code for the Microsoft account vi*****@example.com.\r\n\
Security code: 123456\r\n\
If you didn't request this code, you can safely ignore this email.\r\n";

/// Deterministic pseudo-random bytes (xorshift64*).
pub fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        out.extend_from_slice(&x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

fn html_message(html: &str) -> Vec<u8> {
    let mut m = ms_headers("Content-Type: text/html; charset=utf-8\r\n\r\n");
    m.push_str(html);
    m.into_bytes()
}

/// A 10 MB plain-text body.
pub fn body_10mb() -> Vec<u8> {
    let mut m = ms_headers("Content-Type: text/plain; charset=utf-8\r\n\r\n");
    m.push_str(CODE_TEXT);
    let line = "Lorem ipsum dolor sit amet, https://account.microsoft.com/activity consectetur.\r\n";
    while m.len() < 10 * 1024 * 1024 {
        m.push_str(line);
    }
    m.into_bytes()
}

/// A 10 MB HTML body without a single line break.
pub fn html_body_10mb_one_line() -> Vec<u8> {
    let mut h = String::from("<html><body><p>Security code: 123456</p>");
    while h.len() < 10 * 1024 * 1024 {
        h.push_str("<span style=\"display:none\">x</span><b>word</b> ");
    }
    h.push_str("</body></html>");
    html_message(&h)
}

/// 100 000 links in the HTML body.
pub fn links_100k() -> Vec<u8> {
    let mut h = String::from("<html><body><p>Security code: 123456</p>");
    for i in 0..100_000 {
        h.push_str(&format!(
            "<a href=\"https://evil{i}.example/login?u=account.microsoft.com\">link {i}</a>\n"
        ));
    }
    h.push_str("</body></html>");
    html_message(&h)
}

/// 100 000 bare URLs in a plain-text body.
pub fn bare_urls_100k() -> Vec<u8> {
    let mut m = ms_headers("Content-Type: text/plain\r\n\r\n");
    m.push_str(CODE_TEXT);
    for i in 0..100_000 {
        m.push_str(&format!("https://e{i}.example/x "));
    }
    m.into_bytes()
}

/// multipart/mixed nested `depth` deep, a code at the bottom.
pub fn mime_nested(depth: usize) -> Vec<u8> {
    let mut m = ms_headers("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
    for i in 0..depth {
        m.push_str(&format!("--b{i}\r\nContent-Type: multipart/mixed; boundary=\"b{}\"\r\n\r\n", i + 1));
    }
    m.push_str(&format!("--b{depth}\r\nContent-Type: text/html\r\n\r\n<p>Security code: 123456</p>\r\n"));
    for i in (0..=depth).rev() {
        m.push_str(&format!("--b{i}--\r\n"));
    }
    m.into_bytes()
}

/// message/rfc822 attachments nested `depth` deep (each a whole message).
pub fn rfc822_nested(depth: usize) -> Vec<u8> {
    let mut inner = String::from(
        "From: a@b.example\r\nSubject: Microsoft account security code\r\nContent-Type: text/plain\r\n\r\nSecurity code: 123456\r\n",
    );
    for _ in 0..depth {
        inner = format!("From: a@b.example\r\nSubject: fwd\r\nContent-Type: message/rfc822\r\n\r\n{inner}");
    }
    let mut m = ms_headers("Content-Type: message/rfc822\r\n\r\n");
    m.push_str(&inner);
    m.into_bytes()
}

/// Unclosed multipart boundaries, nested `depth` deep, no closing delimiter at all.
pub fn mime_unclosed(depth: usize) -> Vec<u8> {
    let mut m = ms_headers("Content-Type: multipart/alternative; boundary=\"z\"\r\n\r\n");
    for _ in 0..depth {
        m.push_str("--z\r\nContent-Type: multipart/alternative; boundary=\"z\"\r\n\r\n");
    }
    m.into_bytes()
}

/// A 200-char boundary of dashes and 4 MB of lines that almost are its delimiter: a
/// boundary search that restarts at every dash does ~200 compares per byte here.
pub fn near_delimiters() -> Vec<u8> {
    let boundary = format!("{}a", "-".repeat(199));
    let mut m = ms_headers(&format!("Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"));
    m.push_str(&format!("--{boundary}\r\nContent-Type: text/plain\r\n\r\n{CODE_TEXT}"));
    m.push_str(&format!(
        "--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    ));
    let near = format!("{}x\r\n", "-".repeat(200));
    while m.len() < 4 * 1024 * 1024 {
        m.push_str(&near);
    }
    m.into_bytes()
}

/// Invalid UTF-8 in headers and body, declared as UTF-8.
pub fn invalid_utf8() -> Vec<u8> {
    let mut m = Vec::new();
    m.extend_from_slice(b"From: Micro\xff\xfesoft \xc3\x28account\xe2\x82 <account-security-noreply@\xf0\x90\x80accountprotection.microsoft.com>\r\n");
    m.extend_from_slice(b"Subject: Microsoft account \xed\xa0\x80security code \xf8\x88\x80\x80\x80\r\n");
    m.extend_from_slice(b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    m.extend_from_slice(b"<p>Security code: \xff123456\xc0\xaf</p><a href=\"https://account.microsoft.com/\xfe\xff\">x\x80</a>");
    let garbage = random_bytes(64 * 1024, 7);
    m.extend_from_slice(&garbage);
    m
}

/// Unknown and hostile charsets, in the Content-Type and in encoded words.
pub fn unknown_charsets() -> Vec<u8> {
    let mut m = String::from(
        "From: =?x-unknown-charset?B?TWljcm9zb2Z0IGFjY291bnQgdGVhbQ==?= <account-security-noreply@accountprotection.microsoft.com>\r\n\
         Subject: =?utf-7?Q?Microsoft+ACA-account?= =?iso-2022-jp?B?GyRCJTslLSVlJWolRiUjGyhC?= =?bogus?Q?=FF=FE?= =?utf-8?B?!!!?=\r\n\
         Content-Type: multipart/alternative; boundary=\"c\"\r\n\r\n",
    );
    for cs in [
        "x-unknown",
        "utf-7",
        "utf-32",
        "ebcdic-cp-us",
        "gb18030",
        "shift_jis",
        "",
        "\"\"",
        "utf-8\0",
        &"x".repeat(5000),
    ] {
        m.push_str(&format!(
            "--c\r\nContent-Type: text/html; charset={cs}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
             <p>Security code: =31=32=33=34=35=36 =FF=FE=00=D8</p>=\r\n"
        ));
    }
    m.push_str("--c--\r\n");
    m.into_bytes()
}

/// Broken transfer encodings: garbage base64 and quoted-printable.
pub fn broken_encodings() -> Vec<u8> {
    let mut m = ms_headers("Content-Type: multipart/mixed; boundary=\"e\"\r\n\r\n");
    m.push_str("--e\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    m.push_str("!!!!====@@@@\r\nPHA+U2VjdXJpdHkgY29kZTogMTIzNDU2PC9wPg\r\n====\r\n");
    m.push_str("--e\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
    for _ in 0..100_000 {
        m.push_str("=\r\n");
    }
    m.push_str("=Z=\r\n=");
    m.push_str("\r\n--e\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a\r\n!!!\r\n");
    m.into_bytes()
}

/// A 1 MB subject on one line.
pub fn subject_1mb() -> Vec<u8> {
    let mut m = String::from("From: Microsoft <account-security-noreply@accountprotection.microsoft.com>\r\nSubject: Microsoft account security code ");
    m.push_str(&"A".repeat(1024 * 1024));
    m.push_str("\r\nContent-Type: text/plain\r\n\r\nSecurity code: 123456\r\n");
    m.into_bytes()
}

/// A 1 MB subject as 100 000 encoded words.
pub fn subject_1mb_encoded_words() -> Vec<u8> {
    let mut m = String::from("From: x@y.example\r\nSubject:");
    while m.len() < 1024 * 1024 {
        m.push_str(" =?utf-8?B?U2VjdXJpdHkgY29kZQ==?=\r\n");
    }
    m.push_str("Content-Type: text/plain\r\n\r\nbody\r\n");
    m.into_bytes()
}

/// 50 000 headers (Received and Authentication-Results among them).
pub fn headers_50k() -> Vec<u8> {
    let mut m = String::from("From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\r\nSubject: Microsoft account security code\r\n");
    for i in 0..50_000 {
        match i % 3 {
            0 => m.push_str(&format!("Received: from h{i}.example by mx.example; Tue, 24 Nov 2026 10:00:00 +0000\r\n")),
            1 => m.push_str(&format!("Authentication-Results: mx{i}.example; dkim=pass header.d=microsoft.com; spf=pass; dmarc=pass header.from=microsoft.com\r\n")),
            _ => m.push_str(&format!("X-Junk-{i}: {i}\r\n")),
        }
    }
    m.push_str("Content-Type: text/plain\r\n\r\nSecurity code: 123456\r\n");
    m.into_bytes()
}

/// 50 000 From headers and 50 000 DKIM signatures.
pub fn repeated_identity_headers() -> Vec<u8> {
    let mut m = String::new();
    for i in 0..50_000 {
        m.push_str(&format!("From: Microsoft <a{i}@accountprotection.microsoft.com>\r\nDKIM-Signature: v=1; d=microsoft.com; s=s{i}; b=\r\n"));
    }
    m.push_str("Subject: Microsoft account security code\r\n\r\nSecurity code: 123456\r\n");
    m.into_bytes()
}

/// NUL, bidi overrides and other invisible controls everywhere.
pub fn nul_and_bidi() -> Vec<u8> {
    let evil = "\u{0}\u{202E}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}\u{200B}\u{200D}\u{FEFF}\u{061C}\u{200E}\u{200F}";
    let mut m = format!(
        "From: Micro{evil}soft account team <account-security-noreply@accountprotection.microsoft.com{evil}>\r\n\
         Subject: Microsoft{evil} account security code\u{0}\r\n\
         Reply-To: {evil}@{evil}\r\n\
         Content-Type: text/html; charset=utf-8\r\n\r\n\
         <p>Security{evil} code: 12{evil}34{evil}56</p>\
         <a href=\"https://account.microsoft.com{evil}.evil.example/\u{0}\">https://account.microsoft.com/activity</a>\
         <a href=\"https://{evil}/\">{evil}</a>\u{0}\u{0}\u{0}"
    );
    for _ in 0..10_000 {
        m.push_str(evil);
    }
    m.into_bytes()
}

/// HTML that never closes anything: tags, attributes, comments, scripts.
pub fn unterminated_html() -> Vec<u8> {
    let mut h = String::from("<html><body><p>Security code: 123456<a href=\"https://evil.example/login");
    h.push_str("<!-- never closed <a href='https://account.microsoft.com'>");
    h.push_str("<script>if (a < b) { document.write('<a href=x>') ");
    h.push_str("<style>p{color:red");
    for _ in 0..100_000 {
        h.push_str("<div><span><a href='");
    }
    h.push_str("<![CDATA[ <a href=\"");
    html_message(&h)
}

/// 100 000 nested elements, properly closed.
pub fn html_deep_nesting() -> Vec<u8> {
    let mut h = String::from("<html><body>");
    for _ in 0..100_000 {
        h.push_str("<div style=\"display:none\">");
    }
    h.push_str("Security code: 123456<a href=\"https://evil.example\">x</a>");
    for _ in 0..100_000 {
        h.push_str("</div>");
    }
    html_message(&h)
}

/// One 1 MB URL.
pub fn url_1mb() -> Vec<u8> {
    let mut url = String::from("https://account.microsoft.com.evil.example/");
    url.push_str(&"a%2F".repeat(256 * 1024));
    html_message(&format!(
        "<p>Security code: 123456</p><a href=\"{url}\">https://account.microsoft.com/activity</a>"
    ))
}

/// One 1 MB host name, and a 1 MB userinfo.
pub fn url_1mb_host() -> Vec<u8> {
    let host = "a.".repeat(512 * 1024);
    let user = "account.microsoft.com".repeat(50_000);
    html_message(&format!(
        "<p>Security code: 123456</p><a href=\"https://{host}com/\">x</a><a href=\"https://{user}@evil.example/\">y</a>"
    ))
}

/// Wrapped redirects nested many times (Safe Links in Google in Bing ...).
pub fn nested_redirects() -> Vec<u8> {
    let mut url = String::from("https://evil.example/login");
    for i in 0..200 {
        let enc: String = url.bytes().map(|b| format!("%{b:02X}")).collect();
        url = match i % 3 {
            0 => format!("https://nam02.safelinks.protection.outlook.com/?url={enc}&data=x"),
            1 => format!("https://www.google.com/url?q={enc}"),
            _ => format!("https://l.example/?u={enc}"),
        };
        if url.len() > 2 * 1024 * 1024 {
            break;
        }
    }
    html_message(&format!("<p>Security code: 123456</p><a href=\"{url}\">https://account.microsoft.com</a>"))
}

/// Only headers, no body at all, no blank line.
pub fn headers_only() -> Vec<u8> {
    b"From: Microsoft <account-security-noreply@accountprotection.microsoft.com>\r\nSubject: Microsoft account security code".to_vec()
}

/// One 1 MB line with no colon and no line break.
pub fn one_long_line() -> Vec<u8> {
    vec![b'A'; 1024 * 1024]
}

/// Lines ended by bare CR only.
pub fn bare_cr() -> Vec<u8> {
    let mut m = ms_headers("Content-Type: text/plain\r\n\r\n").replace("\r\n", "\r");
    for _ in 0..100_000 {
        m.push_str("Security code: 123456\r");
    }
    m.into_bytes()
}

/// Builds one hostile input.
pub type Make = fn() -> Vec<u8>;

/// Every named hostile input: (name, builder). Big ones are built on demand.
pub fn all() -> Vec<(&'static str, Make)> {
    vec![
        ("empty", Vec::new as Make),
        ("whitespace_only", || b" \r\n\t\r\n".to_vec()),
        ("random_bytes_1mb", || random_bytes(1024 * 1024, 42)),
        ("random_bytes_small", || random_bytes(4096, 1)),
        ("body_10mb", body_10mb),
        ("html_body_10mb_one_line", html_body_10mb_one_line),
        ("links_100k", links_100k),
        ("bare_urls_100k", bare_urls_100k),
        ("mime_nested_1000", || mime_nested(1000)),
        ("mime_nested_10000", || mime_nested(10_000)),
        ("rfc822_nested_1000", || rfc822_nested(1000)),
        ("mime_unclosed_10000", || mime_unclosed(10_000)),
        ("near_delimiters", near_delimiters),
        ("invalid_utf8", invalid_utf8),
        ("unknown_charsets", unknown_charsets),
        ("broken_encodings", broken_encodings),
        ("subject_1mb", subject_1mb),
        ("subject_1mb_encoded_words", subject_1mb_encoded_words),
        ("headers_50k", headers_50k),
        ("repeated_identity_headers", repeated_identity_headers),
        ("nul_and_bidi", nul_and_bidi),
        ("unterminated_html", unterminated_html),
        ("html_deep_nesting", html_deep_nesting),
        ("url_1mb", url_1mb),
        ("url_1mb_host", url_1mb_host),
        ("nested_redirects", nested_redirects),
        ("headers_only", headers_only),
        ("one_long_line", one_long_line),
        ("bare_cr", bare_cr),
    ]
}
