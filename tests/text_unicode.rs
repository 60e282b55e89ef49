//! The per-character normalization (`text::unicode`) on the disguises lures use, on ordinary
//! text of other scripts that must stay as written, and on every scalar value.

use codeguard::text::unicode::{fold_char, is_invisible, is_mark, Class, UNICODE_VERSION};

/// A text folded the way the caller does: ASCII and chars outside the table lower-cased.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match fold_char(c) {
            Some((text, _)) => text.to_string(),
            None => c.to_lowercase().collect(),
        })
        .collect()
}

/// The strongest class any char of `s` got (`None`: nothing but lower-casing).
fn strongest(s: &str) -> Option<Class> {
    s.chars().filter_map(fold_char).map(|(_, class)| class).max()
}

#[track_caller]
fn folds(s: &str, want: &str, class: Class) {
    assert_eq!(fold(s), want, "fold of {s:?}");
    assert_eq!(strongest(s), Some(class), "class of {s:?}");
}

#[test]
fn version_names_its_inputs() {
    assert!(
        UNICODE_VERSION.contains("UCD 15.0.0") && UNICODE_VERSION.contains("confusables"),
        "{UNICODE_VERSION}"
    );
}

#[test]
fn combining_marks_are_dropped() {
    folds(
        "M\u{336}i\u{336}c\u{336}r\u{336}o\u{336}s\u{336}o\u{336}f\u{336}t\u{336}",
        "microsoft",
        Class::Mark,
    );
    folds("Mi\u{335}cro\u{338}soft", "microsoft", Class::Mark);
    folds(
        "Mic\u{300}\u{301}\u{302}\u{303}\u{304}\u{308}\u{30A}\u{323}\u{20DD}rosoft",
        "microsoft",
        Class::Mark,
    );
    for mark in ['\u{336}', '\u{335}', '\u{338}', '\u{301}', '\u{20E3}', '\u{FE20}', '\u{1AB0}', '\u{1DC0}'] {
        assert!(is_mark(mark) && !is_invisible(mark), "U+{:04X}", mark as u32);
        assert_eq!(fold_char(mark), Some(("", Class::Mark)));
    }
}

#[test]
fn precomposed_accents_fold_to_the_letter() {
    folds("Mícrösöft Éàçñ", "microsoft eacn", Class::Accent);
    // Letters of an alphabet that read as the plain one without decomposing.
    folds("ø ł đ ı ɓ ɗ ƙ", "o l d i b d k", Class::Accent);
}

#[test]
fn other_scripts_look_alikes_fold_to_latin() {
    // Cyrillic і, с, о (the classic "Місrosoft") and the capitals.
    folds("М\u{456}\u{441}r\u{43E}s\u{43E}ft", "microsoft", Class::Confusable);
    folds("МІСRОЅОFТ", "microsoft", Class::Confusable);
    // Cyrillic letters that confusables takes to other non-Latin shapes (the supplement).
    folds("мнтвк", "mhtbk", Class::Confusable);
    // Greek: omicron, iota, nu, kappa, alpha, rho, tau; with accents, as without.
    folds("Μicrοsοft ικανα ρτ", "microsoft ikava pt", Class::Confusable);
    folds("Ήή Ηη Ό", "hh hh o", Class::Confusable);
    // Armenian օ ո ս հ, Cherokee Ꮇ Ꭵ Ꮯ Ꭱ Ꮎ Ꮪ Ꭲ.
    folds("օ ո ս հ", "o n u h", Class::Confusable);
    folds("ᎷᎥᏟᎡᎾᏚᎢ ꮇꭵꮯ", "microst mic", Class::Confusable);
}

#[test]
fn mathematical_letters_and_digits_fold_to_ascii() {
    for s in [
        "𝐌𝐢𝐜𝐫𝐨𝐬𝐨𝐟𝐭", // bold
        "𝑀𝑖𝑐𝑟𝑜𝑠𝑜𝑓𝑡", // italic
        "ℳ𝒾𝒸𝓇ℴ𝓈ℴ𝒻𝓉", // script, with the letterlike ℳ and ℴ
        "𝓜𝓲𝓬𝓻𝓸𝓼𝓸𝓯𝓽", // bold script
        "𝔐𝔦𝔠𝔯𝔬𝔰𝔬𝔣𝔱", // fraktur
        "𝕄𝕚𝕔𝕣𝕠𝕤𝕠𝕗𝕥", // double-struck
        "𝙼𝚒𝚌𝚛𝚘𝚜𝚘𝚏𝚝", // monospace
        "𝗠𝗜𝗖𝗥𝗢𝗦𝗢𝗙𝗧", // sans-serif bold capitals
    ] {
        folds(s, "microsoft", Class::Compat);
    }
    folds("ℭℑℜℂℝℍℕℙℚℤℎ", "circrhnpqzh", Class::Compat);
    folds("𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗 𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡 𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿", "0123456789 0123456789 0123456789", Class::Compat);
    // Math Greek that looks Latin is a look-alike, not only a style.
    folds("𝚨𝛂", "aa", Class::Confusable);
}

