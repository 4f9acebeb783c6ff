//! The overview as one HTML document, in the order a council member reads it: title and what
//! is counted, the key figures, the charts per body, verdict, norm, trefwoord and quarter, the
//! recommendations with the bodies' answers, and the register Awb 9:12a asks for. A period
//! without complaints says so plainly instead of drawing empty charts; a period of more than
//! [`trend::QUARTERS_NAMED`] quarters (all years) gets its table below the quarter chart per
//! year, runs of years without complaints as one row.

use crate::html::{escape, CSS};
use crate::overview::bars::{self, Bar, DOSSIERS, GEGROND, POINTS};
use crate::overview::figures::{gegrond_points, lines, total_small, Category, Figure, Line};
use crate::overview::ledger::Ledger;
use crate::overview::published::Published;
use crate::overview::register::{self, counted, weeks};
use crate::overview::{period_label, period_phrase, title, trend, Overview};
use wederhoor_core::dates::dutch_long_date;
use wederhoor_core::vocab::Verdict;

/// The overview's own styles, after the rapport's.
const OVERVIEW_CSS: &str = include_str!("overview.css");

/// How many trefwoorden the chart shows; the CSV has them all.
const TOP_KEYWORDS: usize = 15;

/// The note under every marked count.
pub const SMALL_NOTE: &str = "* minder dan 5 dossiers: zo’n aantal kan tot een persoon te herleiden zijn; publiceer het niet zonder afweging.";

fn small_note(small_below: u32) -> String {
    SMALL_NOTE.replace("minder dan 5", &format!("minder dan {small_below}"))
}

fn heading(text: &str, explanation: &str) -> String {
    let mut html = format!("<h2>{}</h2>", escape(text));
    if !explanation.is_empty() {
        html.push_str(&format!("<p class=\"uitleg\">{}</p>", escape(explanation)));
    }
    html
}

fn bars_of(lines: &[&Line], pick: impl Fn(&Line) -> Vec<Figure>) -> Vec<Bar> {
    lines
        .iter()
        .map(|l| Bar {
            label: match l.category {
                Category::OudereNorm => format!("oudere norm „{}”", l.name),
                _ => l.name.clone(),
            },
            beneath: matches!(l.category, Category::Partner | Category::OudereNorm),
            figures: pick(l),
        })
        .collect()
}

fn of<'a>(all: &'a [Line], categories: &[Category]) -> Vec<&'a Line> {
    all.iter()
        .filter(|l| categories.contains(&l.category))
        .collect()
}

fn points(l: &Line) -> Figure {
    l.points.unwrap_or(l.dossiers)
}

fn gegrond(l: &Line) -> Figure {
    l.gegrond.unwrap_or(Figure {
        value: 0,
        small: l.dossiers.small,
    })
}

fn title_block(overview: &Overview) -> String {
    let mut html = String::new();
    if !overview.ombudsman.trim().is_empty() {
        html.push_str(&format!(
            "<p class=\"ombudsman\">{}</p>",
            escape(overview.ombudsman.trim())
        ));
    }
    html.push_str(&format!(
        "<h1 class=\"soort\">{}</h1><p class=\"gemaakt\">Gemaakt op {}</p>",
        escape(&title(&overview.period)),
        dutch_long_date(overview.made_on)
    ));
    html
}

fn intro(overview: &Overview) -> String {
    let who = if overview.ombudsman.trim().is_empty() {
        "de ombudsman".to_string()
    } else {
        overview.ombudsman.trim().to_string()
    };
    format!(
        "<p>Dit overzicht telt de klachten die {} {} heeft ontvangen. Een klacht kan uit meer \
         klachtonderdelen bestaan: oordelen en geschonden normen zijn geteld per \
         klachtonderdeel, instanties en trefwoorden per dossier. Een partner die een taak \
         uitvoert voor een instantie (zoals een wijkteam voor de gemeente) telt mee bij die \
         instantie en staat er ingesprongen onder. Namen van personen zijn vervangen door een \
         aanduiding zoals „verzoeker”.</p><p class=\"uitleg\">Interpretatie: oordelen die nog \
         volgens de oudere behoorlijkheidsvereisten zijn gegeven, tellen mee bij de huidige \
         norm van de Behoorlijkheidswijzer waarin dat vereiste is opgegaan (bijvoorbeeld \
         „motivering” bij „goede motivering”), en staan er ingesprongen onder. Die indeling \
         is een eigen lezing, geen officiële omzetting.</p>",
        escape(&who),
        period_phrase(&overview.period)
    )
}

