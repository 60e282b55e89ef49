//! The HTML reader reads a mail body as a person sees it rendered: the mail's own style
//! rules, text hidden every way mail hides it, words split by hidden text, generated
//! content, right-to-left overrides and image text. Every fixture is written here.

use codeguard::model::{Disguise, DisguiseKind};
use codeguard::text::html::{scan, Scan};

fn disguises(s: &Scan, kind: DisguiseKind) -> Vec<&str> {
    s.disguises.iter().filter(|d| d.kind == kind).map(|d| d.text.as_str()).collect()
}

fn page(style: &str, body: &str) -> String {
    format!("<!doctype html><html><head><style>{style}</style></head><body>{body}</body></html>")
}

// ---- the mail's own style rules ----

#[test]
fn rules_match_elements_classes_ids_compounds_lists_and_descendants() {
    let css = "span { display:none } .gone { display:none } #away { visibility:hidden } \
               td.x { font-size:0 } b, i { color:#fff } .box p { opacity:0 } table > tr > .c { font-size:0 }";
    let s = scan(&page(
        css,
        "<p>shown<span>A</span> <em class='GONE'>B</em> <u id=away>C</u></p>\
         <table><tr><td class='x y'>D</td><td class=y>kept1</td></tr></table>\
         <p><b>E</b> <i>F</i> <s>kept2</s></p>\
         <div class=box><section><p>G</p></section></div><p>kept3</p>\
         <table><tr><td class=c>H</td></tr></table>",
    ));
    for hidden in ["A", "B", "C", "D", "E", "F", "G", "H"] {
        assert!(s.hidden_text.split_whitespace().any(|w| w == hidden), "{hidden} in {:?}", s.hidden_text);
        assert!(!s.visible_text.split_whitespace().any(|w| w == hidden), "{hidden} in {:?}", s.visible_text);
    }
    for shown in ["shown", "kept1", "kept2", "kept3"] {
        assert!(s.visible_text.contains(shown), "{shown} in {:?}", s.visible_text);
    }
}

#[test]
fn later_rules_win_specificity_ranks_and_inline_style_wins_over_rules() {
    let css = ".a { display:none } .a { display:block } \
               #i { display:none } div { display:block } \
               .h { display:none !important }";
    let s = scan(&page(
        css,
        "<div class=a>later wins</div><div id=i>specific wins</div>\
         <div class=h style='display:block'>inline wins</div><div style='color:#fff' class=z>white inline</div>",
    ));
    assert!(s.visible_text.contains("later wins"));
    assert!(s.hidden_text.contains("specific wins"));
    assert!(s.visible_text.contains("inline wins"));
    assert!(s.hidden_text.contains("white inline"));
}

#[test]
fn unsupported_selectors_do_not_match_anything() {
    let css =
        "p:hover { display:none } a[href] { display:none } p + p { display:none } p ~ p { display:none }";
    let s = scan(&page(css, "<p>one</p><p>two <a href=x>link</a></p>"));
    assert_eq!(s.visible_text, "one\ntwo link");
    assert_eq!(s.hidden_text, "");
}

#[test]
fn media_rules_for_dark_mode_or_phones_do_not_hide_normal_text() {
    let css = "body { background:#ffffff } .t { color:#111111 } \
               @media (prefers-color-scheme: dark) { body, .dark { background:#111111 !important } .t { color:#eeeeee } } \
               @media only screen and (max-width:600px) { .desktop { display:none } } \
               @media print { .t { display:none } }";
    let s = scan(&page(
        css,
        "<table class=dark><tr><td class=t>Your account</td><td class=desktop>wide</td></tr></table>",
    ));
    assert_eq!(s.visible_text, "Your account\nwide");
    assert_eq!(s.hidden_text, "");
}

#[test]
fn media_rules_without_a_feature_apply() {
    let s = scan(&page(
        "@media screen { .x { display:none } } @media all { .y { font-size:0 } }",
        "<p class=x>a</p><p class=y>b</p>c",
    ));
    assert_eq!(s.visible_text, "c");
    assert_eq!(s.hidden_text, "a\nb");
}

#[test]
fn style_blocks_apply_wherever_they_stand_but_not_inside_comments_or_for_print() {
    let s = scan(
        "<p class=late>before the sheet</p><style>.late { display:none }</style>\
         <!--[if mso]><style>.mso { display:none }</style><![endif]-->\
         <style media=print>.paper { display:none }</style><p class=mso>outlook</p><p class=paper>print</p>",
    );
    assert_eq!(s.hidden_text, "before the sheet");
    assert_eq!(s.visible_text, "outlook\nprint");
}

#[test]
fn broken_style_sheets_are_read_as_far_as_they_go() {
    let s = scan(&page(
        "/* open comment */ @import url(x.css); @font-face { src: url('a}b') } .x { content: '}' ; display:none } \
         .y { display:none",
        "<p class=x>x</p><p class=y>y</p><p>z</p>",
    ));
    assert_eq!(s.visible_text, "z");
}

