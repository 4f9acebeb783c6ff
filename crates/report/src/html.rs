//! The rapport as HTML: the investigator's Markdown through pulldown-cmark, behind a title
//! block, with the rapport's CSS. The same document feeds the live preview and the PDF, so what
//! the investigator sees is what prints.
//!
//! Two guards keep any input printable: raw HTML in the Markdown is shown as text (never
//! interpreted), and containers nested deeper than [`MAX_NESTING`] are flattened into their
//! parent, so a thousand `>` signs cannot exhaust the layout engine's stack.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Deepest nesting of lists and block quotes that is kept; deeper containers are flattened.
pub const MAX_NESTING: usize = 8;

/// The rapport's style sheet, shared by the preview and the PDF.
pub const CSS: &str = include_str!("rapport.css");

/// The font family name the CSS uses; the PDF embeds the committed Liberation Serif under it.
pub const FONT_FAMILY: &str = "Liberation Serif";

/// The rapport's HTML as the live preview shows it: the PDF names only the font it embeds, but
/// a screen without Liberation Serif needs a fallback of its own, added here and only here.
pub fn preview_document(html: &str) -> String {
    html.replacen(
        "</head>",
        "<style>body { font-family: \"Liberation Serif\", \"DejaVu Serif\", Georgia, serif; }</style></head>",
        1,
    )
}

/// What the first page shows above the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleBlock {
    /// The ombudsman, e.g. "Gemeentelijke ombudsman Voorbeeldstad".
    pub ombudsman: String,
    /// "Rapport", "Verslag van bevindingen" or "Rapportbrief".
    pub kind_label: String,
    /// The dossier's reference.
    pub reference: String,
    /// The date, written out in Dutch.
    pub date: String,
    /// The body (or bodies) complained about.
    pub body: String,
    /// The dossier's title.
    pub title: String,
    /// One row per complaint point: number, text, oordeel (`None` in a verslag).
    pub points: Vec<PointSummary>,
    /// "Vertrouwelijk" or "Openbare versie".
    pub marking: String,
}

/// What a procedure letter's first page shows above its text, where a rapport has its
/// [`TitleBlock`]: the sender, the addressee, and the letter's particulars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterHead {
    /// The sender: the ombudsman, e.g. "Gemeentelijke ombudsman Voorbeeldstad".
    pub sender: String,
    /// The letter's kind as a title, e.g. "Informatieverzoek" (the HTML document's title).
    pub kind_label: String,
    /// The addressee's lines, each Markdown (an instruction line may be in italics).
    pub addressee: Vec<String>,
    /// The date, written out in Dutch.
    pub date: String,
    /// The dossier's reference, printed as the kenmerk.
    pub reference: String,
    /// What the letter is about: "Verzoek om informatie: Geen postadres na woningbrand".
    pub subject: String,
    /// What goes with the letter ("verslag van bevindingen", "rapport"), or `None`.
    pub enclosure: Option<String>,
    /// "Vertrouwelijk" or "Openbare versie".
    pub marking: String,
}

/// A complaint point on the first page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointSummary {
    /// Its number.
    pub number: u32,
    /// The complaint, as formulated.
    pub text: String,
    /// The oordeel in words, e.g. "gegrond"; `None` where the text gives no oordeel.
    pub verdict: Option<String>,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The title block as HTML.
pub fn title_block(title: &TitleBlock) -> String {
    let mut html = String::from("<div class=\"titelblok\">");
    html.push_str(&format!(
        "<p class=\"markering\">{}</p><p class=\"ombudsman\">{}</p><h1 class=\"soort\">{}</h1>",
        escape(&title.marking),
        escape(&title.ombudsman),
        escape(&title.kind_label)
    ));
    html.push_str("<div class=\"gegevens\">");
    for (label, value) in [
        ("Onderwerp", &title.title),
        ("Dossiernummer", &title.reference),
        ("Datum", &title.date),
        ("Bestuursorgaan", &title.body),
    ] {
        html.push_str(&format!(
            "<p class=\"gegeven\"><span class=\"label\">{label}:</span> {}</p>",
            escape(value)
        ));
    }
    html.push_str("</div>");
    if !title.points.is_empty() {
        // Blocks, not a table: the layout engine lets a long cell push a table past the margin.
        let with_verdicts = title.points.iter().any(|p| p.verdict.is_some());
        html.push_str(&format!(
            "<div class=\"oordelen\"><p class=\"oordelen-kop\">{}</p>",
            if with_verdicts {
                "Oordeel per klachtonderdeel"
            } else {
                "Klachtonderdelen"
            }
        ));
        for point in &title.points {
            html.push_str("<div class=\"punt\"><p class=\"punt-kop\">");
            html.push_str(&format!("Klachtonderdeel {}", point.number));
            if with_verdicts {
                let verdict = point.verdict.as_deref().unwrap_or("nog geen oordeel");
                html.push_str(&format!(": <b class=\"oordeel\">{}</b>", escape(verdict)));
            }
            html.push_str(&format!(
                "</p><p class=\"punt-tekst\">{}</p></div>",
                escape(&point.text)
            ));
        }
        html.push_str("</div>");
    }
    html.push_str("</div>");
    html
}

