//! The named transforms: each builds one variant of a fixture (or none, where it does not
//! apply: a charset that cannot hold the text, an HTML trick on a mail without HTML).

use encoding_rs::{Encoding, GB18030, ISO_2022_JP, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252};

use super::fixture::{Group, Mail};
use super::letters;
use super::mime::{write, HeaderWords, Transfer, Wire};
use super::words::{self, after_body_open, before_body_close, edit_html, edit_text, escape};

/// What a transform does, for the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A normalization class on the brand and claim words of the display name, the
    /// subject and the body.
    Normalization,
    /// An HTML trick that shows the reader one thing and a filter another. The subject
    /// and the display name are made neutral and the text part dropped, so that the
    /// claim is in the HTML body only.
    Hiding,
    /// Another MIME structure or encoding of the same message.
    Structure,
    /// A change a mail picks up on its way (banner, signature, re-wrapped lines).
    Benign,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Normalization => "normalization",
            Class::Hiding => "hiding",
            Class::Structure => "structure",
            Class::Benign => "benign",
        }
    }

    /// The groups whose fixtures the class is applied to: disguises only make sense on a
    /// fake; encodings and benign changes must leave every verdict as it is.
    pub fn applies_to(self, group: Group) -> bool {
        match self {
            Class::Normalization | Class::Hiding => group == Group::Fake,
            Class::Structure | Class::Benign => true,
        }
    }
}

pub struct Transform {
    pub name: &'static str,
    pub class: Class,
    pub apply: fn(&Mail) -> Option<Vec<u8>>,
}

macro_rules! transforms {
    ($($class:ident: $($name:ident)*;)*) => {
        /// Every transform of this half of the suite, in matrix order.
        pub const DISGUISES_AND_ENCODINGS: &[Transform] = &[
            $($(Transform { name: stringify!($name), class: Class::$class, apply: $name },)*)*
        ];
    };
}

transforms! {
    Structure: as_written;
    Normalization: combining_stroke combining_stack cyrillic_lookalikes greek_lookalikes math_bold
        circled small_capitals full_width zero_width soft_hyphens word_joiners bidi_marks
        variation_selectors tag_chars spaced_letters dotted_letters digits_for_letters;
    Hiding: html_claim_only_as_is split_by_zero_size_span split_by_background_colour_span
        split_by_display_none_span brand_in_two_inline_divs brand_in_css_before brand_reversed_rlo
        claim_in_image_alt hidden_junk_words;
    Structure: html_only text_only base64 quoted_printable_split_words eight_bit
        charset_iso_2022_jp charset_shift_jis charset_gb18030 charset_windows_1252
        charset_windows_1251 rfc2047_q_split rfc2047_b_split;
    Benign: rewrapped_lines external_banner signature_appended;
}

/// The transforms whose variants carry the very same words as [`as_written`]: only the
/// bytes (or the line breaks) differ. The generator's own check reads them back.
pub const SAME_WORDS: &[&str] = &[
    "base64",
    "quoted_printable_split_words",
    "eight_bit",
    "charset_iso_2022_jp",
    "charset_shift_jis",
    "charset_gb18030",
    "charset_windows_1252",
    "charset_windows_1251",
    "rfc2047_q_split",
    "rfc2047_b_split",
    "rewrapped_lines",
];

fn plain(mail: &Mail) -> Option<Vec<u8>> {
    write(mail, &Wire::default())
}

/// The writer alone: the baseline every other row is read against.
fn as_written(mail: &Mail) -> Option<Vec<u8>> {
    plain(mail)
}

// ---------------------------------------------------------------------------------------
// Normalization classes

/// `disguise` on every brand and claim word of the display name, the subject and both
/// bodies; `None` when there is no such word.
fn disguised(mail: &Mail, disguise: fn(&str) -> String) -> Option<Vec<u8>> {
    let text = |t: &str| edit_text(t, words::CLAIM, &disguise);
    let mut out = mail.clone();
    out.display_name = text(&mail.display_name);
    out.subject = text(&mail.subject);
    out.text = mail.text.as_deref().map(text);
    out.html = mail.html.as_deref().map(|h| edit_html(h, &text));
    if out == *mail {
        return None;
    }
    plain(&out)
}

