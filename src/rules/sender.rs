//! Sender rules: who the mail says it is from, and whether that can be Microsoft.
//!
//! The sending *domain* decides (registrable domain via the Public Suffix List), never
//! the display name: every `microsoft.com` subdomain and `microsoftonline.com` are
//! Microsoft's, tenant zones (`onmicrosoft.com`, `sharepoint.com`, …) and consumer
//! mailboxes (`outlook.com`) are not. On top of that, the tricks: a display name that
//! says Microsoft over another domain, look-alike domains (confusables, near misses,
//! the brand in a subdomain or the local part), punycode and mixed scripts, invisible
//! characters in the display name, free mail, very long local parts, and (raw source)
//! a Reply-To or Return-Path at another organization.
//!
//! Every rule here runs only on messages that make a Microsoft claim.

use crate::domain::{self, BrandMatch};
use crate::findings::{evidence, Context, Findings};
use crate::model::{EvidenceSource, Severity};
use crate::tables::{claims, hosts, senders};

/// Local parts longer than this push the domain out of view in most mail clients.
const LONG_LOCAL_PART: usize = 40;

pub fn check(ctx: &Context, out: &mut Findings) {
    several_from(ctx, out);
    let name = ctx.input.sender_name.as_str();
    // The raw From header when the reader found no address in it (odd From lines such
    // as `Name ,_<a@b.example>` split into an empty mailbox and a second one).
    let fallback = match ctx.input.sender_address.trim() {
        "" => {
            ctx.raw.and_then(|raw| raw.first("From")).and_then(domain::address_in_header).unwrap_or_default()
        }
        _ => String::new(),
    };
    let address = if fallback.is_empty() { ctx.input.sender_address.trim() } else { fallback.as_str() };
    let parts = domain::address_parts(address);
    let domain_name = parts.as_ref().map(|(_, d)| d.clone()).unwrap_or_default();
    let official = !domain_name.is_empty() && domain::is_microsoft_sender_domain(&domain_name);

    // Webmail pages sometimes show only the display name: then nothing is known about
    // the domain, and a display name saying Microsoft proves nothing either way.
    let known_address = !address.is_empty();
    display_name(name, address, official || !known_address, out);
    let Some((local, domain_name)) = parts else {
        if known_address {
            out.add(
                "sender.unreadable_address",
                Severity::Warning,
                "The sender's address cannot be read as an e-mail address.",
                evidence(EvidenceSource::Sender, "From address", address),
            );
        } else {
            out.add(
                "sender.address_unknown",
                Severity::Info,
                "The sender's address could not be read from the page, so the sending domain was not checked.",
                evidence(EvidenceSource::Sender, "From display name", name),
            );
        }
        return;
    };
    sending_domain(address, &domain_name, official, out);
    if !official {
        lookalikes(address, &local, &domain_name, out);
    }
    raw_return_addresses(ctx, &domain_name, official, out);
}

/// Official, tenant zone, free mail, or someone else's domain.
fn sending_domain(address: &str, domain_name: &str, official: bool, out: &mut Findings) {
    let from = || evidence(EvidenceSource::Sender, "From address", address);
    if official {
        let message = match senders::known(address) {
            Some(what) => format!(
                "The sender is a known Microsoft address ({what}). Only the message's authentication can \
                 prove it was not forged."
            ),
            None => "The sender's address is at a Microsoft domain. Only the message's authentication can \
                     prove it was not forged."
                .to_string(),
        };
        out.add("sender.official", Severity::Info, &message, from());
        return;
    }
    if domain::is_ip(domain_name) || domain_name.starts_with('[') {
        out.add(
            "sender.ip_domain",
            Severity::Warning,
            "The sender's address uses a bare IP address instead of a domain.",
            from(),
        );
    }
    if let Some(zone) = domain::tenant_zone(domain_name) {
        out.add(
            "sender.tenant_zone",
            Severity::Warning,
            &format!(
                "The sender's domain is under {zone}, where any Microsoft customer can get a name: it is not \
                 Microsoft."
            ),
            from(),
        );
    } else if domain::is_freemail(domain_name) {
        out.add(
            "sender.freemail",
            Severity::Warning,
            "The sender uses a free-mail address anyone can register; Microsoft never sends account mail \
             from one.",
            from(),
        );
    } else {
        out.add(
            "sender.not_microsoft_domain",
            Severity::Warning,
            "The message is about a Microsoft account, but the sender's domain is not Microsoft's.",
            from(),
        );
    }
}

