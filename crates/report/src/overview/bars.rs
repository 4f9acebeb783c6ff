//! Horizontal bar charts as HTML the layout engine turns into filled rectangles (vector, no
//! image): one row per label, a bar per series in proportion to the chart's largest value, and
//! the number (with its small-cell mark) right beside each bar. Rows are flex boxes, so a long
//! label wraps in its own column and never pushes the bars past the margin.

use crate::html::escape;
use crate::overview::figures::Figure;

/// The widest bar, as a share of the bar column: the rest is room for the number beside it.
const WIDEST_PERCENT: f32 = 80.0;

/// Charts of at most this many rows are kept on one page.
const KEPT_TOGETHER: usize = 16;

/// One series of a chart: its legend text and the CSS class that colours its bars.
#[derive(Debug, Clone, Copy)]
pub struct Series {
    /// What it counts, for the legend: "dossiers".
    pub name: &'static str,
    /// The bar's class: `balk-a` (dark) or `balk-b` (light), told apart in greyscale too.
    pub class: &'static str,
}

/// Dossiers, drawn dark.
pub const DOSSIERS: Series = Series {
    name: "dossiers",
    class: "balk-a",
};

/// Klachtonderdelen, drawn dark.
pub const POINTS: Series = Series {
    name: "klachtonderdelen",
    class: "balk-a",
};

/// Gegronde klachtonderdelen, drawn light.
pub const GEGROND: Series = Series {
    name: "gegronde klachtonderdelen",
    class: "balk-b",
};

/// One row of a chart.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Its label, as published.
    pub label: String,
    /// Whether it stands beneath the row above (a partner, an older norm): indented, and
    /// read as "waarvan".
    pub beneath: bool,
    /// One figure per series.
    pub figures: Vec<Figure>,
}

fn legend(series: &[Series]) -> String {
    if series.len() < 2 {
        return String::new();
    }
    let items: Vec<String> = series
        .iter()
        .map(|s| {
            format!(
                "<span class=\"monster {}\"></span> {}",
                s.class,
                escape(s.name)
            )
        })
        .collect();
    format!(
        "<p class=\"legenda\">{}</p>",
        items.join("&#160;&#160;&#160;")
    )
}

fn row(bar: &Bar, series: &[Series], widest: u32) -> String {
    let mut html = format!(
        "<div class=\"staaf{}\"><div class=\"staaf-naam\">{}{}</div><div class=\"staaf-vak\">",
        if bar.beneath { " onder" } else { "" },
        if bar.beneath { "waarvan " } else { "" },
        escape(&bar.label)
    );
    for (figure, s) in bar.figures.iter().zip(series) {
        let percent = if widest == 0 {
            0.0
        } else {
            figure.value as f32 / widest as f32 * WIDEST_PERCENT
        };
        html.push_str("<div class=\"staaf-lijn\">");
        if figure.value > 0 {
            html.push_str(&format!(
                "<div class=\"balk {}\" style=\"width: {percent:.2}%;\"></div>",
                s.class
            ));
        }
        html.push_str(&format!("<div class=\"getal\">{figure}</div></div>"));
    }
    html.push_str("</div></div>");
    html
}

/// The chart under its heading. A chart of up to [`KEPT_TOGETHER`] rows stays on one page; a
/// longer one keeps its heading, legend and first row together and flows on.
pub fn chart(heading: &str, series: &[Series], bars: &[Bar]) -> String {
    let widest = bars
        .iter()
        .flat_map(|b| b.figures.iter().map(|f| f.value))
        .max()
        .unwrap_or(0);
    let mut rows = bars.iter().map(|b| row(b, series, widest));
    let together = if bars.len() <= KEPT_TOGETHER {
        rows.by_ref().collect::<String>()
    } else {
        rows.next().unwrap_or_default()
    };
    let mut html = format!(
        "<div class=\"bijeen\">{heading}{}{together}</div>",
        legend(series)
    );
    html.extend(rows);
    html
}