fn key_figure(number: &str, what: &str) -> String {
    format!(
        "<div class=\"kerncijfer\"><p class=\"kerncijfer-getal\">{}</p><p class=\"kerncijfer-wat\">{}</p></div>",
        escape(number),
        escape(what)
    )
}

fn key_figures(overview: &Overview) -> String {
    let s = &overview.signals;
    let small = total_small(s);
    let f = |value: u32| Figure { value, small };
    let gegrond = gegrond_points(s);
    let gegrond_small = s
        .verdicts
        .iter()
        .any(|v| v.verdict == Verdict::Gegrond && v.small);
    let share = if s.points == 0 {
        "–".to_string()
    } else {
        format!("{}%", (gegrond as f32 * 100.0 / s.points as f32).round())
    };
    let mut html = heading("Kerncijfers", "");
    html.push_str("<div class=\"kerncijfers\">");
    html.push_str(&key_figure(
        &f(s.dossiers.len() as u32).to_string(),
        "dossiers (klachten)",
    ));
    html.push_str(&key_figure(&f(s.points).to_string(), "klachtonderdelen"));
    html.push_str(&key_figure(
        &share,
        &format!(
            "gegrond ({} van {} klachtonderdelen)",
            Figure {
                value: gegrond,
                small: gegrond_small || small
            },
            f(s.points)
        ),
    ));
    html.push_str("</div>");
    let done: Vec<i64> = overview.register.iter().filter_map(weeks).collect();
    let mut facts = vec![format!(
        "{} afgerond, {} nog in behandeling",
        done.len(),
        overview.register.len() - done.len()
    )];
    if !done.is_empty() {
        let mean = done.iter().sum::<i64>() as f32 / done.len() as f32;
        facts.push(format!(
            "gemiddelde doorlooptijd van de afgeronde klachten: {} weken",
            mean.round()
        ));
    }
    html.push_str(&format!(
        "<p>Van deze klachten zijn er {}.</p>",
        escape(&facts.join("; "))
    ));
    html
}

fn counts(all: &[Line], small_below: u32) -> String {
    let mut html = String::new();
    let bodies = of(all, &[Category::Instantie, Category::Partner]);
    html.push_str(&bars::chart(
        &heading(
            "Per instantie",
            "Dossiers per instantie, en hoeveel klachtonderdelen daarin gegrond zijn. Een partner \
             staat onder de instantie waarvoor hij werkt en is daar al meegeteld.",
        ),
        &[DOSSIERS, GEGROND],
        &bars_of(&bodies, |l| vec![l.dossiers, gegrond(l)]),
    ));
    let verdicts = of(all, &[Category::Oordeel]);
    html.push_str(&bars::chart(
        &heading("Per oordeel", "Klachtonderdelen per oordeel."),
        &[POINTS],
        &bars_of(&verdicts, |l| vec![points(l)]),
    ));
    let norms = of(all, &[Category::Norm, Category::OudereNorm]);
    let norm_heading = heading(
        "Per norm die niet behoorlijk is nageleefd",
        "Klachtonderdelen waarop de instantie een behoorlijkheidsnorm niet naleefde; één klachtonderdeel kan meer normen raken.",
    );
    if norms.is_empty() {
        html.push_str(&format!(
            "<div class=\"bijeen\">{norm_heading}<p>Bij geen enkel klachtonderdeel is een norm als niet behoorlijk beoordeeld.</p></div>"
        ));
    } else {
        html.push_str(&bars::chart(
            &norm_heading,
            &[POINTS],
            &bars_of(&norms, |l| vec![points(l)]),
        ));
    }
    html.push_str(&keywords(&of(all, &[Category::Trefwoord])));
    html.push_str(&quarters(&of(all, &[Category::Kwartaal]), small_below));
    html
}