macro_rules! normalization {
    ($($name:ident => $class:path,)*) => {$(
        fn $name(mail: &Mail) -> Option<Vec<u8>> {
            disguised(mail, $class)
        }
    )*};
}

normalization! {
    combining_stroke => letters::combining_stroke,
    combining_stack => letters::combining_stack,
    cyrillic_lookalikes => letters::cyrillic,
    greek_lookalikes => letters::greek,
    math_bold => letters::math_bold,
    circled => letters::circled,
    small_capitals => letters::small_capitals,
    full_width => letters::full_width,
    zero_width => letters::zero_width,
    soft_hyphens => letters::soft_hyphens,
    word_joiners => letters::word_joiners,
    bidi_marks => letters::bidi_marks,
    variation_selectors => letters::variation_selectors,
    tag_chars => letters::tag_chars,
    spaced_letters => letters::spaced,
    dotted_letters => letters::dotted,
    digits_for_letters => letters::digits_for_letters,
}

// ---------------------------------------------------------------------------------------
// Hiding techniques (HTML)

/// The fake with the claim in its HTML body only: neutral subject and display name, no
/// text part. `None` without an HTML part.
fn html_claim_only(mail: &Mail) -> Option<Mail> {
    let mut out = mail.clone();
    out.html.as_ref()?;
    out.subject = "Notice".into();
    out.display_name = "Support".into();
    out.text = None;
    Some(out)
}

/// The hiding rows' baseline: the claim in the HTML body, with no trick.
fn html_claim_only_as_is(mail: &Mail) -> Option<Vec<u8>> {
    plain(&html_claim_only(mail)?)
}

/// The HTML body rewritten by `rewrite`; `None` when nothing changed.
fn hidden(mail: &Mail, rewrite: impl Fn(&str) -> String) -> Option<Vec<u8>> {
    let mut out = html_claim_only(mail)?;
    let html = out.html.take()?;
    let rewritten = rewrite(&html);
    if rewritten == html {
        return None;
    }
    out.html = Some(rewritten);
    plain(&out)
}

/// Every brand and claim word cut in two by `junk` inside an element styled `style`.
fn split_by(mail: &Mail, style: &str, wrap: Option<&str>) -> Option<Vec<u8>> {
    let split = |word: &str| {
        let chars: Vec<char> = word.chars().collect();
        let (head, tail) = chars.split_at(chars.len() / 2);
        format!("{}<span style=\"{style}\">zx</span>{}", String::from_iter(head), String::from_iter(tail))
    };
    hidden(mail, |html| {
        let html = edit_html(html, &|t| edit_text(t, words::CLAIM, &split));
        match wrap {
            Some(style) => {
                before_body_close(&after_body_open(&html, &format!("<div style=\"{style}\">")), "</div>")
            }
            None => html,
        }
    })
}

fn split_by_zero_size_span(mail: &Mail) -> Option<Vec<u8>> {
    split_by(mail, "font-size:0px", None)
}

/// The junk is coloured as the background of the block around it.
fn split_by_background_colour_span(mail: &Mail) -> Option<Vec<u8>> {
    split_by(mail, "color:#ffffff", Some("background-color:#ffffff"))
}

fn split_by_display_none_span(mail: &Mail) -> Option<Vec<u8>> {
    split_by(mail, "display:none", None)
}

/// `edit` on every brand word of the HTML body's text.
fn brand_edited(
    mail: &Mail,
    edit: impl Fn(&str) -> String,
    wrap: impl Fn(String) -> String,
) -> Option<Vec<u8>> {
    hidden(mail, |html| wrap(edit_html(html, &|t| edit_text(t, words::BRAND, &edit))))
}

