//! Genuine Microsoft sender addresses and what each sends.
//!
//! Source: shared/docs/microsoft-mail.md ("Who really sends them"), itself from
//! Microsoft support ("unusual sign-in activity" article names the first address), the
//! Entra ID documentation and one real 2016 and one real 2021 message. The sending
//! *domain* decides whether a mail can be Microsoft's; this table only names the mail a
//! known address sends, for the evidence shown to people.

/// `(address, what it sends)`; addresses compared case-insensitively.
pub const KNOWN_SENDERS: &[(&str, &str)] = &[
    (
        "account-security-noreply@accountprotection.microsoft.com",
        "Microsoft account security codes, single-use codes, password resets and sign-in alerts",
    ),
    ("account-security-noreply@account.microsoft.com", "older Microsoft account password-reset codes"),
    ("msonlineservicesteam@microsoftonline.com", "work or school (Entra ID) verification and reset codes"),
    ("mssecurity-noreply@microsoft.com", "Entra ID security notifications"),
    ("azure-noreply@microsoft.com", "Azure and Entra ID notifications"),
    ("azureadnotifications@microsoft.com", "Entra ID notifications"),
    ("office365alerts@microsoft.com", "Microsoft 365 alert policies"),
    ("msa@communication.microsoft.com", "Microsoft account service notices (unconfirmed)"),
];

/// What a known Microsoft address sends, if it is one.
pub fn known(address: &str) -> Option<&'static str> {
    KNOWN_SENDERS.iter().find(|(a, _)| a.eq_ignore_ascii_case(address.trim())).map(|(_, what)| *what)
}

/// Who may write the topmost `Authentication-Results`: the receiving providers whose
/// result is worth trusting, by the registrable domain of their authserv-id (RFC 8601).
/// Microsoft's own receivers (Outlook.com, Microsoft 365) write no authserv-id at all
/// (`Authentication-Results: spf=pass (sender IP is …)`), which `auth.rs` accepts as
/// theirs. Sources: the providers' headers as seen in real mail (Gmail `mx.google.com`,
/// Microsoft `mx.microsoft.com` in ARC, Yahoo/AOL `atlas-*.mail.yahoo.com`,
/// iCloud `mx.icloud.com`, Fastmail `*.messagingengine.com`, GMX/Web.de `*.gmx.net` /
/// `*.web.de`, Zoho `mx.zohomail.com`, Proton `mail.protonmail.ch`).
pub const RECEIVING_PROVIDERS: &[&str] = &[
    "google.com",
    "outlook.com",
    "microsoft.com",
    "yahoo.com",
    "aol.com",
    "icloud.com",
    "messagingengine.com",
    "gmx.net",
    "web.de",
    "zohomail.com",
    "protonmail.ch",
];