// ---- hidden text ----

#[test]
fn every_way_of_hiding_sends_text_to_hidden_text() {
    for style in [
        "display:none",
        "visibility:hidden",
        "font-size:0",
        "font-size:1px",
        "font-size:0em",
        "opacity:0",
        "opacity:0.04",
        "color:#ffffff",
        "color:#fdfdfd",
        "color:rgba(255,255,255,1)",
        "color:transparent",
        "max-height:0;overflow:hidden",
        "width:0;height:0;overflow:hidden",
        "position:absolute;left:-9999px",
        "position:fixed;top:-5000px",
        "text-indent:-9999px",
        "position:absolute;clip:rect(0,0,0,0)",
        "clip-path:inset(50%)",
        "clip-path:circle(0)",
    ] {
        let s = scan(&format!("<p>Dear user</p><div style=\"{style}\">Microsoft account team</div>"));
        assert_eq!(s.visible_text, "Dear user", "{style}");
        assert_eq!(s.hidden_text, "Microsoft account team", "{style}");
        assert_eq!(disguises(&s, DisguiseKind::HiddenText), ["Microsoft account team"], "{style}");
    }
}

#[test]
fn ordinary_styling_stays_visible() {
    for style in [
        "font-size:12px",
        "font-size:0.8em",
        "opacity:0.6",
        "color:#999999",
        "color:#eeeeee",
        "height:0",
        "overflow:hidden",
        "position:relative;left:-9999px",
        "position:absolute;left:-10px",
        "clip-path:inset(5%)",
    ] {
        let s = scan(&format!("<div style=\"{style}\">Your code</div>"));
        assert_eq!(s.visible_text, "Your code", "{style}");
        assert_eq!(s.hidden_text, "", "{style}");
    }
}

#[test]
fn text_colour_is_compared_with_the_background_it_sits_on() {
    // White on a dark cell is ordinary; dark on the same cell is hidden.
    let s = scan(
        "<table bgcolor=\"#0b2e59\"><tr><td><font color=\"#ffffff\">Sign in</font></td>\
         <td style='color:#0b2e59'>filler</td></tr></table>\
         <table><tr><td bgcolor=000000 style='color:white'>button</td></tr></table>\
         <div style='background-color:#123456'><span style='color:#123457'>camouflage</span></div>\
         <div style='background:url(hero.jpg)'><span style='color:#fff'>over an image</span></div>\
         <body text=white>page text</body>",
    );
    assert_eq!(s.visible_text, "Sign in\nbutton\nover an image");
    assert_eq!(s.hidden_text, "filler\ncamouflage\npage text");
}

#[test]
fn a_preheader_stays_hidden_text() {
    let s = scan(
        "<div style=\"display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;\
         opacity:0;overflow:hidden;mso-hide:all\">Your single-use code is 123456&zwnj;&nbsp;&zwnj;&nbsp;</div>\
         <p>Hello,</p>",
    );
    assert_eq!(s.visible_text, "Hello,");
    assert_eq!(s.hidden_text, "Your single-use code is 123456\u{200c} \u{200c}");
}

#[test]
fn a_zero_font_layout_container_does_not_hide_the_text_that_sets_its_own_size() {
    // Responsive templates set font-size:0 on column containers to remove the gaps.
    let s = scan(
        "<div style='font-size:0px'> <div style='display:inline-block;font-size:14px'>Left</div> \
         <div style='display:inline-block'><p style='font-size:16px'>Right</p></div></div>",
    );
    assert_eq!(s.visible_text, "Left\nRight");
}

#[test]
fn visibility_can_be_restored_by_a_child_but_display_none_cannot() {
    let s = scan(
        "<div style='visibility:hidden'>a <span style='visibility:visible'>back</span></div>\
         <div style='display:none'>b <span style='display:inline'>gone</span></div>",
    );
    assert_eq!(s.visible_text, "back");
    assert_eq!(s.hidden_text, "a\nb gone");
}

#[test]
fn the_hidden_attribute_and_template_hide_but_aria_hidden_does_not() {
    // aria-hidden removes an element from the accessibility tree only: it is still drawn.
    let s = scan(
        "<p hidden>attribute</p><template><p>template</p></template>\
         <p aria-hidden=true>decorative but shown</p><p hidden style='display:block'>shown by style</p>",
    );
    assert_eq!(s.hidden_text, "attribute\ntemplate");
    assert_eq!(s.visible_text, "decorative but shown\nshown by style");
}