fn brand_in_two_inline_divs(mail: &Mail) -> Option<Vec<u8>> {
    let inline = "<div style=\"display:inline\">";
    brand_edited(mail, |w| format!("{inline}{}</div>{inline}{}</div>", &w[..5], &w[5..]), |h| h)
}

/// The brand written only by the style sheet.
fn brand_in_css_before(mail: &Mail) -> Option<Vec<u8>> {
    let style = "<head><style>.cg-b::before{content:\"Microsoft\"}</style></head>";
    brand_edited(
        mail,
        |_| "<span class=\"cg-b\"></span>".into(),
        |html| match html.to_ascii_lowercase().find("<html>") {
            Some(at) => format!("{}{style}{}", &html[..at + 6], &html[at + 6..]),
            None => format!("{style}{html}"),
        },
    )
}

fn brand_reversed_rlo(mail: &Mail) -> Option<Vec<u8>> {
    brand_edited(mail, letters::reversed, |h| h)
}

/// The brand only in an image's alt and title (the original subject and display name):
/// what shows where images are blocked.
fn claim_in_image_alt(mail: &Mail) -> Option<Vec<u8>> {
    let image = format!(
        "<img src=\"https://cdn.mailer-assets.example/banner.png\" width=\"600\" height=\"90\" alt=\"{}\" title=\"{}\">",
        escape(&mail.subject),
        escape(&mail.display_name)
    );
    brand_edited(mail, |_| String::new(), |html| after_body_open(&html.replace("  ", " "), &image))
}

/// Words a filter weighs as harmless, piled up where nobody sees them.
const JUNK: &[&str] = &[
    "garden", "recipe", "weekend", "football", "holiday", "library", "concert", "weather", "bicycle",
    "museum", "coffee", "picnic", "travel", "family", "birthday", "invoice", "meeting", "schedule",
    "project", "report", "summer", "village", "river", "mountain", "dinner", "lunch", "school", "teacher",
    "doctor", "neighbor",
];

fn junk_block(style: &str, count: usize) -> String {
    let words: Vec<&str> = JUNK.iter().cycle().take(count).copied().collect();
    let lines: Vec<String> = words.chunks(12).map(|l| l.join(" ")).collect();
    format!("<div style=\"{style}\">\n{}\n</div>", lines.join("\n"))
}

fn hidden_junk_words(mail: &Mail) -> Option<Vec<u8>> {
    hidden(mail, |html| {
        let top = after_body_open(html, &junk_block("display:none", 240));
        before_body_close(&top, &junk_block("font-size:0px;line-height:0px;color:#ffffff", 240))
    })
}

// ---------------------------------------------------------------------------------------
// Structure and encodings

fn html_only(mail: &Mail) -> Option<Vec<u8>> {
    mail.text.as_ref()?;
    mail.html.as_ref()?;
    plain(&Mail { text: None, ..mail.clone() })
}

fn text_only(mail: &Mail) -> Option<Vec<u8>> {
    mail.text.as_ref()?;
    mail.html.as_ref()?;
    plain(&Mail { html: None, ..mail.clone() })
}

fn with_transfer(mail: &Mail, transfer: Transfer) -> Option<Vec<u8>> {
    write(mail, &Wire { transfer, ..Wire::default() })
}

fn base64(mail: &Mail) -> Option<Vec<u8>> {
    with_transfer(mail, Transfer::Base64)
}

fn quoted_printable_split_words(mail: &Mail) -> Option<Vec<u8>> {
    with_transfer(mail, Transfer::QuotedPrintableSplit)
}

fn eight_bit(mail: &Mail) -> Option<Vec<u8>> {
    with_transfer(mail, Transfer::EightBit)
}

/// The body and the non-ASCII headers in `charset`; `None` when it cannot hold them.
fn in_charset(mail: &Mail, charset: &'static Encoding) -> Option<Vec<u8>> {
    write(mail, &Wire { charset, ..Wire::default() })
}

fn charset_iso_2022_jp(mail: &Mail) -> Option<Vec<u8>> {
    in_charset(mail, ISO_2022_JP)
}