/// Look-alike domains and addresses (the domain is known not to be Microsoft's).
fn lookalikes(address: &str, local: &str, domain_name: &str, out: &mut Findings) {
    let from = || evidence(EvidenceSource::Sender, "From address", address);
    let unicode = domain::to_unicode(domain_name);
    if domain::has_punycode(domain_name) {
        out.add(
            "sender.punycode_domain",
            Severity::Warning,
            "The sender's domain is written in punycode (xn--), which can hide look-alike letters.",
            evidence(EvidenceSource::Sender, "From domain", format!("{domain_name} = {unicode}")),
        );
    }
    if unicode.split('.').any(domain::mixes_scripts) {
        out.add(
            "sender.mixed_script",
            Severity::Danger,
            "The sender's domain mixes alphabets (for example Latin and Cyrillic letters) to look like \
             another name.",
            evidence(EvidenceSource::Sender, "From domain", unicode.clone()),
        );
    }
    let registrable = domain::registrable_domain(&unicode).unwrap_or_else(|| unicode.clone());
    // outlook.com, contoso.onmicrosoft.com …: Microsoft's real name, judged as free mail
    // or a tenant zone, not as a look-alike.
    let microsoft_zone = domain::is_microsoft_registrable(&registrable);
    let labels: Vec<&str> = unicode.split('.').collect();
    let reg_labels = registrable.split('.').count();
    let sub_count = labels.len().saturating_sub(reg_labels);
    // The label the domain was registered with, and the tenant or site name in a zone.
    let own = if microsoft_zone { "" } else { registrable.split('.').next().unwrap_or("") };
    if let Some(found) = domain::brand_match(own) {
        out.add(
            "sender.lookalike_domain",
            Severity::Danger,
            &format!(
                "The sender's domain imitates Microsoft's name ({}) but is not Microsoft's.",
                describe(&found)
            ),
            from(),
        );
    }
    for label in labels.iter().take(if microsoft_zone { 0 } else { sub_count }) {
        if let Some(found) = domain::brand_match(label) {
            let severity = if is_strong(&found) { Severity::Danger } else { Severity::Warning };
            out.add(
                "sender.brand_in_subdomain",
                severity,
                &format!(
                    "The sender's domain puts a Microsoft name ({}) in front of someone else's domain \
                     ({registrable}).",
                    describe(&found)
                ),
                from(),
            );
        }
    }
    if let Some(found) = domain::brand_match(local) {
        if is_strong(&found) {
            out.add(
                "sender.brand_in_local_part",
                Severity::Danger,
                &format!(
                    "The sender's address starts with a Microsoft name ({}) but the domain after the @ is \
                     someone else's.",
                    describe(&found)
                ),
                from(),
            );
        }
    }
    long_local_part(address, local, out);
}

fn long_local_part(address: &str, local: &str, out: &mut Findings) {
    if local.chars().count() > LONG_LOCAL_PART {
        out.add(
            "sender.long_local_part",
            Severity::Warning,
            "The sender's address is so long that the real domain is pushed out of view.",
            evidence(EvidenceSource::Sender, "From address", address),
        );
    }
}

/// A match that is a deliberate imitation, not a common word.
fn is_strong(found: &BrandMatch) -> bool {
    matches!(found, BrandMatch::Homoglyph(_) | BrandMatch::NearMiss(_))
        || hosts::BRANDS_LONG.contains(&found.brand())
}

