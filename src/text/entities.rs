//! HTML character references: every numeric one, and the named ones mail uses (all of
//! Latin-1, typographic punctuation and spaces, the invisible joiners and marks).

/// Longest entity name looked up.
const MAX_NAME: usize = 8;

/// Appends `raw` with its character references decoded; anything that is not a
/// reference stays as written.
pub fn decode_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
}

/// `raw` decoded.
pub fn decode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, &mut out);
    out
}

/// The character a reference after `&` stands for, and the bytes it takes. Numeric ones
/// may omit the `;` (browsers read them so); named ones need it.
fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let radix = if hex { 16 } else { 10 };
        let start = 1 + usize::from(hex);
        let mut code = 0u32;
        let mut i = start;
        while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(radix)) {
            code = code.saturating_mul(radix).saturating_add(d);
            i += 1;
        }
        if i == start {
            return None;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        return Some((numeric(code), i));
    }
    let len = b.iter().take(MAX_NAME + 1).position(|c| !c.is_ascii_alphanumeric())?;
    if len == 0 || b[len] != b';' {
        return None;
    }
    named(&s[..len]).map(|c| (c, len + 1))
}

/// A numeric reference as browsers read it: C1 codes are Windows-1252 (mail written on
/// Windows says `&#146;` for ’), nothing and non-characters are U+FFFD.
fn numeric(code: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
        0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
        0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    let code = match code {
        0x80..=0x9f => u32::from(CP1252[(code - 0x80) as usize]),
        0 => 0xfffd,
        _ => code,
    };
    char::from_u32(code).unwrap_or('\u{fffd}')
}

/// Latin-1's names, U+00A0 to U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// The other names mail uses.
const OTHERS: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("euro", '€'),
    ("trade", '™'),
    ("larr", '←'),
    ("rarr", '→'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("check", '✓'),
];

fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xa0 + i as u32);
    }
    OTHERS.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_numeric_named_and_leaves_the_rest() {
        assert_eq!(decode("a&amp;b &lt;x&gt; &quot;q&quot;"), "a&b <x> \"q\"");
        assert_eq!(decode("M&#105;cro&#x73;oft"), "Microsoft");
        assert_eq!(decode("M&#105crosoft"), "Microsoft", "a numeric reference needs no semicolon");
        assert_eq!(decode("&#0000000000077;"), "M");
        assert_eq!(decode("&#146;&#150;&#128;"), "’–€");
        assert_eq!(decode("&#0;&#xD800;&#xFFFFFFFFFF;"), "\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(
            decode("&nbsp;&shy;&zwnj;&zwj;&lrm;&rlm;"),
            "\u{a0}\u{ad}\u{200c}\u{200d}\u{200e}\u{200f}"
        );
        assert_eq!(decode("&hellip;&mdash;&ndash;&ldquo;&rdquo;&laquo;&raquo;"), "…—–“”«»");
        assert_eq!(decode("&copy;&reg;&trade;&euro;&pound;&yen;&cent;&middot;&bull;"), "©®™€£¥¢·•");
        assert_eq!(decode("&eacute;&Eacute;&ntilde;&szlig;&yuml;&iexcl;"), "éÉñßÿ¡");
        assert_eq!(decode("&ensp;&emsp;&thinsp;"), "\u{2002}\u{2003}\u{2009}");
        for kept in ["&", "&;", "&#;", "&#x;", "&nbsp", "&unknown;", "&amp", "AT&T", "&averyverylongname;"] {
            assert_eq!(decode(kept), kept);
        }
    }

    #[test]
    fn latin1_names_sit_at_their_code_points() {
        assert_eq!(named("nbsp"), Some('\u{a0}'));
        assert_eq!(named("times"), Some('×'));
        assert_eq!(named("divide"), Some('÷'));
        assert_eq!(named("yuml"), Some('ÿ'));
    }
}