#[test]
fn decorative_forms_fold_to_ascii() {
    folds("ⓂⒾⒸⓇⓄⓈⓄⒻⓉ ⓜⓘⓒⓡⓞⓢⓞⓕⓣ", "microsoft microsoft", Class::Compat);
    folds("⒨⒮ ① ⑽", "(m)(s) 1 (10)", Class::Compat);
    folds("ᴍɪᴄʀᴏꜱᴏꜰᴛ", "microsoft", Class::Compat);
    folds("ᵐⁱᶜʳᵒˢᵒᶠᵗ ²³ ₁₂", "microsoft 23 12", Class::Compat);
    folds("ﬁle ﬀ ﬃ ﬆ", "file ff ffi st", Class::Compat);
    folds("™ № ℡ Ⅻ ½", "tm no tel xii 1/2", Class::Compat);
    folds("microsoft․com", "microsoft.com", Class::Compat);
}

#[test]
fn widths_and_typography_are_benign() {
    folds("Ｍｉｃｒｏｓｏｆｔ　１２３", "microsoft 123", Class::Width);
    folds("a\u{A0}b\u{2009}c\u{202F}d", "a b c d", Class::Width);
    folds("don’t “quote” – ‐", "don't \"quote\" - -", Class::Width);
}

#[test]
fn every_invisible_kind_is_dropped() {
    let invisible = [
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}', // zero-width, word joiner, BOM
        '\u{AD}',
        '\u{34F}', // soft hyphen, combining grapheme joiner
        '\u{61C}',
        '\u{200E}',
        '\u{200F}',
        '\u{202A}',
        '\u{202E}',
        '\u{2066}',
        '\u{2069}', // bidi
        '\u{180B}',
        '\u{180E}',
        '\u{FE00}',
        '\u{FE0F}',
        '\u{E0100}',
        '\u{E01EF}', // selectors
        '\u{E0001}',
        '\u{E0041}',
        '\u{E007F}', // tags
        '\u{115F}',
        '\u{1160}',
        '\u{3164}',
        '\u{FFA0}', // Hangul fillers
        '\u{2061}',
        '\u{2064}',
        '\u{1D173}',
        '\u{1BCA0}', // invisible operators, format controls
    ];
    for c in invisible {
        assert_eq!(fold_char(c), Some(("", Class::Invisible)), "U+{:04X}", c as u32);
        assert!(is_invisible(c) && !is_mark(c));
    }
    folds("Mi\u{200B}cro\u{AD}so\u{2060}ft\u{E0041}\u{FE0F}", "microsoft", Class::Invisible);
}

#[test]
fn every_script_digits_are_ascii_digits() {
    folds("٠١٢٣٤٥٦٧٨٩", "0123456789", Class::Width); // Arabic-Indic (confusables: ٠ → '.')
    folds("۰۱۲۳۴۵۶۷۸۹", "0123456789", Class::Width); // extended Arabic-Indic
    folds("०१२३४५६७८९", "0123456789", Class::Width); // Devanagari (confusables: ० → o)
    folds("০১২৩৪৫৬৭৮৯ ๐๑๒", "0123456789 012", Class::Width); // Bengali, Thai
}

#[test]
fn japanese_korean_and_chinese_stay_as_written() {
    for s in [
        "セキュリティ",
        "こんにちは",
        "よろしく",
        "보안 코드",
        "ㅋㅋ ㅎㅎ",
        "安全代码",
        "〇丨口工",
        "ー・「」",
    ] {
        assert_eq!(fold(s), s, "{s:?}");
        assert_eq!(strongest(s), None, "{s:?}");
    }
    // Half-width katakana is the full-width kana.
    folds("ｾｷｭﾘﾃｨ", "セキュリティ", Class::Width);
    // Voicing marks are combining marks in NFKD: ド, ﾄﾞ and ト + U+3099 all read ト.
    folds("コード", "コート", Class::Accent);
    assert_eq!(fold("ｺｰﾄﾞ"), "コート");
    assert_eq!(fold("コート\u{3099}"), "コート");
    // Hangul syllables are never decomposed; the whole block is outside the table.
    for c in '\u{AC00}'..='\u{D7A3}' {
        assert_eq!(fold_char(c), None, "U+{:04X}", c as u32);
    }
}