fn keywords(keywords: &[&Line]) -> String {
    let top = heading("Per trefwoord", "Dossiers per trefwoord.");
    if keywords.is_empty() {
        return format!(
            "<div class=\"bijeen\">{top}<p>Bij deze dossiers zijn geen trefwoorden vastgelegd.</p></div>"
        );
    }
    let shown = &keywords[..keywords.len().min(TOP_KEYWORDS)];
    let mut html = bars::chart(&top, &[DOSSIERS], &bars_of(shown, |l| vec![l.dossiers]));
    let more = keywords.len() - shown.len();
    if more > 0 {
        html.push_str(&format!(
            "<p class=\"noot\">En nog {}, elk bij even veel of minder dossiers; de CSV-uitvoer bevat ze alle.</p>",
            counted(more, "ander trefwoord", "andere trefwoorden")
        ));
    }
    html
}

fn quarter_row(cells: [String; 4], class: &str) -> String {
    let mut html = format!(
        "<div class=\"{class}\"><div class=\"kw-naam\">{}</div>",
        cells[0]
    );
    for cell in &cells[1..] {
        html.push_str(&format!("<div class=\"kw-getal\">{cell}</div>"));
    }
    html.push_str("</div>");
    html
}

/// A year of the quarter table: its label, and its quarters' counts summed (`None` without
/// dossiers).
struct Year {
    label: String,
    counts: Option<[Figure; 3]>,
}

/// The quarters summed per year; a dossier falls in one quarter, so the sums count each
/// dossier once. A year the period covers only in part says which quarters: "2011 (vanaf
/// K3)", "2025 (t/m K2)".
fn years(quarters: &[&Line], small_below: u32) -> Vec<Year> {
    let mut out: Vec<(i32, Vec<u32>, [u32; 3])> = Vec::new();
    for q in quarters {
        let Some((year, quarter)) = q
            .code
            .split_once("-K")
            .and_then(|(y, k)| Some((y.parse::<i32>().ok()?, k.parse::<u32>().ok()?)))
        else {
            continue;
        };
        if out.last().map(|y| y.0) != Some(year) {
            out.push((year, Vec::new(), [0; 3]));
        }
        let y = out.last_mut().expect("just pushed");
        y.1.push(quarter);
        for (sum, f) in y.2.iter_mut().zip([q.dossiers, points(q), gegrond(q)]) {
            *sum += f.value;
        }
    }
    out.into_iter()
        .map(|(year, covered, [dossiers, points, gegrond])| {
            let (from, to) = (covered[0], covered[covered.len() - 1]);
            let label = match (from, to) {
                (1, 4) => year.to_string(),
                (1, to) => format!("{year} (t/m K{to})"),
                (from, 4) => format!("{year} (vanaf K{from})"),
                (from, to) => format!("{year} (K{from} t/m K{to})"),
            };
            let small = dossiers < small_below;
            let f = |value| Figure { value, small };
            Year {
                label,
                counts: (dossiers > 0).then(|| [f(dossiers), f(points), f(gegrond)]),
            }
        })
        .collect()
}

/// The table per year: a run of years without dossiers is one row ("2012–2015").
fn year_table(quarters: &[&Line], small_below: u32) -> String {
    let mut table = quarter_row(
        [
            "Jaar".into(),
            "Dossiers".into(),
            "Klachtonderdelen".into(),
            "Gegrond".into(),
        ],
        "kw-kop",
    );
    let all = years(quarters, small_below);
    let mut rest = all.iter().peekable();
    while let Some(year) = rest.next() {
        match year.counts {
            Some([d, p, g]) => table.push_str(&quarter_row(
                [
                    escape(&year.label),
                    d.to_string(),
                    p.to_string(),
                    g.to_string(),
                ],
                "kw-rij",
            )),
            None => {
                let mut until = year;
                while let Some(next) = rest.next_if(|y| y.counts.is_none()) {
                    until = next;
                }
                let label = if std::ptr::eq(until, year) {
                    year.label.clone()
                } else {
                    format!("{}–{}", year.label, until.label)
                };
                table.push_str(&format!(
                    "<div class=\"kw-rij\"><div class=\"kw-naam\">{}</div><div \
                     class=\"kw-leeg\">geen klachten ontvangen</div></div>",
                    escape(&label)
                ));
            }
        }
    }
    table
}

