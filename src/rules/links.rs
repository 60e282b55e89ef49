//! Link rules: where each link of the message really goes, and whether that is one of
//! Microsoft's own pages.
//!
//! Every link is first unwrapped ([`crate::unwrap`]: Gmail, Safe Links, Bing and other
//! redirectors), then its final target judged. Only links to Microsoft's own hosts are
//! kept; everything else is blocked, and the reasons say why: not Microsoft's, customer
//! content on a Microsoft zone, shorteners, IP hosts, `user@host` disguises, punycode,
//! brand look-alikes, script / data URLs, `mailto:` to free mail, and link text that
//! shows one host while the link goes to another. At most [`MAX_LINKS_JUDGED`] links
//! are judged; the rest stay blocked by the verdict and a reason says so.

use crate::domain::{self, BrandMatch, Url};
use crate::findings::{evidence, Context, Findings};
use crate::model::{EvidenceSource, LinkAction, LinkInput, LinkVerdict, Severity};
use crate::tables::hosts;
use crate::unwrap::{self, Unwrapped};

/// Links judged at most per message.
pub const MAX_LINKS_JUDGED: usize = 500;
/// Characters of a link's target reported back at most.
const MAX_TARGET: usize = 4096;

pub fn check(ctx: &Context, out: &mut Findings) {
    for (n, link) in ctx.input.links.iter().enumerate() {
        if n >= MAX_LINKS_JUDGED {
            out.add(
                "limit.links_capped",
                Severity::Info,
                "The message has very many links; only the first ones were examined (the rest stay blocked).",
                evidence(
                    EvidenceSource::Limit,
                    "links",
                    format!("{} links, {MAX_LINKS_JUDGED} judged", ctx.input.links.len()),
                ),
            );
            break;
        }
        let verdict = judge(link, out);
        out.links.push(verdict);
    }
}

/// One link's judgement; its reasons also go into `out`.
pub fn judge(link: &LinkInput, out: &mut Findings) -> LinkVerdict {
    let href =
        if link.href.trim().is_empty() { link.wrapped_href.as_deref().unwrap_or("") } else { &link.href };
    let mut j = Judge { index: link.index, reasons: Vec::new(), out };
    let first = unwrap::unwrap(href);
    let (action, host) = j.target(&link.text, &first);
    let mut action = action;
    // Gmail's click handler follows its own redirect: judge where that one goes too.
    if let Some(wrapped) = link.wrapped_href.as_deref().filter(|w| !w.trim().is_empty() && *w != href) {
        let second = unwrap::unwrap(wrapped);
        if second.target != first.target {
            let (other, _) = j.target(&link.text, &second);
            if other == LinkAction::Block {
                action = LinkAction::Block;
            }
        }
    }
    // The target goes back to the page: keep it to a sane length.
    let target = if first.target.len() > MAX_TARGET {
        first.target.chars().take(MAX_TARGET).collect()
    } else {
        first.target
    };
    LinkVerdict { index: link.index, action, target, host, reasons: j.reasons }
}

struct Judge<'a> {
    index: usize,
    reasons: Vec<String>,
    out: &'a mut Findings,
}