fn charset_shift_jis(mail: &Mail) -> Option<Vec<u8>> {
    in_charset(mail, SHIFT_JIS)
}

fn charset_gb18030(mail: &Mail) -> Option<Vec<u8>> {
    in_charset(mail, GB18030)
}

fn charset_windows_1252(mail: &Mail) -> Option<Vec<u8>> {
    in_charset(mail, WINDOWS_1252)
}

fn charset_windows_1251(mail: &Mail) -> Option<Vec<u8>> {
    in_charset(mail, WINDOWS_1251)
}

fn rfc2047_q_split(mail: &Mail) -> Option<Vec<u8>> {
    write(mail, &Wire { header_words: HeaderWords::SplitQ, ..Wire::default() })
}

fn rfc2047_b_split(mail: &Mail) -> Option<Vec<u8>> {
    write(mail, &Wire { header_words: HeaderWords::SplitB, ..Wire::default() })
}

// ---------------------------------------------------------------------------------------
// Benign changes

/// Plain text re-wrapped at 40 columns; HTML source lines broken at spaces between tags
/// (where a line break renders as a space).
fn rewrapped_lines(mail: &Mail) -> Option<Vec<u8>> {
    let out = Mail {
        text: mail.text.as_deref().map(wrap_text),
        html: mail.html.as_deref().map(wrap_html),
        ..mail.clone()
    };
    if out == *mail {
        return None;
    }
    plain(&out)
}

const WRAP: usize = 40;

fn wrap_text(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut out = String::new();
            let mut column = 0;
            for (i, word) in line.split(' ').enumerate() {
                let len = word.chars().count();
                if i > 0 && column > 0 && column + 1 + len > WRAP {
                    out.push('\n');
                    column = 0;
                } else if i > 0 {
                    out.push(' ');
                    column += 1;
                }
                out.push_str(word);
                column += len;
            }
            out
        })
        .collect();
    lines.join("\n")
}

fn wrap_html(html: &str) -> String {
    let mut out = String::new();
    let mut column = 0;
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        if c == ' ' && !in_tag && column >= WRAP {
            out.push('\n');
            column = 0;
            continue;
        }
        column = if c == '\n' { 0 } else { column + 1 };
        out.push(c);
    }
    out
}

const BANNER: &str =
    "[EXTERNAL] This message came from outside your organization. Do not click links or open \
                      attachments unless you recognize the sender and know the content is safe.";

/// A mail gateway's warning on top of the body. A real gateway that rewrites the body
/// breaks DKIM; the receiving server's results above stay as they were, as they do when
/// the gateway stands after the check.
fn external_banner(mail: &Mail) -> Option<Vec<u8>> {
    let html_banner = format!(
        "<table width=\"100%\" style=\"background-color:#fff4ce;border:1px solid #c19c00\"><tr><td \
         style=\"font-size:12px;color:#3b3a39\">{}</td></tr></table>",
        escape(BANNER)
    );
    let out = Mail {
        text: mail.text.as_ref().map(|t| format!("{BANNER}\n\n{t}")),
        html: mail.html.as_deref().map(|h| after_body_open(h, &html_banner)),
        ..mail.clone()
    };
    plain(&out)
}

const SIGNATURE: &str = "-- \nConfidentiality notice: this message and any attachments are meant for the \
                         named recipient only. If it reached you by mistake, please delete it.\nScanned by \
                         Harbor Mail Gateway.";

fn signature_appended(mail: &Mail) -> Option<Vec<u8>> {
    let html_signature = format!(
        "<div style=\"font-size:11px;color:#666\">{}</div>",
        escape(SIGNATURE).replace('\n', "<br>\n")
    );
    let out = Mail {
        text: mail.text.as_ref().map(|t| format!("{t}\n\n{SIGNATURE}\n")),
        html: mail.html.as_deref().map(|h| before_body_close(h, &html_signature)),
        ..mail.clone()
    };
    plain(&out)
}