#[test]
fn right_to_left_letters_are_not_latin_look_alikes() {
    // Arabic alef and heh, Hebrew vav and samekh: confusables reads them as l, o, l, o.
    for s in ["ا ه", "ו ס"] {
        assert_eq!(fold(s), s);
    }
}

/// Properties of the whole table, over every scalar value (which is also the proof that
/// `fold_char` is total).
#[test]
fn every_char_folds_once_to_lower_case_text() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let Some((text, class)) = fold_char(c) else { continue };
        let cp = c as u32;
        assert!(!c.is_ascii(), "ASCII U+{cp:04X} is in the table");
        assert_eq!(
            text.is_empty(),
            matches!(class, Class::Mark | Class::Invisible),
            "U+{cp:04X} {text:?} {class:?}"
        );
        assert_ne!(text, c.to_lowercase().collect::<String>(), "U+{cp:04X} is its own lower case");
        assert_eq!(is_invisible(c), class == Class::Invisible);
        assert_eq!(is_mark(c), class == Class::Mark);
        // Folding is done in one step: what comes out folds to itself.
        assert_eq!(fold(text), text, "U+{cp:04X} folds to {text:?}, which folds further");
    }
}

/// The hand lists of `claim.rs` (`confusable`, `width_fold`, `is_ignorable`) and `domain.rs`
/// (`confusable`, `is_invisible`) as they were when this table replaced them: each char
/// folds as they folded it. ASCII entries (domain's 0 → o, 1 → l) are left to their callers.
#[test]
fn the_hand_lists_it_replaces_fold_the_same() {
    let letters: &[(&str, &str)] = &[
        // claim.rs `confusable`
        ("аαᎪᴀɑ", "a"),
        ("вʙᏴ", "b"),
        ("сϲᏟᴄ", "c"),
        ("ԁᴅ", "d"),
        ("еεᎬᴇ", "e"),
        ("ғ", "f"),
        ("ɢᏳ", "g"),
        ("нһʜᎻ", "h"),
        ("іιıɪᎥ", "i"),
        ("јᴊᎫ", "j"),
        ("кκᴋᏦ", "k"),
        ("ӏʟᏞ", "l"),
        ("мμᴍᎷ", "m"),
        ("ɴ", "n"),
        ("оοᴏᎾ", "o"),
        ("рρᴘᏢ", "p"),
        ("ԛ", "q"),
        ("ʀᏒ", "r"),
        ("ѕꜱᏚ", "s"),
        ("тτᴛᎢ", "t"),
        ("υᴜ", "u"),
        ("νᴠᏙ", "v"),
        ("ԝᴡᎳ", "w"),
        ("хχ", "x"),
        ("уʏ", "y"),
        ("ᴢᏃ", "z"),
        // domain.rs `confusable`
        ("аАαΑáàäâãå", "a"),
        ("вВβΒ", "b"),
        ("сСϲϹç", "c"),
        ("ԁ", "d"),
        ("еЕёЁεΕéèëê", "e"),
        ("һҺнНηΗ", "h"),
        ("іІїЇıιΙíìïî", "i"),
        ("јЈ", "j"),
        ("кКκΚ", "k"),
        ("ӏӀ", "l"),
        ("мМμΜ", "m"),
        ("оОοΟσօóòöôõø", "o"),
        ("рРρΡ", "p"),
        ("ԛ", "q"),
        ("ѕЅſ", "s"),
        ("тТτΤ", "t"),
        ("уУү", "y"),
        ("хХχΧ", "x"),
        ("ԝѡ", "w"),
        ("νΝ", "v"),
        ("υΥúùüû", "u"),
        ("ζΖ", "z"),
    ];
    for &(chars, want) in letters {
        for c in chars.chars() {
            assert_eq!(fold_char(c).map(|f| f.0), Some(want), "{c} (U+{:04X})", c as u32);
        }
    }
    // claim.rs `width_fold` (and domain.rs's full-width step): full-width ASCII, the
    // ideographic space, the 13 mathematical alphabets (their reserved holes are letters
    // of Letterlike Symbols, folded in `mathematical_letters_and_digits_fold_to_ascii`),
    // mathematical digits, circled letters.
    let ascii = |n: u32| char::from_u32(n).map(|c| c.to_ascii_lowercase().to_string());
    for cp in 0xFF01..=0xFF5E {
        check(cp, ascii(cp - 0xFEE0));
    }
    check(0x3000, Some(" ".to_string()));
    for cp in (0x1D400..=0x1D6A3).filter(|cp| !MATH_HOLES.contains(cp)) {
        let i = (cp - 0x1D400) % 52;
        check(cp, ascii(if i < 26 { 'a' as u32 + i } else { 'a' as u32 + i - 26 }));
    }
    for cp in 0x1D7CE..=0x1D7FF {
        check(cp, ascii('0' as u32 + (cp - 0x1D7CE) % 10));
    }
    for cp in (0x24B6..=0x24CF).chain(0x24D0..=0x24E9) {
        check(cp, ascii('a' as u32 + (cp - 0x24B6) % 26));
    }
    // claim.rs `is_ignorable` and domain.rs `is_invisible` (a subset of it).
    let invisible = [
        0xAD..=0xAD,
        0x34F..=0x34F,
        0x61C..=0x61C,
        0x115F..=0x1160,
        0x17B4..=0x17B5,
        0x180B..=0x180F,
        0x200B..=0x200F,
        0x202A..=0x202E,
        0x2060..=0x206F,
        0x3164..=0x3164,
        0xFE00..=0xFE0F,
        0xFEFF..=0xFEFF,
        0xFFA0..=0xFFA0,
        0xFFF0..=0xFFF8,
        0x1BCA0..=0x1BCA3,
        0x1D173..=0x1D17A,
        0xE0000..=0xE0FFF,
    ];
    for cp in invisible.into_iter().flatten() {
        let c = char::from_u32(cp).expect("a scalar value");
        assert!(is_invisible(c), "U+{cp:04X} is not invisible");
    }
}

