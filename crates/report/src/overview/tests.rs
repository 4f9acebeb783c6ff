//! The overview's content without layout: what it counts and says, the CSV, and that no text
//! taken from a dossier keeps a person's name.

use super::drawing::text_width;
use super::figures::{lines, Category};
use super::ledger::{break_lines, Ledger};
use super::published::publish;
use super::register::{verdict_summary, weeks};
use super::tests_fixture::{
    day, empty_year, same_labels, year, GEMEENTE, HIDDEN_PARTNER, LONG_BODY, PERSONS, WIJ,
};
use super::*;
use wederhoor_core::fold::fold;
use wederhoor_core::vocab::Verdict;
use wederhoor_core::wire::KeywordCell;

/// Whether a name part stands in a text as a word of its own (folded: case and accents aside).
pub fn has_word(text: &str, part: &str) -> bool {
    let part = fold(part);
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == part)
}

/// Every person's name part found in a text.
pub fn names_in(text: &str) -> Vec<&'static str> {
    PERSONS
        .iter()
        .flat_map(|(_, parts)| parts.iter().copied())
        .filter(|p| has_word(text, p))
        .collect()
}

#[test]
fn a_calendar_year_is_named_by_its_number_any_other_period_by_its_days() {
    assert_eq!(period_label(&SignalPeriod::year(2025)), "2025");
    let half = SignalPeriod {
        from: Some("2025-01-01".into()),
        to: Some("2025-06-30".into()),
    };
    assert_eq!(period_label(&half), "1 januari 2025 – 30 juni 2025");
    assert_eq!(
        title(&half),
        "Klachten over 1 januari 2025 – 30 juni 2025: jaaroverzicht voor de gemeenteraad"
    );
    let open = SignalPeriod {
        from: Some("2025-03-01".into()),
        to: None,
    };
    assert_eq!(period_label(&open), "vanaf 1 maart 2025");
    assert_eq!(
        period_label(&SignalPeriod::default()),
        "alle jaren",
        "a period open on both sides covers every year"
    );
}

#[test]
fn every_text_taken_from_a_dossier_is_published_without_a_persons_name() {
    let overview = year();
    let published = publish(&overview);
    let mut texts: Vec<String> = published.keywords.clone();
    for entry in &published.register {
        assert!(entry.hidden.is_empty(), "nothing to hide is passed on");
        texts.push(entry.title.clone());
        for r in &entry.recommendations {
            texts.push(r.text.clone());
            texts.extend(r.response.clone());
        }
    }
    for text in &texts {
        assert_eq!(names_in(text), Vec::<&str>::new(), "in {text:?}");
        assert!(
            !text.contains("Linde"),
            "a partner without public name: {text:?}"
        );
    }
    let titles: Vec<&str> = published
        .register
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert!(
        titles.contains(&"Zelfde fout als bij verzoekster"),
        "a name registered only in another counted dossier is replaced too: {titles:?}"
    );
    assert!(
        titles.contains(&"Geen reactie van de zorgaanbieder op bezwaar van verzoeker"),
        "{titles:?}"
    );
    assert!(
        published
            .keywords
            .contains(&"klacht klantmanager K.".to_string()),
        "a trefwoord gets the names of the dossiers carrying it: {:?}",
        published.keywords
    );
}

#[test]
fn a_name_part_the_pseudonymiser_misses_is_still_replaced() {
    // "Kuipers2025" is no spelling of the name (a digit runs on), but the surname stands in it.
    let mut overview = year();
    overview.register[1].title = "Dossier Kuipers2025 kwijt".into();
    let published = publish(&overview);
    assert_eq!(
        published.register[1].title, "Dossier klantmanager K.2025 kwijt",
        "the independent pass replaces the part on its own"
    );
}

