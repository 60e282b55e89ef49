//! Registrable domains, whose host a name is, URL parsing, look-alike folding.

use codeguard::domain::*;

#[test]
fn registrable_domain_follows_the_public_suffix_list() {
    assert_eq!(registrable_domain("login.microsoftonline.com").as_deref(), Some("microsoftonline.com"));
    assert_eq!(registrable_domain("a.b.example.co.uk").as_deref(), Some("example.co.uk"));
    assert_eq!(registrable_domain("Account.Microsoft.COM.").as_deref(), Some("microsoft.com"));
    // private section: every customer gets their own registrable domain
    assert_eq!(registrable_domain("evil.azurewebsites.net").as_deref(), Some("evil.azurewebsites.net"));
    assert_eq!(registrable_domain("x.y.vercel.app").as_deref(), Some("y.vercel.app"));
    assert_eq!(
        registrable_domain("acct.blob.core.windows.net").as_deref(),
        Some("acct.blob.core.windows.net")
    );
    assert_eq!(
        registrable_domain("acct.z13.web.core.windows.net").as_deref(),
        Some("acct.z13.web.core.windows.net")
    );
    // wildcard and exception rules (*.ck, !www.ck; *.kawasaki.jp, !city.kawasaki.jp)
    assert_eq!(registrable_domain("a.b.c.ck").as_deref(), Some("b.c.ck"));
    assert_eq!(registrable_domain("www.ck").as_deref(), Some("www.ck"));
    assert_eq!(registrable_domain("x.city.kawasaki.jp").as_deref(), Some("city.kawasaki.jp"));
    // unknown TLD: the default rule
    assert_eq!(registrable_domain("a.b.unknowntld").as_deref(), Some("b.unknowntld"));
    // not a registrable name
    assert_eq!(registrable_domain("co.uk"), None);
    assert_eq!(registrable_domain("192.168.0.1"), None);
    assert_eq!(registrable_domain(""), None);
    assert_eq!(registrable_domain("a..b.com"), None);
}

#[test]
fn microsoft_hosts_and_tenant_zones() {
    for host in [
        "account.microsoft.com",
        "go.microsoft.com",
        "account.live.com",
        "login.microsoftonline.com",
        "aka.ms",
        "outlook.cloud.microsoft",
        "accountprotection.microsoft.com",
        "login.windows.net",
    ] {
        assert!(is_microsoft(host), "{host}");
    }
    for host in [
        "microsoft.com.evil.ru",
        "evilmicrosoft.com",
        "contoso.onmicrosoft.com",
        "contoso.sharepoint.com",
        "evil.blob.core.windows.net",
        "evil.z13.web.core.windows.net",
        "evil.azurewebsites.net",
        "forms.office.com",
        "1drv.ms",
        "microsoft-login.vercel.app",
        "13.107.42.14",
    ] {
        assert!(!is_microsoft(host), "{host}");
    }
    assert!(is_tenant_zone("contoso.onmicrosoft.com"));
    assert!(is_tenant_zone("forms.office.com"));
    assert!(is_tenant_zone("x.blob.core.windows.net"));
    assert!(!is_tenant_zone("account.microsoft.com"));
    assert!(!is_tenant_zone("notsharepoint.com"));
}

#[test]
fn microsoft_sender_domains_exclude_consumer_mailboxes() {
    assert!(is_microsoft_sender_domain("accountprotection.microsoft.com"));
    assert!(is_microsoft_sender_domain("microsoftonline.com"));
    assert!(!is_microsoft_sender_domain("outlook.com"));
    assert!(!is_microsoft_sender_domain("hotmail.com"));
    assert!(!is_microsoft_sender_domain("contoso.onmicrosoft.com"));
    assert!(is_freemail("gmail.com") && is_freemail("Outlook.com") && !is_freemail("microsoft.com"));
}

