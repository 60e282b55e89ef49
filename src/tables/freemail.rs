//! Free-mail providers: anyone can get an address there, so a mail about a Microsoft
//! account never comes from one. Microsoft's own consumer mailboxes (outlook.com,
//! hotmail.com, live.com, msn.com) are free mail too: the apex domain is a mailbox
//! anyone can register; Microsoft's account mail comes from subdomains of
//! microsoft.com (see `senders.rs`).
//!
//! Sources: Microsoft's consumer domains as offered at outlook.com sign-up (2025);
//! the large providers' sign-up pages; the free-mail lists of the phishing_pot corpus
//! notes (Reply-To to Gmail in the callback lure). Matched by exact domain.

/// Microsoft's own consumer mailbox domains: Microsoft's names (never look-alikes), but
/// free mail as senders.
pub const MICROSOFT_MAIL_DOMAINS: &[&str] = &[
    // outlook.com sign-up offers these; older ones still live
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "passport.com",
    "outlook.fr",
    "outlook.de",
    "outlook.es",
    "outlook.it",
    "outlook.jp",
    "outlook.kr",
    "outlook.com.br",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.es",
    "hotmail.it",
    "hotmail.co.jp",
    "live.co.uk",
    "live.fr",
    "live.de",
    "live.jp",
    "live.nl",
    "live.it",
    "live.ca",
];

/// Other free-mail providers (see also [`MICROSOFT_MAIL_DOMAINS`]).
pub const FREEMAIL_DOMAINS: &[&str] = &[
    // Google
    "gmail.com",
    "googlemail.com",
    // Yahoo / AOL
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.co.jp",
    "yahoo.fr",
    "yahoo.de",
    "yahoo.es",
    "ymail.com",
    "rocketmail.com",
    "aol.com",
    // Apple
    "icloud.com",
    "me.com",
    "mac.com",
    // Others with wide reach
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "mail.com",
    "mail.ru",
    "bk.ru",
    "inbox.ru",
    "list.ru",
    "yandex.ru",
    "yandex.com",
    "proton.me",
    "protonmail.com",
    "tutanota.com",
    "zoho.com",
    "qq.com",
    "163.com",
    "126.com",
    "naver.com",
    "daum.net",
    "libero.it",
    "orange.fr",
    "laposte.net",
    "t-online.de",
    "ukr.net",
];