/// Reserved code points inside the mathematical alphabets (their letters were encoded
/// earlier, in Letterlike Symbols).
const MATH_HOLES: [u32; 24] = [
    0x1D455, 0x1D49D, 0x1D4A0, 0x1D4A1, 0x1D4A3, 0x1D4A4, 0x1D4A7, 0x1D4A8, 0x1D4AD, 0x1D4BA, 0x1D4BC,
    0x1D4C4, 0x1D506, 0x1D50B, 0x1D50C, 0x1D515, 0x1D51D, 0x1D53A, 0x1D53F, 0x1D545, 0x1D547, 0x1D548,
    0x1D549, 0x1D551,
];

#[track_caller]
fn check(cp: u32, want: Option<String>) {
    let c = char::from_u32(cp).expect("a scalar value");
    assert_eq!(fold_char(c).map(|f| f.0.to_string()), want, "U+{cp:04X}");
}

/// The folding speed on a 2 KB mixed text (English with look-alikes, accents, invisibles,
/// decorative letters, Japanese and Chinese), with the caller's ASCII fast path. Timing is
/// no test: `cargo test --release --test text_unicode -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed_of_folding_2_kb_of_mixed_text() {
    const SAMPLE: &str = "Your Місrosoft account security code is 482913. Ｍｉｃｒｏｓｏｆｔ \
        Téléchargez l'application; ℳ𝒾𝒸𝓇ℴ𝓈ℴ𝒻𝓉 Te\u{200B}am\u{AD}s — ａｃｃｏｕｎｔ. \
        セキュリティコードは ٤٨٢٩١٣ です。安全代码 Μicrοsοft M\u{336}i\u{336}c\u{336}r\u{336}o. ";
    let mut text = String::new();
    while text.len() < 2048 {
        text.push_str(SAMPLE);
    }
    let text = &text[..text.char_indices().map(|(i, _)| i).take_while(|&i| i <= 2048).last().unwrap_or(0)];
    let fold_into = |out: &mut String| {
        out.clear();
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if let Some((folded, _)) = fold_char(c) {
                out.push_str(folded);
            } else {
                out.extend(c.to_lowercase());
            }
        }
    };
    let lower_into = |out: &mut String| {
        out.clear();
        out.extend(text.chars().flat_map(char::to_lowercase));
    };
    let mut out = String::with_capacity(4096);
    for (name, run) in [("fold", &fold_into as &dyn Fn(&mut String)), ("to_lowercase only", &lower_into)] {
        // The fastest of 50 batches: the machine is shared, so slower batches measure the others.
        let rounds = 400;
        let best = (0..50)
            .map(|_| {
                let start = std::time::Instant::now();
                for _ in 0..rounds {
                    run(&mut out);
                    std::hint::black_box(&out);
                }
                start.elapsed().as_nanos() as f64 / f64::from(rounds)
            })
            .fold(f64::INFINITY, f64::min);
        let ns_per_kb = best / (text.len() as f64 / 1024.0);
        println!("{name}: {ns_per_kb:.0} ns/KB ({} bytes, {} chars)", text.len(), text.chars().count());
    }
    fold_into(&mut out);
    assert!(out.contains("your microsoft account security code is 482913. microsoft"), "{out}");
}