#[test]
fn urls_are_taken_apart_like_a_browser() {
    let u = parse_url("HTTPS://Account.Microsoft.com@evil.example:8443/path?x=1#f").unwrap();
    assert_eq!(u.scheme, "https");
    assert_eq!(u.userinfo.as_deref(), Some("Account.Microsoft.com"));
    assert_eq!(u.host, "evil.example");
    assert_eq!(u.port.as_deref(), Some("8443"));
    assert_eq!(u.path(), "/path");
    assert_eq!(u.query(), "x=1");
    assert!(parse_url("http://0x7f.1/").unwrap().ip);
    assert!(parse_url("http://3232235777/").unwrap().ip);
    assert!(parse_url("http://[::1]:80/").unwrap().ip);
    assert!(!parse_url("http://example.com/").unwrap().ip);
    assert_eq!(parse_url("https:\\\\evil.example\\x").unwrap().host, "evil.example");
    assert_eq!(parse_url("mailto:a@b.com").unwrap().rest, "a@b.com");
    assert_eq!(parse_url("//host.example/x").unwrap().host, "host.example");
    assert!(parse_url("/relative/path").is_none());
    assert_eq!(parse_url("https://ex%61mple.com/").unwrap().host, "example.com");
    assert_eq!(percent_decode("a%2Fb%zz%"), "a/b%zz%");
    assert_eq!(percent_decode("%E2%82"), "\u{FFFD}");
}

#[test]
fn hosts_shown_in_link_text() {
    assert_eq!(
        host_shown_in_text("https://account.microsoft.com/activity").as_deref(),
        Some("account.microsoft.com")
    );
    assert_eq!(host_shown_in_text("Go to account.live.com/acsr now").as_deref(), Some("account.live.com"));
    assert_eq!(host_shown_in_text("Review recent activity"), None);
    assert_eq!(host_shown_in_text("version 1.2.3"), None);
    assert_eq!(host_shown_in_text("e.g. this"), None);
}

#[test]
fn punycode_decodes_and_is_flagged() {
    assert_eq!(punycode_decode("mnchen-3ya").as_deref(), Some("münchen"));
    assert!(has_punycode("xn--mnchen-3ya.de"));
    assert_eq!(to_unicode("xn--mnchen-3ya.de"), "münchen.de");
    assert!(!has_punycode("example.com"));
    assert_eq!(punycode_decode("!!!"), None);
    assert_eq!(punycode_decode("99999999999999999999"), None);
}

#[test]
fn brand_lookalikes_fold_to_the_brand() {
    assert_eq!(brand_match("microsoft"), Some(BrandMatch::Exact("microsoft")));
    assert_eq!(brand_match("micr0soft"), Some(BrandMatch::Homoglyph("microsoft")));
    assert_eq!(brand_match("rnicrosoft"), Some(BrandMatch::Homoglyph("microsoft")));
    assert_eq!(brand_match("mіcrosoft"), Some(BrandMatch::Homoglyph("microsoft"))); // Cyrillic і
    assert_eq!(brand_match("MICROSOFT"), Some(BrandMatch::Exact("microsoft")));
    assert_eq!(brand_match("micorsoft"), Some(BrandMatch::NearMiss("microsoft")));
    assert_eq!(brand_match("outlok"), Some(BrandMatch::NearMiss("outlook")));
    assert_eq!(brand_match("microsoftsupport"), Some(BrandMatch::Contains("microsoft")));
    assert_eq!(brand_match("secure-live"), Some(BrandMatch::Contains("live")));
    assert_eq!(brand_match("msaccount-protection"), Some(BrandMatch::Contains("accountprotection")));
    assert_eq!(brand_match("micro-soft").map(|m| m.brand()), Some("microsoft"));
    assert_eq!(brand_match("olive"), None);
    assert_eq!(brand_match("example"), None);
    assert_eq!(brand_match("deliver"), None);
    assert!(mixes_scripts("Miсrosoft"));
    assert!(!mixes_scripts("Microsoft"));
    assert!(!mixes_scripts("Майкрософт"));
    assert_eq!(edit_distance("kitten", "sitting"), Some(3));
}

#[test]
fn nothing_panics_on_odd_input() {
    for s in [
        "",
        "@",
        "xn--",
        "xn--€€€",
        "http://",
        "http://@",
        "http://[",
        "a@",
        "::::",
        "€.€",
        "%",
        "%e2%82%ac.com",
    ] {
        let _ = registrable_domain(s);
        let _ = parse_url(s);
        let _ = host_shown_in_text(s);
        let _ = address_parts(s);
        let _ = brand_match(s);
        let _ = to_unicode(s);
        let _ = is_microsoft(s);
    }
}

#[test]
fn fullwidth_hosts_read_like_the_browser_reads_them() {
    assert_eq!(normalize_host("ａｃｃｏｕｎｔ．ｍｉｃｒｏｓｏｆｔ．ｃｏｍ"), "account.microsoft.com");
    assert!(is_microsoft("ａｃｃｏｕｎｔ.microsoft.com"));
    assert!(!is_microsoft("ｍｉｃｒｏｓｏｆｔ.example"));
}