#[test]
fn counts_come_in_one_list_for_the_charts_and_the_csv() {
    let overview = year();
    let all = lines(&overview.signals, &publish(&overview));
    let total = &all[0];
    assert_eq!(total.category, Category::Totaal);
    assert_eq!(
        (
            total.dossiers.value,
            total.points.unwrap().value,
            total.gegrond.unwrap().value
        ),
        (7, 10, 4),
        "seven dossiers with ten points, four of them gegrond"
    );
    let verdicts: Vec<&str> = all
        .iter()
        .filter(|l| l.category == Category::Oordeel)
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(
        verdicts,
        [
            "gegrond",
            "deels gegrond",
            "niet gegrond",
            "geen oordeel",
            "nog geen oordeel"
        ],
        "a reader takes the verdicts from gegrond down"
    );
    let body = all.iter().find(|l| l.name == GEMEENTE).unwrap();
    assert!(!body.dossiers.small, "six dossiers are not a small count");
    let partner = all.iter().find(|l| l.name == WIJ).unwrap();
    assert_eq!(partner.category, Category::Partner);
    assert_eq!(partner.under.as_deref(), Some(GEMEENTE));
    assert!(
        partner.dossiers.small,
        "two dossiers could point to a person"
    );
    assert!(
        all.iter().any(|l| l.name == HIDDEN_PARTNER.1)
            && !all.iter().any(|l| l.name == HIDDEN_PARTNER.0),
        "a partner without public name is shown by its pseudonym"
    );
    let older = all
        .iter()
        .find(|l| l.category == Category::OudereNorm)
        .unwrap();
    assert_eq!(
        (older.name.as_str(), older.under.as_deref()),
        ("Motivering", Some("Goede motivering")),
        "an older norm stands beneath the current norm it maps to"
    );
}

#[test]
fn the_csv_has_a_header_and_one_marked_row_per_count() {
    let overview = year();
    let csv = csv(&overview);
    assert!(
        csv.starts_with('\u{feff}'),
        "a BOM, so a spreadsheet reads UTF-8"
    );
    let rows: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split_terminator("\r\n")
        .collect();
    assert_eq!(
        rows[0],
        "categorie;naam;code;onder;dossiers;klachtonderdelen;gegrond;minder dan 5 dossiers"
    );
    assert_eq!(
        rows.len() - 1,
        lines(&overview.signals, &publish(&overview)).len(),
        "one row per count"
    );
    assert!(
        rows.contains(&"totaal;alle dossiers;;;7;10;4;nee"),
        "{rows:#?}"
    );
    assert!(
        rows.contains(&"instantie;Gemeente Voorbeeldstad;;;6;;3;nee"),
        "{rows:#?}"
    );
    assert!(
        rows.contains(&"partner;WIJ-team Voorbeeldstad Oost;;Gemeente Voorbeeldstad;2;;2;ja"),
        "a partner names its body and is marked small: {rows:#?}"
    );
    assert!(
        rows.contains(&"oordeel;gegrond;gegrond;;4;4;;ja"),
        "{rows:#?}"
    );
    assert!(rows.contains(&"oudere norm;Motivering;klassiek/motivering;Goede motivering;2;2;;ja"));
    assert!(
        rows.contains(&"kwartaal;K1 2025;2025-K1;;3;4;1;ja"),
        "{rows:#?}"
    );
    assert!(
        rows.contains(&"trefwoord;coördinatie;;;1;;;ja"),
        "diacritics kept as written"
    );
    assert!(!csv.contains(HIDDEN_PARTNER.0) && csv.contains(HIDDEN_PARTNER.1));
    assert_eq!(
        names_in(&csv),
        Vec::<&str>::new(),
        "no person's name in the CSV"
    );
}

