//! Microsoft's official account pages: where codeguard sends people instead of a
//! message's own links. Source: shared/docs/official-pages.md (Microsoft account and
//! support pages, checked 2026). Titles are English; the extension translates by id.

use crate::model::OfficialPage;

const fn page(id: &'static str, title: &'static str, url: &'static str) -> OfficialPage {
    OfficialPage { id, title, url }
}

pub const RECENT_ACTIVITY: OfficialPage =
    page("recent_activity", "Recent sign-in activity", "https://account.live.com/Activity");
pub const SECURITY_DASHBOARD: OfficialPage =
    page("security_dashboard", "Security dashboard", "https://account.microsoft.com/security");
pub const CHANGE_PASSWORD: OfficialPage =
    page("change_password", "Change your password", "https://account.live.com/password/Change");
pub const RESET_PASSWORD: OfficialPage =
    page("reset_password", "Reset a forgotten password", "https://account.live.com/password/reset");
pub const MANAGE_ALIASES: OfficialPage =
    page("manage_aliases", "Aliases and sign-in preferences", "https://account.live.com/names/Manage");
pub const SECURITY_INFO: OfficialPage =
    page("security_info", "Security info", "https://account.live.com/proofs/Manage");
pub const ADVANCED_SECURITY: OfficialPage = page(
    "advanced_security",
    "Advanced security options",
    "https://account.live.com/proofs/Manage/additional",
);
pub const TWO_STEP: OfficialPage =
    page("two_step", "Two-step verification", "https://account.live.com/proofs/EnableTfa");
pub const NOTIFICATIONS: OfficialPage = page(
    "notifications",
    "Security notification settings",
    "https://account.live.com/SecurityNotifications/Update",
);
pub const RECOVERY_FORM: OfficialPage =
    page("recovery_form", "Account recovery form", "https://account.live.com/acsr");
pub const RECOVER_HACKED: OfficialPage = page(
    "recover_hacked",
    "Recover a hacked account",
    "https://support.microsoft.com/account-billing/how-to-recover-a-hacked-or-compromised-microsoft-account-24ca907d-bcdf-a44b-4656-47f0cd89c245",
);
pub const KEEP_SECURE: OfficialPage = page(
    "keep_secure",
    "Keep your account secure",
    "https://support.microsoft.com/account-billing/how-to-help-keep-your-microsoft-account-secure-628538c2-7006-33bb-5ef4-c917657362b9",
);
pub const PHISHING_HELP: OfficialPage = page(
    "phishing_help",
    "Protect yourself from phishing",
    "https://support.microsoft.com/windows/protect-yourself-from-phishing-0c7ea947-ba98-3bd9-7184-430e1f860a44",
);
pub const REPORT_UNSAFE_SITE: OfficialPage = page(
    "report_unsafe_site",
    "Report an unsafe site",
    "https://www.microsoft.com/wdsi/support/report-unsafe-site",
);
pub const CONTACT_SUPPORT: OfficialPage =
    page("contact_support", "Contact Microsoft support", "https://support.microsoft.com/contactus");
pub const WORK_SECURITY_INFO: OfficialPage = page(
    "work_security_info",
    "Work or school security info",
    "https://mysignins.microsoft.com/security-info",
);
pub const WORK_PASSWORD_RESET: OfficialPage =
    page("work_password_reset", "Work or school password reset", "https://aka.ms/sspr");

/// Every official page, for the popup and for the "keep this link" test.
pub const ALL: &[OfficialPage] = &[
    RECENT_ACTIVITY,
    SECURITY_DASHBOARD,
    CHANGE_PASSWORD,
    RESET_PASSWORD,
    MANAGE_ALIASES,
    SECURITY_INFO,
    ADVANCED_SECURITY,
    TWO_STEP,
    NOTIFICATIONS,
    RECOVERY_FORM,
    RECOVER_HACKED,
    KEEP_SECURE,
    PHISHING_HELP,
    REPORT_UNSAFE_SITE,
    CONTACT_SUPPORT,
    WORK_SECURITY_INFO,
    WORK_PASSWORD_RESET,
];

/// The pages a banner offers, in the order of the five steps: check activity, change
/// the password, aliases, security info, support.
pub const FOR_BANNER: &[OfficialPage] =
    &[RECENT_ACTIVITY, CHANGE_PASSWORD, MANAGE_ALIASES, SECURITY_INFO, CONTACT_SUPPORT];