/// One line of Markdown as inline HTML: the paragraph's content without the `<p>` around it
/// (a line that Markdown would read as a list or a heading stays text).
fn inline_line(line: &str) -> String {
    let events: Vec<Event> = guarded_events(line)
        .into_iter()
        .filter(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::List(_) | Tag::Item)
                    | Event::End(
                        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::List(_) | TagEnd::Item
                    )
            )
        })
        .collect();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html.trim().to_string()
}

/// The letter head as HTML: marking and sender, the addressee block, then Datum, Kenmerk,
/// Onderwerp (and Bijlage). Without addressee lines it says how to give them.
pub fn letter_head(head: &LetterHead) -> String {
    let mut html = String::from("<div class=\"briefhoofd\">");
    html.push_str(&format!(
        "<p class=\"markering\">{}</p><p class=\"afzender\">{}</p>",
        escape(&head.marking),
        escape(&head.sender)
    ));
    html.push_str("<div class=\"adres\">");
    if head.addressee.is_empty() {
        html.push_str("<p class=\"adresregel\"><em>Geadresseerde ontbreekt: begin de brief met een regel „Aan: …”.</em></p>");
    }
    for line in &head.addressee {
        html.push_str(&format!(
            "<p class=\"adresregel\">{}</p>",
            inline_line(line)
        ));
    }
    html.push_str("</div><div class=\"kenmerken\">");
    let mut rows = vec![
        ("Datum", &head.date),
        ("Kenmerk", &head.reference),
        ("Onderwerp", &head.subject),
    ];
    if let Some(enclosure) = &head.enclosure {
        rows.push(("Bijlage", enclosure));
    }
    for (label, value) in rows {
        html.push_str(&format!(
            "<p class=\"gegeven\"><span class=\"label\">{label}:</span> {}</p>",
            escape(value)
        ));
    }
    html.push_str("</div></div>");
    html
}

/// Whether a tag opens a container whose nesting the guard counts.
fn is_container(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_)
    )
}

fn is_container_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition
    )
}

/// The Markdown's events with raw HTML turned into text and too-deep containers dropped.
fn guarded_events(markdown: &str) -> Vec<Event<'_>> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut depth = 0usize;
    let mut events = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(ref tag) if is_container(tag) => {
                depth += 1;
                if depth <= MAX_NESTING {
                    events.push(event);
                }
            }
            Event::End(ref tag) if is_container_end(tag) => {
                if depth <= MAX_NESTING {
                    events.push(event);
                }
                depth = depth.saturating_sub(1);
            }
            Event::Html(text) | Event::InlineHtml(text) => events.push(Event::Text(text)),
            Event::Start(Tag::Image { dest_url, .. }) => {
                // No remote or embedded images in a rapport: the link target is shown instead.
                events.push(Event::Text(CowStr::from(format!(
                    "[afbeelding: {dest_url}]"
                ))));
                events.push(Event::Start(Tag::Emphasis));
            }
            Event::End(TagEnd::Image) => events.push(Event::End(TagEnd::Emphasis)),
            other => events.push(other),
        }
    }
    events
}

/// Whether an event starts a block (as opposed to inline content).
fn starts_block(event: &Event) -> bool {
    matches!(
        event,
        Event::Start(
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)
        ) | Event::Rule
    )
}

#[derive(Default)]
struct OpenItem {
    has_content: bool,
    in_first_paragraph: bool,
    closed: bool,
}