#[test]
fn parties_sharing_a_public_label_are_one_row_counting_each_dossier_once() {
    // WIJ-team Oost (dossier 101) and WIJ-team Noord (101 and 105) are both published as "het
    // WIJ-team": two rows of that name would say nothing and show the small count twice.
    // Dossier 101 is in both cells, so its gegrond point must count once: 2, not 1 + 2.
    let overview = same_labels();
    let wij: Vec<_> = overview.signals.bodies[0]
        .partners
        .iter()
        .filter(|p| p.public_name == "het WIJ-team")
        .map(|p| (p.dossiers.len(), p.points_gegrond))
        .collect();
    assert_eq!(
        wij,
        [(2, 2), (1, 1)],
        "the counting keeps the two teams apart"
    );
    let all = lines(&overview.signals, &publish(&overview));
    let rows = |name: &str| -> Vec<(Category, u32, u32, bool, Option<String>)> {
        all.iter()
            .filter(|l| fold(l.name.trim()) == fold(name))
            .map(|l| {
                let gegrond = l.gegrond.map(|g| g.value).unwrap_or(0);
                (
                    l.category,
                    l.dossiers.value,
                    gegrond,
                    l.dossiers.small,
                    l.under.clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        rows("het WIJ-team"),
        [(Category::Partner, 2, 2, true, Some(GEMEENTE.into()))],
        "one partner row: dossiers 101 and 105, one gegrond point each"
    );
    // Two municipalities, both "de gemeente" (once written "De  gemeente "), are one body
    // row, and their wijkteams one partner row beneath it.
    assert_eq!(
        rows("de gemeente"),
        [(Category::Instantie, 2, 1, true, None)],
        "dossiers 103 (one point gegrond) and 107"
    );
    assert!(
        all.iter().all(|l| l.name != "De  gemeente "),
        "the label is the first cell's"
    );
    assert_eq!(
        rows("het wijkteam"),
        [(Category::Partner, 2, 1, true, Some("de gemeente".into()))],
        "partners merge under the merged body"
    );
    let csv = csv(&overview);
    let rows: Vec<&str> = csv.split_terminator("\r\n").collect();
    for row in [
        "instantie;Gemeente Voorbeeldstad;;;5;;3;nee",
        "partner;het WIJ-team;;Gemeente Voorbeeldstad;2;;2;ja",
        "instantie;de gemeente;;;2;;1;ja",
        "partner;het wijkteam;;de gemeente;2;;1;ja",
    ] {
        assert_eq!(
            rows.iter().filter(|r| **r == row).count(),
            1,
            "{row} once in the CSV: {rows:#?}"
        );
    }
    assert_eq!(
        rows.iter()
            .filter(|r| fold(r).contains("wij-team") || fold(r).contains(";de  gemeente"))
            .count(),
        1,
        "no second row for a shared label: {rows:#?}"
    );
    for name in ["Oost", "Noord", "Anderstad", "Derdestad"] {
        assert!(
            !csv.contains(name),
            "{name} is hidden, only its label shown"
        );
    }
}

#[test]
fn a_label_shared_by_no_other_cell_keeps_its_counts() {
    // Merging must change nothing where no two cells share a label: the fixture's year has
    // none, so its bodies pass as counted.
    let overview = year();
    assert_eq!(publish(&overview).bodies, overview.signals.bodies);
}

#[test]
fn csv_fields_with_a_separator_quote_line_break_or_formula_sign_are_guarded() {
    let csv = csv(&year());
    assert!(
        csv.contains("\r\ntrefwoord;\"bezwaar; termijn\";;;1;;;ja\r\n"),
        "a ; inside a field is quoted"
    );
    assert!(
        csv.contains("\r\ntrefwoord;\"toeslag \"\"spoed\"\"\";;;1;;;ja\r\n"),
        "a quote inside a field is doubled"
    );
    let mut overview = year();
    overview.signals.keywords.push(KeywordCell {
        keyword: "=SOM(A1)\nregel".into(),
        dossiers: vec![101],
        small: true,
    });
    let csv = super::csv::write(&overview);
    assert!(
        csv.contains("\r\ntrefwoord;\"'=SOM(A1)\nregel\";;;1;;;ja\r\n"),
        "a line break is quoted and a formula is kept text: {csv}"
    );
}

#[test]
fn the_html_marks_small_counts_and_explains_the_mark_once_near_the_figures() {
    let html = html(&year());
    assert!(
        html.contains("<div class=\"getal\">2*</div>"),
        "a small count is marked"
    );
    assert!(
        html.contains("<div class=\"getal\">6</div>"),
        "a large one is not"
    );
    assert!(html.contains("* minder dan 5 dossiers: zo’n aantal kan tot een persoon te herleiden zijn; publiceer het niet zonder afweging."));
    assert!(
        html.contains("waarvan oudere norm „Motivering”"),
        "older norms beneath"
    );
    for (number, what) in [
        ("7", "dossiers (klachten)"),
        ("10", "klachtonderdelen"),
        ("40%", "gegrond (4* van 10 klachtonderdelen)"),
    ] {
        assert!(
            html.contains(&format!(
                "<p class=\"kerncijfer-getal\">{number}</p><p class=\"kerncijfer-wat\">{what}</p>"
            )),
            "key figure {number} {what}; the gegrond points come from a small cell"
        );
    }
    assert!(
        html.contains("Interpretatie:"),
        "the mapping of old norms is marked as one"
    );
    assert!(!html.contains(HIDDEN_PARTNER.0));
}

#[test]
fn the_keyword_chart_shows_the_top_fifteen_and_says_how_many_more() {
    let mut overview = year();
    for i in 0..12 {
        overview.signals.keywords.push(KeywordCell {
            keyword: format!("extra trefwoord {i}"),
            dossiers: vec![101],
            small: true,
        });
    }
    let html = html(&overview);
    assert_eq!(overview.signals.keywords.len(), 21);
    assert!(
        html.contains("En nog 6 andere trefwoorden"),
        "21 trefwoorden, 15 shown"
    );
    assert!(
        !html.contains("extra trefwoord 11"),
        "the last ones are not drawn"
    );
}

#[test]
fn an_empty_year_says_so_instead_of_drawing_empty_charts() {
    let html = html(&empty_year());
    assert!(html.contains("Geen klachten ontvangen in 2025"));
    assert!(html.contains("Er zijn in 2025 geen klachten geregistreerd."));
    assert!(!html.contains("class=\"staaf") && !html.contains("class=\"trend\""));
}

#[test]
fn register_cells_are_broken_into_lines_that_fit_their_columns() {
    let font = crate::pdf::frame_font().expect("the committed font parses");
    let published = publish(&year());
    let ledger = Ledger::new(&published.register, Some(font));
    let first = ledger.row(0);
    assert_eq!(first[0], ["2025-0101"], "a kenmerk fits its column");
    assert_eq!(
        first[4].join(" "),
        "1 gegrond, 1 niet gegrond",
        "the oordeel in words, wrapped"
    );
    assert_eq!(first[5].join(" "), "nog niet afgerond");
    let long = ledger.row(2);
    assert!(long[2].len() >= 4, "a long body name wraps: {:?}", long[2]);
    assert_eq!(
        long[2].join(" ").replace("- ", "-"),
        LONG_BODY,
        "every word of it is kept"
    );
    let word = "Belastingsamenwerkingsverbandovereenkomst";
    let pieces = break_lines(Some(font), 40.0, word);
    assert!(pieces.len() > 1, "a word wider than its column is cut");
    assert_eq!(pieces.concat(), word, "and nothing of it is lost");
    for piece in &pieces {
        assert!(text_width(font, 8.5, piece) <= 40.0, "{piece} fits");
    }
    assert_eq!(
        break_lines(Some(font), 40.0, "Zuid-Oost-Brabant"),
        ["Zuid-Oost-", "Brabant"],
        "a hyphenated word is cut after a hyphen"
    );
}

#[test]
fn a_dossiers_oordeel_counts_each_verdict_in_words() {
    use Verdict::*;
    assert_eq!(
        verdict_summary(&[Gegrond, NietGegrond, Gegrond]),
        "2 gegrond, 1 niet gegrond"
    );
    assert_eq!(verdict_summary(&[Open]), "1 nog geen oordeel");
    assert_eq!(verdict_summary(&[]), "geen klachtonderdelen");
}

#[test]
fn doorlooptijd_is_whole_weeks_from_receipt_to_completion() {
    let mut entry = year().register[1].clone();
    entry.received_on = day("2025-09-03");
    entry.completed_on = Some(day("2025-11-26"));
    assert_eq!(weeks(&entry), Some(12), "84 days");
    entry.completed_on = Some(day("2025-09-07"));
    assert_eq!(weeks(&entry), Some(1), "four days round up to a week");
    entry.completed_on = None;
    assert_eq!(weeks(&entry), None, "not completed, no doorlooptijd");
    entry.completed_on = Some(day("2025-01-01"));
    assert_eq!(
        weeks(&entry),
        None,
        "a completion before receipt cannot be counted"
    );
}

#[test]
fn the_value_axis_ends_at_a_round_number_with_at_most_five_steps() {
    use super::trend::axis;
    assert_eq!(axis(0), (1, 1), "an empty series still has an axis");
    assert_eq!(axis(3), (3, 1));
    assert_eq!(axis(7), (8, 2));
    assert_eq!(axis(23), (25, 5));
    assert_eq!(axis(180), (200, 50));
}

/// Quarters from `(year, quarter)` on, `n` of them.
fn quarters_from(start: (i32, u32), n: usize) -> Vec<(i32, u32)> {
    let first = start.0 * 4 + start.1 as i32 - 1;
    (0..n as i32)
        .map(|i| ((first + i) / 4, ((first + i) % 4) as u32 + 1))
        .collect()
}

#[test]
fn the_quarter_axis_names_few_quarters_each_and_many_by_year_without_overlap() {
    use super::trend::x_labels;
    let font = crate::pdf::frame_font().expect("the committed font parses");
    let width = |s: &str| text_width(font, 8.0, s);
    // The plot is some 420 pt wide: a year's four quarters have room for every name.
    let year = x_labels(&quarters_from((2025, 1), 4), 130.0, width);
    let names: Vec<&str> = year.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(names, ["K1 2025", "K2 2025", "K3 2025", "K4 2025"]);
    let overlap_free = |labels: &[(usize, String)], step: f32| {
        labels.windows(2).all(|w| {
            let room = (w[1].0 - w[0].0) as f32 * step;
            room >= (width(&w[0].1) + width(&w[1].1)) / 2.0
        })
    };
    // All years: 60 quarters about 7 pt apart. Named each, they ran into one another
    // ("K2 2023K3 2025"); now the first and last quarter and the years between.
    let all = quarters_from((2011, 1), 60);
    let labels = x_labels(&all, 7.0, width);
    assert_eq!(labels.first(), Some(&(0, "K1 2011".to_string())));
    assert_eq!(labels.last(), Some(&(59, "K4 2025".to_string())));
    assert!(overlap_free(&labels, 7.0), "{labels:?}");
    let between = &labels[1..labels.len() - 1];
    assert!(between.len() >= 10, "most years are named: {labels:?}");
    for (i, name) in between {
        assert_eq!(
            (name.clone(), all[*i].1),
            (all[*i].0.to_string(), 1),
            "a year is named at its first quarter"
        );
    }
    // A period starting mid-year, and one of 13 quarters: by year as well.
    let mid = x_labels(&quarters_from((2011, 3), 58), 7.0, width);
    assert_eq!(mid[0].1, "K3 2011");
    assert_eq!(mid[mid.len() - 1].1, "K4 2025");
    assert!(overlap_free(&mid, 7.0), "{mid:?}");
    let thirteen = x_labels(&quarters_from((2022, 1), 13), 32.0, width);
    let names: Vec<&str> = thirteen.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(names, ["K1 2022", "2023", "2024", "K1 2025"]);
    // A century of quarters 1 pt apart: years thinned to round ones, still no overlap.
    let century = x_labels(&quarters_from((1926, 1), 400), 1.05, width);
    assert!(overlap_free(&century, 1.05), "{century:?}");
    let years: Vec<i32> = century[1..century.len() - 1]
        .iter()
        .map(|(_, y)| y.parse().unwrap())
        .collect();
    assert!(
        years.len() < 25 && years.iter().all(|y| y % 5 == 0),
        "every fifth year at most: {century:?}"
    );
    assert_eq!(century.last().unwrap().1, "K4 2025");
}

#[test]
fn a_period_of_many_quarters_is_tabled_per_year() {
    // Sixty quarters are too many rows to read: the table sums them per year, says so, and
    // writes a run of years without complaints as one row.
    let html = html(&super::tests_fixture::long_period());
    assert!(
        html.contains("De periode beslaat 60 kwartalen; de tabel telt daarom per jaar"),
        "the reader is told why"
    );
    assert!(html.contains("<div class=\"kw-naam\">Jaar</div>"));
    assert!(
        html.contains(
            "<div class=\"kw-naam\">2019</div><div class=\"kw-getal\">1*</div><div \
             class=\"kw-getal\">2*</div><div class=\"kw-getal\">1*</div>"
        ),
        "2019: one dossier with two points, one gegrond"
    );
    assert!(html.contains(
        "<div class=\"kw-naam\">2012–2015</div><div class=\"kw-leeg\">geen klachten ontvangen</div>"
    ));
    assert!(!html.contains(">K2 2011<"), "no row per quarter");
    let year = super::html(&year());
    assert!(
        year.contains("<div class=\"kw-naam\">K2 2025</div>") && !year.contains(">Jaar<"),
        "a year's four quarters keep their own rows"
    );
}
