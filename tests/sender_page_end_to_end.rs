//! The page path (no raw source) on fixtures written here: a genuine-looking mail is at
//! best "unverified", Gmail's and Outlook's wrappers do not change that, and the same
//! mail from another domain is not.

use codeguard::model::{Level, LinkAction, LinkInput, MessageInput, Site};

fn genuine_looking(site: Site, address: &str, wrap: fn(&str) -> (String, Option<String>)) -> MessageInput {
    let link = |index: usize, text: &str, url: &str| {
        let (href, wrapped_href) = wrap(url);
        LinkInput { index, text: text.into(), href, wrapped_href }
    };
    MessageInput {
        site,
        sender_name: "Microsoft account team".into(),
        sender_address: address.into(),
        subject: "Microsoft account security code".into(),
        body_text: "Please use the following security code for the Microsoft account ja**a@outlook.com. \
                    Security code: 482913 If you didn't request this code, you can safely ignore this email."
            .into(),
        links: vec![
            LinkInput {
                index: 0,
                text: "ja**a@outlook.com".into(),
                href: "mailto:ja**a@outlook.com".into(),
                wrapped_href: None,
            },
            link(1, "Privacy Statement", "http://go.microsoft.com/fwlink/?LinkID=281822"),
            link(2, "opt out", "https://account.live.com/SecurityNotifications/Update"),
        ],
        ..Default::default()
    }
}

fn plain(url: &str) -> (String, Option<String>) {
    (url.to_string(), None)
}

fn gmail(url: &str) -> (String, Option<String>) {
    (url.to_string(), Some(format!("https://www.google.com/url?q={url}&source=gmail&ust=1&usg=x")))
}

fn safelinks(url: &str) -> (String, Option<String>) {
    let encoded: String = url.replace(':', "%3A").replace('/', "%2F").replace('?', "%3F").replace('=', "%3D");
    (
        format!("https://eur01.safelinks.protection.outlook.com/?url={encoded}&data=05&sdata=x&reserved=0"),
        None,
    )
}

const GENUINE: &str = "account-security-noreply@accountprotection.microsoft.com";

#[test]
fn genuine_looking_page_mail_is_unverified_on_every_site() {
    for (site, wrap) in
        [(Site::Gmail, gmail as fn(&str) -> _), (Site::Outlook, safelinks), (Site::File, plain)]
    {
        let v = codeguard::analyze(&genuine_looking(site, GENUINE, wrap));
        assert_eq!(v.level, Level::Unverified, "{site:?}: {:?}", v.reasons);
        assert_eq!(v.links.iter().filter(|l| l.action == LinkAction::Keep).count(), 2, "{site:?}");
    }
}

#[test]
fn the_same_mail_from_another_domain_is_dangerous() {
    let v =
        codeguard::analyze(&genuine_looking(Site::Gmail, "no-reply@account-security-alerts.example", gmail));
    assert_eq!(v.level, Level::Dangerous, "{:?}", v.reasons);
    assert!(v.reasons.iter().any(|r| r.id == "sender.display_name_impersonation"));
}