/// Reshapes list items for the layout engine, which repeats an item's text or marker when an
/// item holds block children: an item keeps the inline text of its first paragraph, and any
/// further blocks (a nested list, a second paragraph) follow the item inside the same list.
/// A footnote's first paragraph is unwrapped too, so its number stands on the same line.
fn flatten_items(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut items: Vec<OpenItem> = Vec::new();
    let mut footnote_first_paragraph = false;
    let mut depth_in_item: Vec<usize> = Vec::new();
    for event in events {
        match &event {
            Event::Start(Tag::Item) => {
                items.push(OpenItem::default());
                depth_in_item.push(0);
                out.push(event);
                continue;
            }
            Event::End(TagEnd::Item) => {
                depth_in_item.pop();
                if let Some(item) = items.pop() {
                    if !item.closed {
                        out.push(event);
                    }
                }
                continue;
            }
            Event::Start(Tag::FootnoteDefinition(_)) => {
                footnote_first_paragraph = true;
                out.push(event);
                continue;
            }
            _ => {}
        }
        let top_level_in_item = depth_in_item.last() == Some(&0);
        if top_level_in_item {
            let item = items.last_mut().expect("an item is open");
            match &event {
                Event::Start(Tag::Paragraph) if !item.has_content && !item.closed => {
                    item.in_first_paragraph = true;
                    *depth_in_item.last_mut().expect("an item is open") += 1;
                    continue;
                }
                e if starts_block(e) && !item.closed => {
                    out.push(Event::End(TagEnd::Item));
                    item.closed = true;
                }
                _ => item.has_content = true,
            }
        } else if depth_in_item.last() == Some(&1) {
            if let (Some(item), Event::End(TagEnd::Paragraph)) = (items.last_mut(), &event) {
                if item.in_first_paragraph {
                    item.in_first_paragraph = false;
                    item.has_content = true;
                    *depth_in_item.last_mut().expect("an item is open") -= 1;
                    continue;
                }
            }
        }
        if footnote_first_paragraph {
            match &event {
                Event::Start(Tag::Paragraph) => continue,
                Event::End(TagEnd::Paragraph) => {
                    footnote_first_paragraph = false;
                    continue;
                }
                _ => {}
            }
        }
        match &event {
            Event::Start(_) => {
                if let Some(d) = depth_in_item.last_mut() {
                    *d += 1;
                }
            }
            Event::End(_) => {
                if let Some(d) = depth_in_item.last_mut() {
                    *d = d.saturating_sub(1);
                }
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// The Markdown as HTML, each heading kept together with the block after it (so a heading
/// never ends a page alone).
pub fn markdown_body(markdown: &str) -> String {
    let events = flatten_items(guarded_events(markdown));
    let mut blocks: Vec<(bool, String)> = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        let closes_block = depth == 0 && !matches!(event, Event::Start(_));
        if closes_block {
            let is_heading = matches!(events[start], Event::Start(Tag::Heading { .. }));
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, events[start..=i].iter().cloned());
            blocks.push((is_heading, html));
            start = i + 1;
        }
    }
    let mut out = String::new();
    let mut i = 0;
    while i < blocks.len() {
        if blocks[i].0 {
            // A run of headings and the first block after them stay on one page.
            out.push_str("<div class=\"bijeen\">");
            while i < blocks.len() && blocks[i].0 {
                out.push_str(&blocks[i].1);
                i += 1;
            }
            if i < blocks.len() {
                out.push_str(&blocks[i].1);
                i += 1;
            }
            out.push_str("</div>");
        } else {
            out.push_str(&blocks[i].1);
            i += 1;
        }
    }
    out
}

/// The whole document: style, title block and the rapport's text.
pub fn document(title: &TitleBlock, markdown: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{} {}</title><style>{}</style></head><body>{}<div class=\"tekst\">{}</div></body></html>",
        escape(&title.kind_label),
        escape(&title.reference),
        CSS,
        title_block(title),
        markdown_body(markdown)
    )
}

/// A procedure letter's whole document: style, letter head and the letter's text (without its
/// addressee paragraph, which the head shows). The closing greeting gets room below it for the
/// signature.
pub fn letter_document(head: &LetterHead, markdown: &str) -> String {
    let body = markdown_body(markdown).replace(
        "<p>Met vriendelijke groet,</p>",
        "<p class=\"groet\">Met vriendelijke groet,</p>",
    );
    format!(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{} {}</title><style>{}</style></head><body>{}<div class=\"tekst brief\">{}</div></body></html>",
        escape(&head.kind_label),
        escape(&head.reference),
        CSS,
        letter_head(head),
        body
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_css_names_only_the_embedded_font_and_the_preview_adds_a_fallback() {
        // The layout engine warns about every family it cannot resolve; the PDF carries only
        // Liberation Serif, so its CSS names nothing else. A screen may lack it.
        for family in CSS.split("font-family:").skip(1) {
            let names = family.split([';', '}']).next().unwrap_or_default();
            assert_eq!(names.trim(), format!("\"{FONT_FAMILY}\""), "{names}");
        }
        let preview = preview_document("<html><head><style>x</style></head><body></body></html>");
        assert!(
            preview.contains("Georgia, serif; }</style></head>"),
            "{preview}"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text_not_interpreted() {
        let html = markdown_body("Zie <script>alert(1)</script> hier.");
        assert!(
            !html.contains("<script>"),
            "a rapport never carries live HTML into the preview: {html}"
        );
        assert!(
            html.contains("&lt;script&gt;"),
            "the text stays visible: {html}"
        );
    }

    #[test]
    fn a_heading_is_kept_with_the_paragraph_after_it() {
        let html = markdown_body("## Klacht\n\nVerzoekster klaagt.\n\nTweede alinea.");
        assert_eq!(
            html,
            "<div class=\"bijeen\"><h2>Klacht</h2>\n<p>Verzoekster klaagt.</p>\n</div><p>Tweede alinea.</p>\n",
            "only the first block after a heading is bound to it"
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_flattened_but_the_text_stays() {
        let markdown = format!("{} diep", ">".repeat(500));
        let html = markdown_body(&markdown);
        assert_eq!(
            html.matches("<blockquote>").count(),
            MAX_NESTING,
            "containers beyond the limit are dropped"
        );
        assert!(html.contains("diep"), "the text itself is kept");
    }

    #[test]
    fn nested_lists_and_second_paragraphs_follow_their_item() {
        let html = markdown_body("1. een\n   - sub\n2. twee\n\n   vervolg\n");
        assert_eq!(
            html,
            "<ol>\n<li>een</li>\n<ul>\n<li>sub</li>\n</ul>\n<li>twee</li>\n<p>vervolg</p>\n</ol>\n",
            "no item holds a block child, so the layout engine draws each marker once"
        );
    }

    #[test]
    fn a_footnote_number_stands_on_the_line_of_its_text() {
        let html = markdown_body("Tekst.[^1]\n\n[^1]: Bron.\n");
        assert!(html.contains("</sup>Bron.</div>"), "{html}");
    }

    #[test]
    fn the_letter_head_escapes_its_fields_and_renders_the_address_lines_inline() {
        // The address lines are Markdown (an instruction in italics), but never live HTML and
        // never a list: "1. Postbus" on an address line is an address, not item one.
        let head = letter_head(&LetterHead {
            sender: "Ombudsman <X>".into(),
            kind_label: "Informatieverzoek".into(),
            addressee: vec![
                "Gemeente Súdwest-Fryslân".into(),
                "*Vul hier het adres in.*".into(),
                "<b>1. Postbus</b>".into(),
            ],
            date: "10 augustus 2019".into(),
            reference: "2019-0342".into(),
            subject: "Verzoek om informatie".into(),
            enclosure: None,
            marking: "Vertrouwelijk".into(),
        });
        assert!(head.contains("Ombudsman &lt;X&gt;"), "{head}");
        assert!(head.contains("<p class=\"adresregel\">Gemeente Súdwest-Fryslân</p>"));
        assert!(head.contains("<em>Vul hier het adres in.</em>"), "{head}");
        assert!(!head.contains("<b>") && !head.contains("<li>"), "{head}");
        assert!(head.contains("<span class=\"label\">Kenmerk:</span> 2019-0342"));
        assert!(!head.contains("Bijlage"), "no enclosure, no Bijlage line");
    }

    #[test]
    fn the_title_block_escapes_names_and_shows_each_verdict() {
        let block = title_block(&TitleBlock {
            ombudsman: "Ombudsman <X>".into(),
            kind_label: "Rapport".into(),
            reference: "2019-0117".into(),
            date: "15 juli 2019".into(),
            body: "Gemeente".into(),
            title: "Titel".into(),
            points: vec![PointSummary {
                number: 1,
                text: "Klacht".into(),
                verdict: Some("gegrond".into()),
            }],
            marking: "Vertrouwelijk".into(),
        });
        assert!(block.contains("Ombudsman &lt;X&gt;"));
        assert!(block.contains("Klachtonderdeel 1: <b class=\"oordeel\">gegrond</b>"));
    }
}
