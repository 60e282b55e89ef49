//! Link rules and unwrapping: each with a positive and a negative fixture written here.

use codeguard::claim::ClaimFacts;
use codeguard::findings::{Context, Findings};
use codeguard::model::{Claim, LinkAction, LinkInput, MessageInput, Severity};
use codeguard::rules::links;
use codeguard::unwrap::{base64url_decode, unwrap};

fn run_links(links: Vec<LinkInput>) -> Findings {
    let input = MessageInput { links, ..Default::default() };
    let claim = ClaimFacts { kind: Claim::SecurityCode, ..ClaimFacts::none() };
    let ctx =
        Context { input: &input, raw: None, claim: &claim, fields: &codeguard::claim::Fields::new(&input) };
    let mut out = Findings::default();
    links::check(&ctx, &mut out);
    out
}

fn link(text: &str, href: &str) -> LinkInput {
    LinkInput { index: 0, text: text.into(), href: href.into(), wrapped_href: None }
}

fn one(text: &str, href: &str) -> Findings {
    run_links(vec![link(text, href)])
}

fn severity(out: &Findings, id: &str) -> Option<Severity> {
    out.reasons.iter().find(|r| r.id == id).map(|r| r.severity)
}

fn action(out: &Findings) -> LinkAction {
    out.links[0].action
}

#[test]
fn official_microsoft_links_are_kept_silently() {
    for href in [
        "https://account.microsoft.com/activity",
        "https://account.live.com/SecurityNotifications/Update",
        "http://go.microsoft.com/fwlink/?LinkID=281822",
        "https://aka.ms/sspr",
        "https://mysignins.microsoft.com/security-info",
    ] {
        let out = one("Review recent activity", href);
        assert_eq!(action(&out), LinkAction::Keep, "{href}");
        assert!(out.reasons.is_empty(), "{href}: {:?}", out.reasons);
    }
}

#[test]
fn not_microsoft_blocks_and_warns() {
    let out = one("Review", "https://account-review.example/login");
    assert_eq!(action(&out), LinkAction::Block);
    assert_eq!(severity(&out, "link.not_microsoft"), Some(Severity::Warning));
    assert_eq!(out.links[0].host, "account-review.example");
    assert_eq!(out.links[0].reasons, vec!["link.not_microsoft".to_string()]);
}

#[test]
fn text_showing_microsoft_over_another_host_is_danger() {
    let out = one("https://account.live.com/acsr", "https://evil.example/acsr");
    assert_eq!(severity(&out, "link.text_host_mismatch"), Some(Severity::Danger));
    let out = one("https://account.live.com/acsr", "https://account.live.com/acsr");
    assert!(!out.has("link.text_host_mismatch"));
    let out = one("www.shop-one.com", "https://tracker.other.example/c?id=1");
    assert_eq!(severity(&out, "link.text_host_mismatch"), Some(Severity::Warning));
    assert!(!one("shop-one.com", "https://www.shop-one.com/").has("link.text_host_mismatch"));
}

#[test]
fn gmail_safelinks_and_bing_wrappers_are_undone() {
    let gmail = "https://www.google.com/url?q=https://evil.example/x%3Fa%3D1&source=gmail&ust=1&usg=abc";
    let u = unwrap(gmail);
    assert_eq!(u.target, "https://evil.example/x?a=1");
    assert_eq!(u.wrappers, vec!["gmail"]);
    let safelinks = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Faccount.microsoft.com%2Factivity&data=05&sdata=x&reserved=0";
    assert_eq!(unwrap(safelinks).target, "https://account.microsoft.com/activity");
    let b64 = "aHR0cHM6Ly9ldmlsLmV4YW1wbGUvcGF0aA"; // https://evil.example/path
    assert_eq!(base64url_decode(b64).as_deref(), Some("https://evil.example/path"));
    let bing = format!("https://www.bing.com/ck/a?!&&p=abc&ptn=3&u=a1{b64}&ntb=1");
    assert_eq!(unwrap(&bing).target, "https://evil.example/path");
    // nested: Safe Links around Gmail around the target
    let nested = format!(
        "https://nam02.safelinks.protection.outlook.com/?url={}&data=x",
        "https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dhttps%253A%252F%252Fevil.example%252F"
    );
    assert_eq!(unwrap(&nested).target, "https://evil.example/");
    // a plain link is left alone, an unknown host is never unwrapped
    assert_eq!(
        unwrap("https://evil.example/?url=https://account.microsoft.com").target,
        "https://evil.example/?url=https://account.microsoft.com"
    );
    // a Microsoft redirect in front of an outside target is not a Microsoft link
    let out = one("Sign in", "https://login.microsoftonline.com/common/oauth2/authorize?client_id=1&redirect_uri=https%3A%2F%2Fevil.example%2Fcb");
    assert_eq!(action(&out), LinkAction::Block);
    assert_eq!(out.links[0].host, "evil.example");
    let out = one("Bing", &bing);
    assert_eq!(action(&out), LinkAction::Block);
    let out = one("Activity", safelinks);
    assert_eq!(action(&out), LinkAction::Keep);
}

#[test]
fn gmail_wrapped_href_is_judged_too() {
    let mut l = link("Activity", "https://account.microsoft.com/activity");
    l.wrapped_href =
        Some("https://www.google.com/url?q=https://account.microsoft.com/activity&source=gmail".into());
    let out = run_links(vec![l]);
    assert_eq!(action(&out), LinkAction::Keep);
    let mut l = link("Activity", "https://account.microsoft.com/activity");
    l.wrapped_href = Some("https://www.google.com/url?q=https://evil.example/&source=gmail".into());
    let out = run_links(vec![l]);
    assert_eq!(action(&out), LinkAction::Block);
}

