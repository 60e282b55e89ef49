//! INTERIM: the hand look-alike lists behind the generated table's API, until the table lands.

/// What the normalization did to a character: decides whether it was a disguise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Width,
    Accent,
    Compat,
    Confusable,
    Mark,
    Invisible,
}

pub const UNICODE_VERSION: &str = "interim";

const ASCII: [&str; 128] = {
    let mut out = [""; 128];
    let all: &str = "\0\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f";
    let bytes = all.as_bytes();
    let mut i = 0;
    while i < 128 {
        // SAFETY-free: each one-byte slice of an ASCII string is a str.
        out[i] = match std::str::from_utf8(bytes.split_at(i).1.split_at(1).0) {
            Ok(s) => s,
            Err(_) => "",
        };
        i += 1;
    }
    out
};

fn ascii(c: char) -> &'static str {
    ASCII[(c as usize) & 0x7f]
}

pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x34F | 0x61C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

pub fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

pub fn fold_char(c: char) -> Option<(&'static str, Class)> {
    if c.is_ascii() {
        return None;
    }
    if is_invisible(c) {
        return Some(("", Class::Invisible));
    }
    if is_mark(c) {
        return Some(("", Class::Mark));
    }
    let cp = c as u32;
    let width = match cp {
        0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0),
        0x3000 => Some(' '),
        _ => None,
    };
    if let Some(w) = width {
        return Some((ascii(w.to_ascii_lowercase()), Class::Width));
    }
    let compat = match cp {
        0x1D400..=0x1D6A3 => {
            let i = (cp - 0x1D400) % 52;
            char::from_u32('a' as u32 + i % 26)
        }
        0x1D7CE..=0x1D7FF => char::from_u32('0' as u32 + (cp - 0x1D7CE) % 10),
        0x24B6..=0x24CF => char::from_u32('a' as u32 + cp - 0x24B6),
        0x24D0..=0x24E9 => char::from_u32('a' as u32 + cp - 0x24D0),
        _ => None,
    };
    if let Some(w) = compat {
        return Some((ascii(w), Class::Compat));
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let latin = match lower {
        'а' | 'α' | 'ꭺ' | 'ᴀ' | 'ɑ' => 'a',
        'в' | 'ʙ' | 'ᏼ' => 'b',
        'с' | 'ϲ' | 'ꮯ' | 'ᴄ' => 'c',
        'ԁ' | 'ᴅ' => 'd',
        'е' | 'ε' | 'ꭼ' | 'ᴇ' => 'e',
        'ғ' => 'f',
        'ɢ' | 'ꮐ' => 'g',
        'н' | 'һ' | 'ʜ' | 'ꮋ' => 'h',
        'і' | 'ι' | 'ı' | 'ɪ' | 'ꭵ' => 'i',
        'ј' | 'ᴊ' | 'ꭻ' => 'j',
        'к' | 'κ' | 'ᴋ' | 'ꮶ' => 'k',
        'ӏ' | 'ʟ' | 'ꮮ' => 'l',
        'м' | 'μ' | 'ᴍ' | 'ꮇ' => 'm',
        'ɴ' => 'n',
        'о' | 'ο' | 'ᴏ' | 'ꮎ' => 'o',
        'р' | 'ρ' | 'ᴘ' | 'ꮲ' => 'p',
        'ԛ' => 'q',
        'ʀ' | 'ꮢ' => 'r',
        'ѕ' | 'ꜱ' | 'ꮪ' => 's',
        'т' | 'τ' | 'ᴛ' | 'ꭲ' => 't',
        'υ' | 'ᴜ' => 'u',
        'ν' | 'ᴠ' | 'ꮩ' => 'v',
        'ԝ' | 'ᴡ' | 'ꮃ' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'ʏ' => 'y',
        'ᴢ' | 'ꮓ' => 'z',
        _ => return None,
    };
    Some((ascii(latin), Class::Confusable))
}