#[test]
fn hidden_text_disguises_are_capped_and_only_for_letters() {
    let mut html = String::from("<p>x</p>");
    for i in 0..40 {
        html.push_str(&format!("<span style=display:none>run {i}</span> <span hidden>&nbsp;123</span> "));
    }
    let s = scan(&html);
    let runs = disguises(&s, DisguiseKind::HiddenText);
    assert_eq!(runs.len(), 16);
    assert_eq!(runs[0], "run 0");
    assert!(runs.iter().all(|r| r.starts_with("run")), "{runs:?}");
    let long = scan(&format!("<div hidden>{}</div>", "word ".repeat(1000)));
    assert!(disguises(&long, DisguiseKind::HiddenText)[0].len() <= 200);
}

// ---- split words and inline layout ----

#[test]
fn hidden_text_inside_a_word_joins_it_and_says_so() {
    for html in [
        "Micro<span hidden>xx</span>soft account",
        "Micro<span style='font-size:0'>junk</span>soft account",
        "Micro<span style='color:#fff'>q</span>soft account",
        "Micro<div style='display:none'>block</div>soft account",
        "<style>.z{display:none}</style>Mic<b class=z>1</b>ro<b class=z>2</b>soft account",
    ] {
        let s = scan(html);
        assert_eq!(s.visible_text, "Microsoft account", "{html}");
        assert_eq!(disguises(&s, DisguiseKind::SplitWord), ["Microsoft"], "{html}");
    }
}

#[test]
fn hidden_text_between_words_is_no_split() {
    for html in [
        "Micro <span hidden>xx</span>soft",
        "Micro<span hidden>xx</span> soft",
        "Micro<span hidden> </span>soft",
        "<p>Micro</p><span hidden>x</span><p>soft</p>",
        "Micro<div style='visibility:hidden'>x</div>soft",
    ] {
        let s = scan(html);
        assert!(disguises(&s, DisguiseKind::SplitWord).is_empty(), "{html}: {:?}", s.disguises);
    }
}

#[test]
fn inline_elements_join_and_blocks_break() {
    let s = scan("<div style=display:inline>Micro</div><div style=display:inline>soft</div>");
    assert_eq!(s.visible_text, "Microsoft");
    assert!(s.disguises.is_empty());
    let s = scan("<style>.i{display:inline-block}</style><div class=i>Micro</div><div class=i>soft</div>");
    assert_eq!(s.visible_text, "Microsoft");
    let s = scan("<span>Micro</span><span style='display:block'>soft</span>");
    assert_eq!(s.visible_text, "Micro\nsoft");
    let s = scan("<div>Micro</div><div>soft</div>");
    assert_eq!(s.visible_text, "Micro\nsoft");
}

#[test]
fn implied_end_tags_close_what_browsers_close() {
    // A new cell, row or paragraph ends the one before: its hiding does not carry over.
    let s = scan("<table><tr><td style='display:none'>a<td>b<tr><td>c</table><p style=display:none>d<p>e<ul><li hidden>f<li>g</ul>");
    assert_eq!(s.visible_text, "b\nc\ne\ng");
    assert_eq!(s.hidden_text, "a\nd\nf");
}

// ---- generated content ----

#[test]
fn before_and_after_content_displays_where_the_rules_put_it() {
    let s = scan(&page(
        ".brand::before { content: \"Micro\" } .brand:after { content: '\\73 oft' } .x::after { content: attr(title) }",
        "<p>Your <span class=brand>-</span> account <span class=x title=t>!</span></p>",
    ));
    assert_eq!(s.visible_text, "Your Micro-soft account !");
    assert_eq!(disguises(&s, DisguiseKind::GeneratedContent), ["Micro", "soft"]);
}

#[test]
fn generated_content_of_hidden_elements_is_hidden() {
    let s = scan(&page(
        ".g::before { content:'Microsoft' } .h::after { content:'team'; display:none }",
        "<p>x<span class=g style='display:none'></span></p><p class=h>y</p>",
    ));
    assert_eq!(s.visible_text, "x\ny");
    assert_eq!(s.hidden_text, "Microsoft\nteam");
    assert!(disguises(&s, DisguiseKind::GeneratedContent).is_empty());
}

// ---- bidi ----

#[test]
fn a_right_to_left_override_displays_reversed() {
    for html in [
        "Your &#x202E;tfosorciM&#x202C; account",
        "Your \u{202e}tfosorciM\u{202c} account",
        "Your &#x2067;&#x202E;tfosorciM&#x2069; account",
        "Your <bdo dir=rtl>tfosorciM</bdo> account",
        "Your <span dir=rtl style='unicode-bidi:bidi-override'>tfosorciM</span> account",
        "<style>.r{direction:rtl;unicode-bidi:bidi-override}</style>Your <span class=r>tfo<b>sor</b>ciM</span> account",
    ] {
        let s = scan(html);
        assert_eq!(s.visible_text, "Your Microsoft account", "{html}");
        assert_eq!(disguises(&s, DisguiseKind::Reversed), ["Microsoft"], "{html}");
    }
}