fn describe(found: &BrandMatch) -> String {
    match found {
        BrandMatch::Exact(b) => format!("\"{b}\""),
        BrandMatch::Homoglyph(b) => format!("look-alike letters for \"{b}\""),
        BrandMatch::NearMiss(b) => format!("a misspelling of \"{b}\""),
        BrandMatch::Contains(b) => format!("contains \"{b}\""),
    }
}

/// The display name: invisible characters, look-alike letters, a Microsoft claim over
/// a domain that is not Microsoft's.
/// `domain_ok`: the address is Microsoft's, or unknown (no impersonation can be told).
fn display_name(name: &str, address: &str, domain_ok: bool, out: &mut Findings) {
    if name.trim().is_empty() {
        return;
    }
    let field = || evidence(EvidenceSource::Sender, "From display name", name);
    let visible: String = name.chars().filter(|c| !domain::is_invisible(*c)).collect();
    let claims_brand = names_microsoft(&visible);

    let complex_script = name.chars().any(needs_joiners);
    let suspicious = |c: char| domain::is_invisible(c) && !(complex_script && is_benign_mark(c));
    if name.chars().any(suspicious) {
        let shown: String = name
            .chars()
            .take(200)
            .map(|c| if domain::is_invisible(c) { format!("[U+{:04X}]", c as u32) } else { c.to_string() })
            .collect();
        out.add(
            "sender.invisible_chars",
            if claims_brand { Severity::Danger } else { Severity::Warning },
            "The sender's display name hides invisible characters, a trick to slip a brand name past filters.",
            evidence(EvidenceSource::Sender, "From display name", shown),
        );
    }

    // Look-alike letters for a brand: "Micr0soft", Cyrillic о, "rn" for m, "Microsfot".
    let lower: String = visible.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    let folded = domain::fold(&lower);
    let homoglyph = hosts::BRANDS_LONG
        .iter()
        .find(|brand| folded.contains(&domain::fold(brand)) && !lower.contains(*brand))
        .copied()
        .or_else(|| {
            // The brand written plainly with a case ending (et "Microsofti", fi
            // "Microsoftin", de / sv "Microsofts") is how the language writes it, not a
            // misspelling.
            visible.split(|c: char| !c.is_alphanumeric()).take(32).find_map(|word| match domain::brand_match(
                word,
            ) {
                Some(BrandMatch::Homoglyph(b)) | Some(BrandMatch::NearMiss(b))
                    if hosts::BRANDS_LONG.contains(&b)
                        && word.chars().count() >= 5
                        && !word.to_lowercase().starts_with(b) =>
                {
                    Some(b)
                }
                _ => None,
            })
        });
    if let Some(brand) = homoglyph {
        out.add(
            "sender.display_name_lookalike",
            Severity::Danger,
            &format!(
                "The sender's display name spells \"{brand}\" with look-alike letters or a misspelling."
            ),
            field(),
        );
    }
    if visible.split_whitespace().any(domain::mixes_scripts) && homoglyph.is_none() {
        out.add(
            "sender.mixed_script",
            Severity::Warning,
            "A word in the sender's display name mixes alphabets (for example Latin and Cyrillic letters).",
            field(),
        );
    }

    if (claims_brand || homoglyph.is_some()) && !domain_ok {
        out.add(
            "sender.display_name_impersonation",
            Severity::Danger,
            "The display name says Microsoft, but the address it was sent from is not Microsoft's.",
            field(),
        );
        if !address.is_empty() {
            out.add(
                "sender.display_name_impersonation",
                Severity::Danger,
                "",
                evidence(EvidenceSource::Sender, "From address", address),
            );
        }
    }

    // A display name that shows an address other than the real one.
    if let Some(shown) = domain::address_in_header(&visible) {
        if let (Some(shown_domain), Some(real_domain)) =
            (domain::address_domain(&shown), domain::address_domain(address))
        {
            if !domain::same_organization(&shown_domain, &real_domain) {
                out.add(
                    "sender.display_name_address",
                    Severity::Warning,
                    "The display name shows an e-mail address that is not the one the message came from.",
                    field(),
                );
            }
        }
    }
}

