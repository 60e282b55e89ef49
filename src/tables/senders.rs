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

/// Who may seal an ARC set that stands for the original delivery of a forwarded mail:
/// `(ARC-Seal d=, who that is)`, matched exactly. An entry needs a provider that documents
/// its ARC sealing, seals under a domain no customer can sign for, and writes the sealed
/// results from its own checks. "WWW 2022" below is Wang & Wang, "Revisiting Email
/// Forwarding Security under the Authenticated Received Chain Protocol" (doi:10.1145/3485447.3512228),
/// which measured Gmail and Outlook among the providers that implement ARC correctly.
/// - `google.com`: Google Workspace Admin Help "ARC email authentication"
///   (support.google.com/a/answer/13198639), WWW 2022; seals as `d=google.com;
///   s=arc-20160816` / `arc-20240605` in real mail.
/// - `microsoft.com`: Microsoft Learn "Configure trusted ARC sealers"
///   (learn.microsoft.com/defender-office-365/email-authentication-arc-configure), WWW 2022;
///   Outlook.com and Microsoft 365 (`*.outbound.protection.outlook.com`) seal as
///   `d=microsoft.com; s=arcselector9901` / `arcselector10001` in real mail.
/// - `messagingengine.com`: Fastmail, "All About ARC" (fastmail.com/blog/what-is-arc/),
///   sealing with its own authentication milter as `d=messagingengine.com; s=fm1`..`fm3`.
///
/// Left out on purpose: Zoho (`zohomail.com`), which WWW 2022 measured misreading ARC
/// results in a way spoofers can use; Apple iCloud, Yahoo and Proton, for which no
/// documentation of their own sealing was found (Proton documents itself as an ARC
/// validator only); Mimecast and Proofpoint, which seal for each customer's gateway and are
/// trusted only by that customer's own admin.
pub const TRUSTED_ARC_SEALERS: &[(&str, &str)] =
    &[("google.com", "Google"), ("microsoft.com", "Microsoft"), ("messagingengine.com", "Fastmail")];

/// Who a trusted ARC sealer is, by its `d=` (exact, case-insensitive).
pub fn trusted_arc_sealer(domain: &str) -> Option<&'static str> {
    TRUSTED_ARC_SEALERS.iter().find(|(d, _)| d.eq_ignore_ascii_case(domain.trim())).map(|(_, who)| *who)
}
