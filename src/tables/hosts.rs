//! Whose host a name is: Microsoft's own domains, and the zones under them where
//! Microsoft hosts its customers' content (anyone can get a name there).
//!
//! Sources: shared/docs/official-pages.md ("Hosts that are Microsoft's"), Microsoft's
//! "Microsoft 365 URLs and IP address ranges" and Azure Storage / App Service naming
//! documentation (customer endpoints), checked 2026. Matching is by registrable
//! domain (Public Suffix List) or by exact host / whole-label suffix, never substring.

/// Registrable domains that are Microsoft's; every name under them is Microsoft's
/// unless it falls in a [`TENANT_ZONES`] entry. (Apex consumer mailboxes such as
/// `outlook.com` are Microsoft's hosts but free mail as senders: see `freemail.rs`.)
pub const MICROSOFT_DOMAINS: &[&str] = &[
    "microsoft.com",                // official-pages.md
    "live.com",                     // official-pages.md (account.live.com, login.live.com)
    "microsoftonline.com",          // official-pages.md (Entra ID sign-in and mail)
    "office.com",                   // official-pages.md
    "office365.com",                // official-pages.md
    "outlook.com",                  // official-pages.md
    "msft.net",                     // official-pages.md
    "aka.ms",                       // official-pages.md (Microsoft's own short links)
    "windows.net",                  // official-pages.md, minus customer zones below
    "cloud.microsoft",              // official-pages.md (Microsoft 365 on the brand TLD)
    "microsoft365.com",             // Microsoft 365 URLs and IP ranges
    "hotmail.com",                  // Microsoft consumer mail service
    "msn.com",                      // Microsoft consumer portal
    "bing.com",                     // Microsoft search (its open redirect is undone first)
    "office.net",                   // Microsoft 365 URLs and IP ranges (CDN)
    "msauth.net",                   // Microsoft 365 URLs and IP ranges (sign-in CDN)
    "msftauth.net",                 // Microsoft 365 URLs and IP ranges (sign-in CDN)
    "gfx.ms",                       // account.live.com static content
    "live.net",                     // account and OneDrive static content
    "windows.com",                  // Windows Update and support
    "windowsazure.com",             // Azure portal (legacy)
    "azure.com",                    // Azure portal
    "xbox.com",                     // Microsoft consumer
    "skype.com",                    // Microsoft consumer
    "sharepointonline.com",         // SharePoint Online notification mail (no-reply@sharepointonline.com)
    "onedrive.com",                 // OneDrive service mail and site
    "yammer.com",                   // Viva Engage (Yammer) service mail
    "microsoftstore.com",           // Microsoft Store
    "microsoftedge.com",            // Edge
    "microsoftonline-p.com",        // Entra ID sign-in (federation endpoints)
    "microsoftpersonalcontent.com", // OneDrive file content (a tenant zone below)
    "microsoftusercontent.com",     // user content (a tenant zone below)
    "livefilestore.com",            // OneDrive file content (a tenant zone below)
    "1drv.ms",                      // OneDrive share links (a tenant zone below)
    "1drv.com",                     // OneDrive file content (a tenant zone below)
];

/// Brand top-level domains: every registrable name under them is Microsoft's.
/// Source: IANA root zone (`.microsoft`, registry operator Microsoft Corporation).
pub const MICROSOFT_TLDS: &[&str] = &["microsoft"];

/// Where Microsoft hosts customer content: a name here is *not* proof of Microsoft.
/// Matched as the host itself or any subdomain of it.
pub const TENANT_ZONES: &[&str] = &[
    "onmicrosoft.com",             // Entra tenant default domains (microsoft-mail.md)
    "sharepoint.com",              // tenant SharePoint / OneDrive for Business sites
    "sharepoint-df.com",           // SharePoint dogfood tenants
    "blob.core.windows.net",       // Azure Storage blobs (official-pages.md)
    "web.core.windows.net",        // Azure Storage static websites (official-pages.md)
    "file.core.windows.net",       // Azure Storage files
    "queue.core.windows.net",      // Azure Storage queues
    "table.core.windows.net",      // Azure Storage tables
    "dfs.core.windows.net",        // Azure Data Lake
    "database.windows.net",        // Azure SQL customer servers
    "servicebus.windows.net",      // Azure Service Bus namespaces
    "azurewebsites.net",           // Azure App Service (official-pages.md)
    "azureedge.net",               // Azure CDN endpoints (official-pages.md)
    "azurefd.net",                 // Azure Front Door endpoints
    "azurestaticapps.net",         // Azure Static Web Apps
    "azure-api.net",               // Azure API Management
    "cloudapp.net",                // Azure cloud services
    "cloudapp.azure.com",          // Azure VMs
    "trafficmanager.net",          // Azure Traffic Manager
    "1drv.ms",                     // OneDrive shared-file links (official-pages.md)
    "1drv.com",                    // OneDrive file content
    "onedrive.live.com",           // OneDrive shared files
    "forms.office.com",            // Microsoft Forms: anyone can make one (official-pages.md)
    "forms.microsoft.com",         // (official-pages.md)
    "forms.cloud.microsoft",       // Forms on the brand TLD
    "sway.office.com",             // Sway documents (user content)
    "sway.cloud.microsoft",        // Sway on the brand TLD
    "powerappsportals.com",        // Power Pages customer sites
    "microsoftcrmportals.com",     // Dynamics customer portals
    "dynamics.com",                // customer Dynamics 365 instances
    "blob.core.usgovcloudapi.net", // Azure Government storage
];

/// Suffix rules added to the Public Suffix List snapshot so that two customers of one
/// Microsoft zone get two registrable domains (newer PSL versions carry some of these).
pub const EXTRA_SUFFIXES: &[&str] = &[
    "blob.core.windows.net",
    "*.web.core.windows.net",
    "web.core.windows.net",
    "file.core.windows.net",
    "queue.core.windows.net",
    "table.core.windows.net",
    "dfs.core.windows.net",
    "database.windows.net",
    "servicebus.windows.net",
    "azureedge.net",
    "azurefd.net",
    "azure-api.net",
    "trafficmanager.net",
    "onmicrosoft.com",
    "sharepoint.com",
];

/// Names attackers borrow. Long ones count wherever they appear inside a label (after
/// confusable folding); short ones only as a whole label or hyphen/dot-separated part,
/// because they are ordinary words inside others ("olive", "officers").
/// Sources: microsoft-mail.md (look-alikes: `accountprotection.Club-sams.com`,
/// `Microsoftaccou…@aldi.es`); issue 3 (microsoft / live / outlook / office / hotmail).
pub const BRANDS_LONG: &[&str] = &[
    "microsoft",
    "microsoftonline",
    "accountprotection",
    "outlook",
    "hotmail",
    "onedrive",
    "sharepoint",
    "office365",
    "windowslive",
];

/// Short brand names: whole parts only (see [`BRANDS_LONG`]).
pub const BRANDS_SHORT: &[&str] = &["live", "office", "msft", "azure", "msn", "o365", "m365"];

/// Brand names checked for near misses (edit distance): `micros0ft`, `outlok`, `offfice`.
/// Source: issue 3 ("edit distance to microsoft / live / outlook / office").
pub const LOOKALIKE_TARGETS: &[&str] = &["microsoft", "outlook", "office", "hotmail", "live"];
