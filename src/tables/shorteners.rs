//! URL shorteners: the link hides its real target, which no genuine Microsoft account
//! mail does (Microsoft's own `aka.ms` is not in this list: only Microsoft can mint it).
//!
//! Sources: shared/docs/microsoft-mail.md ("What the fakes do", item 8: t.co, is.gd,
//! tinyurl, bit.ly, a.to, shorturl.asia, seen in the phishing_pot corpus); the widely
//! used services listed on Wikipedia "URL shortening" (2025). Matched by exact host or
//! registrable domain.

pub const SHORTENERS: &[&str] = &[
    "t.co",
    "is.gd",
    "v.gd",
    "tinyurl.com",
    "bit.ly",
    "bitly.com",
    "j.mp",
    "a.to",
    "shorturl.asia",
    "shorturl.at",
    "ow.ly",
    "buff.ly",
    "goo.gl",
    "rb.gy",
    "cutt.ly",
    "rebrand.ly",
    "tiny.cc",
    "t.ly",
    "s.id",
    "shorte.st",
    "adf.ly",
    "bl.ink",
    "lnkd.in",
    "qrco.de",
    "short.io",
    "tiny.one",
    "u.to",
    "clck.ru",
    "surl.li",
    "shrtco.de",
    "urlz.fr",
    "x.gd",
    "go.gl",
];
