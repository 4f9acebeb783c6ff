//! HTML bodies as text: what mail programs send.

use crate::mail::html::html_to_text;

#[test]
fn outlook_paragraphs_are_separated_by_a_blank_line() {
    let html = "<p class=MsoNormal>Geachte mevrouw,<o:p></o:p></p>\r\n\
                <p class=MsoNormal><o:p>&nbsp;</o:p></p>\r\n\
                <p class=MsoNormal>Uw brief van 3&nbsp;mei is ontvangen.<o:p></o:p></p>";
    let text = html_to_text(html);
    let lines: Vec<_> = text.lines().map(str::trim_end).collect();
    assert_eq!(
        lines
            .join("\n")
            .replace("\n\n\n\n", "\n\n")
            .replace("\n\n\n", "\n\n"),
        "Geachte mevrouw,\n\nUw brief van 3 mei is ontvangen."
    );
}

#[test]
fn gmail_div_lines_stay_lines_and_an_empty_div_is_a_blank_line() {
    let html = "<div dir=\"ltr\"><div>Regel een</div><div>Regel twee</div><div><br></div>\
                <div>Groet,<br>Jan</div></div>";
    assert_eq!(html_to_text(html), "Regel een\nRegel twee\n\nGroet,\nJan");
}

#[test]
fn entities_are_decoded_and_white_space_collapsed() {
    assert_eq!(
        html_to_text("Caf&eacute;  &amp;\n\t co&#246;rdinatie &#x20AC;5 &lt;b&gt; &unknown; & ;"),
        "Café & coördinatie €5 <b> &unknown; & ;"
    );
}

#[test]
fn head_style_script_and_comments_are_not_text() {
    let html = "<!DOCTYPE html><html><head><title>T</title><style>p{x:y}</style></head>\
                <body><!-- verborgen --><script>alert(1)</script><!--[if mso]>x<![endif]-->\
                Zichtbaar</body></html>";
    assert_eq!(html_to_text(html), "Zichtbaar");
    assert_eq!(
        html_to_text("<head><meta charset=utf-8><body>Zonder eind-head"),
        "Zonder eind-head"
    );
}

#[test]
fn lists_tables_and_pre_keep_their_shape() {
    assert_eq!(
        html_to_text("<ul><li>een</li><li>twee</li></ul>na"),
        "- een\n- twee\n\nna"
    );
    assert_eq!(
        html_to_text("<table><tr><td>Datum</td><td>5 mei</td></tr><tr><td>Kanaal</td><td>brief</td></tr></table>"),
        "Datum 5 mei\nKanaal brief"
    );
    assert_eq!(html_to_text("<pre>a  b\n  c</pre>d"), "a  b\n  c\n\nd");
}

#[test]
fn a_lone_angle_bracket_is_text() {
    assert_eq!(html_to_text("3 < 4 en 5 > 4"), "3 < 4 en 5 > 4");
}