#[test]
fn bidi_without_an_override_is_not_reversed() {
    for (html, text) in [
        ("<p>שלום, החשבון שלך</p>", "שלום, החשבון שלך"),
        ("<p dir=rtl>مرحبا Microsoft</p>", "مرحبا Microsoft"),
        ("<bdo dir=ltr>Microsoft</bdo>", "Microsoft"),
        ("a&#x202B;Microsoft&#x202C;b", "aMicrosoftb"),
        ("<span style='unicode-bidi:bidi-override'>Microsoft</span>", "Microsoft"),
    ] {
        let s = scan(html);
        assert_eq!(s.visible_text, text, "{html}");
        assert!(disguises(&s, DisguiseKind::Reversed).is_empty(), "{html}");
    }
}

#[test]
fn an_override_over_hebrew_keeps_its_reading_order_and_ends_at_the_paragraph() {
    let s = scan("<p>&#x202E;שלום abc</p><p>next</p>");
    assert_eq!(s.visible_text, "cba שלום\nnext");
    let s = scan("<bdo dir=rtl>olleh<br>dlrow</bdo>");
    assert_eq!(s.visible_text, "hello\nworld");
}

// ---- images and titles ----

#[test]
fn alt_and_title_text_go_to_image_text() {
    let s = scan(
        "<img src=a.png alt=\"Microsoft &amp; Office\" title='Microsoft &amp; Office'>\
         <img alt='Security   code'><map><area alt='Sign in' href=x></map>\
         <a href=y title='Verify&nbsp;now'>here</a><img alt=''><div hidden><img alt='hidden logo'></div>",
    );
    assert_eq!(s.image_text, "Microsoft & Office\nSecurity code\nSign in\nVerify now");
    assert_eq!(s.visible_text, "here");
    assert_eq!(s.hidden_text, "hidden logo");
}

// ---- entities, links ----

#[test]
fn entities_decode_in_text_links_and_attributes() {
    let s = scan("<p>M&#105;crosoft&nbsp;&mdash;&nbsp;&ldquo;code&rdquo;&hellip; &copy; &eacute;</p><a href='https://x.test/?a=1&amp;b=2'>go</a>");
    assert_eq!(s.visible_text, "Microsoft — “code”… © é\ngo");
    assert_eq!(s.links, vec![("go".to_string(), "https://x.test/?a=1&b=2".to_string())]);
}

#[test]
fn the_first_of_a_repeated_attribute_wins_as_in_browsers() {
    let s = scan("<a href='https://first.test' href='https://second.test'>x</a>");
    assert_eq!(s.links[0].1, "https://first.test");
}

#[test]
fn disguises_serialize_as_the_model_says() {
    let s = scan("Micro<span hidden>x</span>soft");
    let d: &Disguise = &s.disguises[1];
    assert_eq!(serde_json::to_string(d).unwrap(), r#"{"kind":"split_word","text":"Microsoft"}"#);
}

// ---- hostile input ----

/// Shapes that would make a naive reader quadratic or deep: each must finish (the release
/// timings of these at 10 MB are in the benchmark, not asserted here).
#[test]
fn hostile_bodies_finish_without_panicking() {
    let cases: Vec<String> = vec![
        "<div>".repeat(50_000) + &"</x>".repeat(50_000),
        format!(
            "<style>{}</style>{}",
            "div div div div div div div p { display:none } ".repeat(2_000),
            "<div>".repeat(250) + &"<p>x</p>".repeat(5_000)
        ),
        format!("<style>{}</style>", "{".repeat(50_000) + &"}".repeat(50_000)),
        "&#x202E;".repeat(50_000) + &"<bdo dir=rtl>".repeat(300) + "abc",
        "<span hidden>x</span>a".repeat(20_000),
        format!("<p class='{}'>x</p>", "c ".repeat(100_000)),
        "<style>.a::before{content:'".to_string() + &"\\".repeat(100_000),
        "<p style='".to_string() + &"color:#fff;".repeat(20_000) + "'>x",
        "<".repeat(200_000) + &"<a".repeat(100_000),
        "&".repeat(200_000) + &"&#".repeat(50_000),
        "<table>".repeat(300) + &"<p><div>".repeat(20_000),
    ];
    for html in cases {
        let s = scan(&html);
        assert!(s.disguises.len() <= 64, "{} disguises", s.disguises.len());
    }
}

#[test]
fn generated_content_is_bounded_however_many_elements_a_rule_matches() {
    let html =
        format!("<style>p::before {{ content: \"{}\" }}</style>{}", "x".repeat(200), "<p>".repeat(100_000));
    let s = scan(&html);
    assert!(s.visible_text.len() < 64 * 1024, "{} bytes of generated text", s.visible_text.len());
}