#[test]
fn unresolved_redirect_is_blocked() {
    let out = one("Go", "https://www.bing.com/ck/a?!&&p=abc&u=a1%%%");
    assert_eq!(severity(&out, "link.unresolved_redirect"), Some(Severity::Warning));
    assert_eq!(action(&out), LinkAction::Block);
    assert!(!one("Go", "https://www.bing.com/search?q=x").has("link.unresolved_redirect"));
}

#[test]
fn shorteners() {
    let out = one("Verify", "https://bit.ly/3abcd");
    assert_eq!(severity(&out, "link.shortener"), Some(Severity::Warning));
    assert!(!one("Verify", "https://aka.ms/sspr").has("link.shortener"));
}

#[test]
fn ip_hosts() {
    let out = one("Verify", "http://192.0.2.7/login");
    assert_eq!(severity(&out, "link.ip_host"), Some(Severity::Danger));
    assert!(!one("Verify", "https://example.com/login").has("link.ip_host"));
}

#[test]
fn userinfo_disguise() {
    let out = one("Verify", "https://account.microsoft.com@evil.example/login");
    assert_eq!(severity(&out, "link.userinfo"), Some(Severity::Danger));
    assert_eq!(out.links[0].host, "evil.example");
    assert_eq!(action(&out), LinkAction::Block);
    assert!(!one("Verify", "https://account.microsoft.com/login").has("link.userinfo"));
}

#[test]
fn plain_http_only_matters_off_microsoft() {
    assert_eq!(severity(&one("x", "http://shop.example/"), "link.plain_http"), Some(Severity::Info));
    assert!(!one("x", "http://go.microsoft.com/fwlink/?LinkID=1").has("link.plain_http"));
}

#[test]
fn script_and_data_urls() {
    assert_eq!(severity(&one("x", "javascript:alert(1)"), "link.script_or_data"), Some(Severity::Danger));
    assert_eq!(
        severity(&one("x", " DATA:text/html;base64,PGh0bWw+"), "link.script_or_data"),
        Some(Severity::Danger)
    );
    assert!(!one("x", "https://account.microsoft.com/").has("link.script_or_data"));
}

#[test]
fn mailto_free_mail_but_not_the_masked_account() {
    let out = one("Report the user", "mailto:account.security.team0@gmail.com?subject=report");
    assert_eq!(severity(&out, "link.mailto_freemail"), Some(Severity::Warning));
    assert_eq!(action(&out), LinkAction::Block);
    let out = one("ja**a@outlook.com", "mailto:ja**a@outlook.com");
    assert!(out.reasons.is_empty(), "{:?}", out.reasons);
}

#[test]
fn customer_content_on_microsoft_zones() {
    for href in [
        "https://contoso.sharepoint.com/:b:/g/personal/doc",
        "https://forms.office.com/r/abc",
        "https://login-page.z13.web.core.windows.net/",
        "https://acct.blob.core.windows.net/c/index.html",
        "https://1drv.ms/u/s!abc",
        "https://onedrive.live.com/redir?resid=1",
        "https://public.ch.files.1drv.com/x",
    ] {
        let out = one("Open", href);
        assert_eq!(severity(&out, "link.customer_content"), Some(Severity::Warning), "{href}");
        assert_eq!(action(&out), LinkAction::Block, "{href}");
        assert!(!out.has("link.lookalike_host"), "{href}: {:?}", out.reasons);
    }
    let out = one("Open", "https://microsoft-login.azurewebsites.net/");
    assert!(out.has("link.customer_content") && out.has("link.lookalike_host"));
    assert!(!one("Open", "https://support.microsoft.com/").has("link.customer_content"));
}

#[test]
fn lookalike_and_brand_hosts() {
    for href in [
        "https://micros0ft-login.example/",
        "https://account.microsoft.com.evil.example/",
        "https://microsoft-verify.vercel.app/",
    ] {
        let out = one("Open", href);
        assert_eq!(severity(&out, "link.lookalike_host"), Some(Severity::Danger), "{href}");
    }
    assert!(!one("Open", "https://shop.example/").has("link.lookalike_host"));
}

#[test]
fn punycode_host() {
    assert!(one("Open", "https://xn--mcrosoft-rmg.com/").has("link.punycode_host"));
    assert!(!one("Open", "https://example.com/").has("link.punycode_host"));
}

#[test]
fn link_count_is_capped() {
    let many: Vec<LinkInput> = (0..links::MAX_LINKS_JUDGED + 5)
        .map(|i| LinkInput {
            index: i,
            text: String::new(),
            href: "https://account.microsoft.com/".into(),
            wrapped_href: None,
        })
        .collect();
    let out = run_links(many);
    assert_eq!(severity(&out, "limit.links_capped"), Some(Severity::Info));
    assert_eq!(out.links.len(), links::MAX_LINKS_JUDGED);
    assert!(!one("x", "https://account.microsoft.com/").has("limit.links_capped"));
}

#[test]
fn receiving_side_link_protection_is_undone() {
    let u = unwrap(
        "https://linkprotect.cudasvc.com/url?a=https%3a%2f%2faccount.live.com%2fActivity&c=E,1,x&typo=1",
    );
    assert_eq!(u.target, "https://account.live.com/Activity");
    let u = unwrap("https://clicktime.symantec.com/15sM?u=https%3A%2F%2Fevil.example%2F");
    assert_eq!(u.target, "https://evil.example/");
    assert_eq!(unwrap("https://cudasvc.example/url?a=https://x.example").wrappers.len(), 0);
}

#[test]
fn huge_targets_are_cut() {
    let href = format!("https://evil.example/{}", "a".repeat(100_000));
    let out = one("x", &href);
    assert!(out.links[0].target.len() <= 4096);
}