/// Scripts (and emoji) whose ordinary writing uses joiners, direction marks or
/// variation selectors: right-to-left and Indic scripts, emoji.
fn needs_joiners(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{0900}'..='\u{0DFF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
        || c as u32 >= 0x1F000
}

/// Invisible characters that are part of normal writing in those scripts: ZWNJ / ZWJ,
/// LRM / RLM / ALM, emoji variation selectors. Embeddings, overrides and isolates
/// (U+202A–202E, U+2066–2069) and zero-width spaces never are.
fn is_benign_mark(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FE0E}' | '\u{FE0F}')
}

/// Whether a display name names Microsoft or one of its mail brands.
fn names_microsoft(visible: &str) -> bool {
    let lower = visible.to_lowercase();
    let squeezed: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    let folded = domain::fold(&squeezed);
    if domain::folded_brands().long.iter().any(|(_, brand)| folded.contains(brand.as_str())) {
        return true;
    }
    // Microsoft's name in every script, from the claim tables (one list for both).
    if claims::MICROSOFT.iter().any(|b| lower.contains(b.trim_end_matches('*'))) {
        return true;
    }
    // Short brand names only as whole words that cannot be ordinary words.
    lower
        .split(|c: char| !c.is_alphanumeric())
        .take(32)
        .any(|w| matches!(w, "msft" | "o365" | "m365" | "azure" | "hotmail" | "msn"))
}

/// Reply-To and Return-Path from the raw source.
fn raw_return_addresses(ctx: &Context, from_domain: &str, official: bool, out: &mut Findings) {
    let Some(raw) = ctx.raw else {
        return;
    };
    if let Some(value) = raw.first("Reply-To") {
        for addr in value.split(',').take(8).filter_map(domain::address_in_header) {
            let Some(reply_domain) = domain::address_domain(&addr) else {
                continue;
            };
            if !domain::same_organization(&reply_domain, from_domain) {
                let message = if domain::is_freemail(&reply_domain) {
                    "Replies would go to a free-mail address, not to the sender's domain."
                } else {
                    "Replies would go to a different domain than the one the message came from."
                };
                out.add(
                    "sender.reply_to_differs",
                    Severity::Warning,
                    message,
                    evidence(EvidenceSource::Header, "Reply-To", value),
                );
            }
        }
    }
    if let Some(value) = raw.first("Return-Path") {
        let bounce = domain::address_in_header(value).and_then(|a| domain::address_domain(&a));
        if let Some(bounce) = bounce {
            if !domain::same_organization(&bounce, from_domain) {
                // Bulk senders often bounce through another domain; for a Microsoft From it
                // is a sign of forgery (genuine mail's Return-Path equals its From).
                let severity = if official { Severity::Warning } else { Severity::Info };
                out.add(
                    "sender.return_path_differs",
                    severity,
                    "The envelope sender (Return-Path) is at a different domain than the From address.",
                    evidence(EvidenceSource::Header, "Return-Path", value),
                );
            }
        }
    }
}

/// RFC 5322 allows one `From`. With several, mail programs disagree on which one they
/// show, so a fake can show one sender to the reader and another to the checks.
fn several_from(ctx: &Context, out: &mut Findings) {
    let Some(raw) = ctx.raw else {
        return;
    };
    for value in raw.all("From").skip(1).take(3) {
        out.add(
            "sender.several_from",
            Severity::Danger,
            "The message has more than one From header: mail programs may show a different sender than \
             the one that was checked.",
            evidence(EvidenceSource::Header, "From", value),
        );
    }
}