fn quarters(quarters: &[&Line], small_below: u32) -> String {
    let per_year = quarters.len() > trend::QUARTERS_NAMED;
    let explanation = if per_year {
        format!(
            "Dossiers per kwartaal van ontvangst, en de gegronde klachtonderdelen daarin. De \
             periode beslaat {} kwartalen; de tabel telt daarom per jaar (de CSV-uitvoer per \
             kwartaal).",
            quarters.len()
        )
    } else {
        "Dossiers per kwartaal van ontvangst, en de gegronde klachtonderdelen daarin.".into()
    };
    let mut html = format!(
        "<div class=\"bijeen\">{}{}</div>",
        heading("Per kwartaal", &explanation),
        trend::placeholder()
    );
    if per_year {
        html.push_str(&format!(
            "<div class=\"bijeen\">{}</div>",
            year_table(quarters, small_below)
        ));
        return html;
    }
    let mut table = quarter_row(
        [
            "Kwartaal".into(),
            "Dossiers".into(),
            "Klachtonderdelen".into(),
            "Gegrond".into(),
        ],
        "kw-kop",
    );
    for q in quarters {
        table.push_str(&quarter_row(
            [
                escape(&q.name),
                q.dossiers.to_string(),
                points(q).to_string(),
                gegrond(q).to_string(),
            ],
            "kw-rij",
        ));
    }
    html.push_str(&format!("<div class=\"bijeen\">{table}</div>"));
    html
}

fn register_section(overview: &Overview, published: &Published, ledger: &Ledger) -> String {
    let mut html = heading(
        "Registratie van klachten (artikel 9:12a Awb)",
        "Artikel 9:12a Awb vraagt een bestuursorgaan de schriftelijk ingediende klachten te \
         registreren en die registratie jaarlijks te publiceren. Per dossier: kenmerk, datum \
         van ontvangst, instantie, onderwerp, oordeel per klachtonderdeel, de dag van \
         afronding (het eerste definitieve rapport of de rapportbrief) en de doorlooptijd van \
         ontvangst tot afronding in weken.",
    );
    if published.register.is_empty() {
        html.push_str(&format!(
            "<p>Er zijn {} geen klachten geregistreerd.</p>",
            period_phrase(&overview.period)
        ));
    } else {
        html.push_str(&ledger.html());
    }
    html
}

/// The whole document; `ledger` holds the register's rows of `published`.
pub fn html(overview: &Overview, published: &Published, ledger: &Ledger) -> String {
    let mut body = title_block(overview);
    if overview.signals.dossiers.is_empty() {
        body.push_str(&format!(
            "<p class=\"leeg\">Geen klachten ontvangen {}</p><p>Er zijn {} geen klachten \
             ontvangen, dus er zijn geen aantallen, aanbevelingen of oordelen om te tonen.</p>",
            period_phrase(&overview.period),
            period_phrase(&overview.period)
        ));
        body.push_str(&register_section(overview, published, ledger));
    } else {
        body.push_str(&intro(overview));
        body.push_str(&key_figures(overview));
        let note = format!(
            "<p class=\"noot\">{}</p>",
            escape(&small_note(overview.signals.small_below))
        );
        let all = lines(&overview.signals, published);
        let any_small = all.iter().any(|l| l.dossiers.small);
        if any_small {
            body.push_str(&note);
        }
        body.push_str(&counts(&all, overview.signals.small_below));
        if any_small {
            body.push_str(&note);
        }
        body.push_str(&heading("Aanbevelingen en reacties", ""));
        body.push_str(&register::recommendations(
            &published.register,
            &period_phrase(&overview.period),
        ));
        body.push_str(&register_section(overview, published, ledger));
    }
    format!(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta \
         charset=\"utf-8\"><title>{}</title><style>{CSS}{OVERVIEW_CSS}</style></head><body><div \
         class=\"tekst overzicht\">{body}</div></body></html>",
        escape(&format!(
            "Jaaroverzicht klachten {}",
            period_label(&overview.period)
        )),
    )
}