impl Judge<'_> {
    fn flag(&mut self, id: &str, severity: Severity, message: &str, value: String) {
        self.out.add(
            id,
            severity,
            message,
            evidence(EvidenceSource::Link, format!("link {}", self.index), value),
        );
        if !self.reasons.iter().any(|r| r == id) {
            self.reasons.push(id.to_string());
        }
    }

    /// Judges one unwrapped target: keep only Microsoft's own pages.
    fn target(&mut self, text: &str, unwrapped: &Unwrapped) -> (LinkAction, String) {
        let target = unwrapped.target.as_str();
        let Some(url) = domain::parse_url(target) else {
            // A relative link or an anchor: goes nowhere useful, nothing to say.
            return (LinkAction::Block, String::new());
        };
        match url.scheme.as_str() {
            "javascript" | "data" | "vbscript" | "file" => {
                self.flag(
                    "link.script_or_data",
                    Severity::Danger,
                    "A link runs a script or opens embedded data instead of a web page.",
                    clip_target(target),
                );
                return (LinkAction::Block, String::new());
            }
            "mailto" => {
                self.mailto(text, &url, target);
                return (LinkAction::Block, String::new());
            }
            "http" | "https" | "" => {}
            _ => return (LinkAction::Block, String::new()),
        }
        let host = url.host.clone();
        if host.is_empty() {
            return (LinkAction::Block, host);
        }
        let mut keep = true;
        if let Some(wrapper) = unwrapped.unresolved {
            keep = false;
            self.flag(
                "link.unresolved_redirect",
                Severity::Warning,
                &format!("A link goes through a redirect ({wrapper}) whose real destination is hidden."),
                target.to_string(),
            );
        }
        if let Some(user) = &url.userinfo {
            keep = false;
            self.flag(
                "link.userinfo",
                Severity::Danger,
                "A link hides its real host behind a name and an @ (the browser goes to the part after the @).",
                format!("{user}@{host}"),
            );
        }
        if url.ip {
            keep = false;
            self.flag(
                "link.ip_host",
                Severity::Danger,
                "A link goes to a bare IP address instead of a named site.",
                target.to_string(),
            );
        }
        if domain::has_punycode(&host) {
            self.flag(
                "link.punycode_host",
                Severity::Warning,
                "A link's host is written in punycode (xn--), which can hide look-alike letters.",
                format!("{host} = {}", domain::to_unicode(&host)),
            );
        }
        if domain::is_shortener(&host) {
            keep = false;
            self.flag(
                "link.shortener",
                Severity::Warning,
                "A link uses a URL shortener that hides where it really goes.",
                target.to_string(),
            );
        }
        let microsoft = domain::is_microsoft(&host);
        if !microsoft && !url.ip {
            keep = false;
            self.not_microsoft(&url, target);
        }
        self.text_mismatch(text, &host, microsoft, target);
        (if keep && microsoft { LinkAction::Keep } else { LinkAction::Block }, host)
    }

    /// A web link whose host is not Microsoft's own.
    fn not_microsoft(&mut self, url: &Url, target: &str) {
        let host = url.host.as_str();
        if let Some(zone) = domain::tenant_zone(host) {
            self.flag(
                "link.customer_content",
                Severity::Warning,
                &format!(
                    "A link goes to customer content hosted under {zone} (anyone can put a page there), not to \
                     an official Microsoft page."
                ),
                target.to_string(),
            );
        } else {
            self.flag(
                "link.not_microsoft",
                Severity::Warning,
                "A link goes to a site that is not Microsoft's.",
                target.to_string(),
            );
        }
        let unicode = domain::to_unicode(host);
        let registrable = domain::registrable_domain(&unicode).unwrap_or_else(|| unicode.clone());
        let own = registrable.split('.').next().unwrap_or("");
        let microsoft_zone = domain::is_microsoft_registrable(&registrable);
        let lookalike = (!microsoft_zone).then(|| domain::brand_match(own)).flatten().or_else(|| {
            let labels: Vec<&str> = unicode.split('.').collect();
            let subs = labels.len().saturating_sub(registrable.split('.').count());
            labels.iter().take(subs).find_map(|l| domain::brand_match(l).filter(is_strong))
        });
        let lookalike = if microsoft_zone { None } else { lookalike };
        if let Some(found) = lookalike {
            self.flag(
                "link.lookalike_host",
                Severity::Danger,
                &format!(
                    "A link's host imitates a Microsoft name (\"{}\") but belongs to someone else ({registrable}).",
                    found.brand()
                ),
                target.to_string(),
            );
        }
        if unicode.split('.').any(domain::mixes_scripts) {
            self.flag(
                "link.lookalike_host",
                Severity::Danger,
                "A link's host mixes alphabets to look like another name.",
                unicode.clone(),
            );
        }
        if url.scheme == "http" {
            self.flag(
                "link.plain_http",
                Severity::Info,
                "A link to a site that is not Microsoft's uses plain http (no encryption).",
                target.to_string(),
            );
        }
    }

    /// The visible text shows a host other than the one the link goes to.
    fn text_mismatch(&mut self, text: &str, host: &str, target_is_microsoft: bool, target: &str) {
        let Some(shown) = domain::host_shown_in_text(text) else {
            return;
        };
        let shown_is_microsoft = domain::is_microsoft(&shown);
        if shown_is_microsoft && !target_is_microsoft {
            self.flag(
                "link.text_host_mismatch",
                Severity::Danger,
                "A link's text shows a Microsoft address, but the link goes somewhere else.",
                format!("shows {shown}, goes to {}", clip_target(target)),
            );
        } else if !shown_is_microsoft && !target_is_microsoft && !domain::same_organization(&shown, host) {
            self.flag(
                "link.text_host_mismatch",
                Severity::Warning,
                "A link's text shows one site, but the link goes to another.",
                format!("shows {shown}, goes to {}", clip_target(target)),
            );
        }
    }

    /// `mailto:` links: genuine code mail has only the masked account itself.
    fn mailto(&mut self, text: &str, url: &Url, target: &str) {
        let address = domain::percent_decode(url.rest.split('?').next().unwrap_or(""));
        let Some((local, mail_domain)) = domain::address_parts(&address) else {
            return;
        };
        if let Some(shown) = domain::host_shown_in_text(text) {
            if domain::is_microsoft(&shown) && !text.contains('@') {
                self.flag(
                    "link.text_host_mismatch",
                    Severity::Danger,
                    "A link's text shows a Microsoft address, but the link goes somewhere else.",
                    format!("shows {shown}, goes to {}", clip_target(target)),
                );
            }
        }
        if local.contains('*') {
            // The masked account ("ja**a@outlook.com"), as genuine mail writes it.
            return;
        }
        if domain::is_freemail(&mail_domain) {
            self.flag(
                "link.mailto_freemail",
                Severity::Warning,
                "A link writes an e-mail to a free-mail address; genuine Microsoft account mail never asks for that.",
                address.clone(),
            );
        } else if !domain::is_microsoft(&mail_domain) {
            self.flag(
                "link.mailto_not_microsoft",
                Severity::Info,
                "A link writes an e-mail to an address that is not Microsoft's.",
                address.clone(),
            );
        }
    }
}

fn is_strong(found: &BrandMatch) -> bool {
    matches!(found, BrandMatch::Homoglyph(_) | BrandMatch::NearMiss(_))
        || hosts::BRANDS_LONG.contains(&found.brand())
}

fn clip_target(target: &str) -> String {
    target.chars().take(300).collect()
}
