//! The quarter trend as a vector line chart. The HTML holds a placeholder box of one unique
//! background colour ([`placeholder`]); after layout, the filled rectangle of that colour is
//! found among the page's operations and replaced by the chart drawn into its bounds: grid and
//! axis labels, the dossiers per quarter as a solid line with round points and their numbers,
//! the gegronde klachtonderdelen as a dashed line with square points. Line style and marker
//! tell the two apart in greyscale as well as in colour.
//!
//! A period of all years may run to sixty quarters and more, so nothing is written where it
//! has no room: a point gets its number only when it is not zero and the number, above the
//! point or else below it, touches no other number, marker or line (the highest points
//! first); the axis names every quarter only when there are at most [`QUARTERS_NAMED`] and
//! their names fit, else the first and last quarter and the years between, every year or
//! every second, fifth, tenth… ([`x_labels`]).

use crate::overview::drawing::{
    fill, marker_css, point, rgb, stroke, text, text_width, Bounds, Mark,
};
use crate::overview::figures::{quarter_label, Figure};
use crate::pdf::PageFont;
use printpdf::{LineDashPattern, Op, Pt};
use wederhoor_core::wire::QuarterCell;

/// The red channel of the chart's placeholder box: used by nothing else in the overview.
pub const MARK: u8 = 0xfe;
const DOSSIERS: (f32, f32, f32) = (0.169, 0.298, 0.494);
const GEGROND: (f32, f32, f32) = (0.69, 0.49, 0.1);
const GRID: (f32, f32, f32) = (0.8, 0.8, 0.8);
const INK: (f32, f32, f32) = (0.25, 0.25, 0.25);
/// Up to this many quarters the axis names each ("K1 2025"); a longer run is named by year.
pub(crate) const QUARTERS_NAMED: usize = 12;
/// The least room between two texts on the chart, in pt.
const GAP: f32 = 5.0;
/// The size of the chart's texts, in pt.
const SIZE: f32 = 8.0;

/// The chart's box in the HTML, where the layout puts it.
pub fn placeholder() -> String {
    format!(
        "<div class=\"trend\" style=\"{}\">&#160;</div>",
        marker_css(MARK, 0)
    )
}

/// The series to draw, one point per quarter.
pub struct Trend {
    /// Year and quarter of each point.
    quarters: Vec<(i32, u32)>,
    dossiers: Vec<Figure>,
    gegrond: Vec<Figure>,
}

/// A round number at or above `max` to end the value axis at, and the step between its
/// grid lines (1, 2 or 5 times a power of ten, at most five steps).
pub(crate) fn axis(max: u32) -> (u32, u32) {
    let max = max.max(1);
    let mut power = 1u32;
    loop {
        for step in [power, 2 * power, 5 * power] {
            let top = max.div_ceil(step) * step;
            if top / step <= 5 {
                return (top, step);
            }
        }
        power = power.saturating_mul(10);
    }
}

/// The labels under the x-axis of these quarters (year, quarter): which quarter each stands
/// under and what it says. Neighbouring quarters stand `step` pt apart; `width` measures a
/// label, centred under its quarter. Up to [`QUARTERS_NAMED`] quarters each gets its own name
/// if they all fit; else the first and last quarter are named ("K3 2011", "K4 2025") and
/// between them the years at their first quarter ("2012"), every year or, where those would
/// touch, every second, fifth, tenth… year. A year too close to the first or last label is
/// left out; no two labels ever overlap.
pub(crate) fn x_labels(
    quarters: &[(i32, u32)],
    step: f32,
    width: impl Fn(&str) -> f32,
) -> Vec<(usize, String)> {
    let n = quarters.len();
    let named = |i: usize| (i, quarter_label(quarters[i].0, quarters[i].1));
    let apart = |a: &(usize, String), b: &(usize, String)| {
        a.0.abs_diff(b.0) as f32 * step >= (width(&a.1) + width(&b.1)) / 2.0 + GAP
    };
    let fits = |labels: &[(usize, String)]| labels.windows(2).all(|w| apart(&w[0], &w[1]));
    if n <= QUARTERS_NAMED {
        let all: Vec<_> = (0..n).map(named).collect();
        if fits(&all) {
            return all;
        }
    }
    let (first, last) = (named(0), named(n - 1));
    let years: Vec<(usize, String)> = (1..n - 1)
        .filter(|&i| quarters[i].1 == 1)
        .map(|i| (i, quarters[i].0.to_string()))
        .collect();
    let mut every = 1;
    let between = loop {
        let kept: Vec<_> = years
            .iter()
            .filter(|(i, _)| quarters[*i].0.rem_euclid(every) == 0)
            .cloned()
            .collect();
        if kept.len() <= 1 || fits(&kept) {
            break kept;
        }
        every = next_step(every);
    };
    let mut out = vec![first.clone()];
    out.extend(
        between
            .into_iter()
            .filter(|y| apart(&first, y) && apart(y, &last)),
    );
    if apart(out.last().unwrap_or(&first), &last) {
        out.push(last);
    }
    out
}

/// The step after `every` in 1, 2, 5, 10, 20, 50…
fn next_step(every: i32) -> i32 {
    let power = 10i32.pow(every.ilog10());
    match every / power {
        1 => 2 * power,
        2 => 5 * power,
        _ => 10 * power,
    }
}

/// A text's box on the chart: left, bottom, right, top.
type Room = (f32, f32, f32, f32);

fn overlaps(a: Room, b: Room) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Whether the straight line from `a` to `b` passes through a box (tried at close steps).
fn crosses((a, b): ((f32, f32), (f32, f32)), room: Room) -> bool {
    const STEPS: usize = 24;
    (0..=STEPS).any(|k| {
        let t = k as f32 / STEPS as f32;
        let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        room.0 <= x && x <= room.2 && room.1 <= y && y <= room.3
    })
}

fn label(font: &PageFont<'_>, size: f32, at: (f32, f32), anchor: f32, s: &str) -> Vec<Op> {
    text(font, size, INK, at, anchor, s)
}

fn circle(x: f32, y: f32, r: f32) -> Op {
    fill(
        (0..12)
            .map(|i| {
                let a = i as f32 * std::f32::consts::TAU / 12.0;
                point(x + r * a.cos(), y + r * a.sin())
            })
            .collect(),
    )
}

fn square(x: f32, y: f32, r: f32) -> Op {
    fill(vec![
        point(x - r, y - r),
        point(x + r, y - r),
        point(x + r, y + r),
        point(x - r, y + r),
    ])
}

impl Trend {
    /// The trend of these quarters (in order, none left out).
    pub fn new(quarters: &[QuarterCell]) -> Self {
        let figure = |value: u32, q: &QuarterCell| Figure {
            value,
            small: q.small,
        };
        Trend {
            quarters: quarters.iter().map(|q| (q.year, q.quarter)).collect(),
            dossiers: quarters
                .iter()
                .map(|q| figure(q.dossiers.len() as u32, q))
                .collect(),
            gegrond: quarters
                .iter()
                .map(|q| figure(q.points_gegrond, q))
                .collect(),
        }
    }

    /// The chart drawn into its placeholder's bounds.
    pub fn draw(&self, mark: Mark, font: &PageFont<'_>) -> Vec<Op> {
        let Bounds {
            left,
            bottom,
            right,
            top,
        } = mark.bounds;
        let mut ops = vec![Op::SaveGraphicsState];
        let n = self.quarters.len();
        if n == 0 {
            ops.push(Op::RestoreGraphicsState);
            return ops;
        }
        let (plot_l, plot_r) = (left + 30.0, right - 10.0);
        let (plot_b, plot_t) = (bottom + 20.0, top - 26.0);
        let highest = self.dossiers.iter().chain(&self.gegrond).map(|f| f.value);
        let (axis_top, step) = axis(highest.max().unwrap_or(0));
        let y_of = |v: u32| plot_b + (plot_t - plot_b) * v as f32 / axis_top as f32;
        let inset = if n == 1 { 0.0 } else { 14.0 };
        let x_of = |i: usize| {
            if n == 1 {
                (plot_l + plot_r) / 2.0
            } else {
                plot_l + inset + (plot_r - plot_l - 2.0 * inset) * i as f32 / (n - 1) as f32
            }
        };
        // Grid and value axis.
        ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
        ops.push(Op::SetOutlineColor { col: rgb(GRID) });
        let mut v = 0;
        while v <= axis_top {
            let y = y_of(v);
            ops.push(stroke(vec![point(plot_l, y), point(plot_r, y)]));
            ops.extend(label(
                font,
                8.0,
                (plot_l - 5.0, y - 2.8),
                1.0,
                &v.to_string(),
            ));
            v += step;
        }
        // Quarter labels, each under a short tick.
        let spacing = if n == 1 {
            plot_r - plot_l
        } else {
            x_of(1) - x_of(0)
        };
        let width = |s: &str| text_width(font.parsed, SIZE, s);
        ops.push(Op::SetOutlineColor { col: rgb(INK) });
        for (i, name) in x_labels(&self.quarters, spacing, width) {
            ops.push(stroke(vec![
                point(x_of(i), plot_b),
                point(x_of(i), plot_b - 3.0),
            ]));
            ops.extend(label(font, SIZE, (x_of(i), bottom + 6.0), 0.5, &name));
        }
        // Markers as large as the room between the quarters allows.
        let radius = (spacing * 0.3).clamp(1.2, 2.6);
        // Gegrond first, so the dossiers' line lies on top where they meet.
        ops.push(Op::SetOutlineColor { col: rgb(GEGROND) });
        ops.push(Op::SetOutlineThickness { pt: Pt(1.2) });
        ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::new(0.0, &[3.5, 2.0]),
        });
        let line = |series: &[Figure]| {
            let pts = series.iter().enumerate();
            stroke(pts.map(|(i, f)| point(x_of(i), y_of(f.value))).collect())
        };
        if n > 1 {
            ops.push(line(&self.gegrond));
        }
        ops.push(Op::SetFillColor { col: rgb(GEGROND) });
        for (i, f) in self.gegrond.iter().enumerate() {
            ops.push(square(x_of(i), y_of(f.value), radius * 0.77));
        }
        ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::solid(),
        });
        ops.push(Op::SetOutlineColor { col: rgb(DOSSIERS) });
        ops.push(Op::SetOutlineThickness { pt: Pt(1.6) });
        if n > 1 {
            ops.push(line(&self.dossiers));
        }
        ops.push(Op::SetFillColor { col: rgb(DOSSIERS) });
        for (i, f) in self.dossiers.iter().enumerate() {
            ops.push(circle(x_of(i), y_of(f.value), radius));
        }
        // The numbers: not for zero (the axis says it), the highest first, above the point or
        // else below it, never over another number, a marker, a line, the legend or the axis.
        let legend_y = top - 10.0;
        let mut taken: Vec<Room> = vec![
            (
                plot_l,
                legend_y - 2.0,
                plot_l + self.legend_width(font),
                legend_y + 8.0,
            ),
            (left, bottom, right, plot_b),
        ];
        let mut paths = Vec::new();
        for series in [&self.dossiers, &self.gegrond] {
            let at: Vec<(f32, f32)> = (0..n).map(|i| (x_of(i), y_of(series[i].value))).collect();
            let marker = |&(x, y): &(f32, f32)| (x - radius, y - radius, x + radius, y + radius);
            taken.extend(at.iter().map(marker));
            paths.extend(at.windows(2).map(|w| (w[0], w[1])));
        }
        let mut order: Vec<usize> = (0..n).filter(|&i| self.dossiers[i].value > 0).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(self.dossiers[i].value), i));
        for i in order {
            let (x, y) = (x_of(i), y_of(self.dossiers[i].value));
            let text = self.dossiers[i].to_string();
            let half = width(&text) / 2.0 + 1.0;
            let free = |room: Room| {
                !taken.iter().any(|t| overlaps(*t, room))
                    && !paths.iter().any(|p| crosses(*p, room))
            };
            let place = [y + 5.0, y - 5.0 - SIZE * 0.75]
                .into_iter()
                .map(|base| (base, (x - half, base - 1.0, x + half, base + SIZE * 0.75)))
                .find(|(_, room)| free(*room));
            if let Some((base, room)) = place {
                taken.push(room);
                ops.extend(label(font, SIZE, (x, base), 0.5, &text));
            }
        }
        ops.extend(self.legend(font, plot_l, legend_y));
        ops.push(Op::RestoreGraphicsState);
        ops
    }

    /// How wide the legend is, from its first sample to the end of its last name.
    fn legend_width(&self, font: &PageFont<'_>) -> f32 {
        let words = |s: &str| text_width(font.parsed, 8.5, s);
        23.0 + words("dossiers") + 16.0 + 23.0 + words("gegronde klachtonderdelen")
    }

    /// The legend above the plot: a sample of each line with its marker and name.
    fn legend(&self, font: &PageFont<'_>, x: f32, y: f32) -> Vec<Op> {
        let mut ops = vec![
            Op::SetOutlineColor { col: rgb(DOSSIERS) },
            Op::SetOutlineThickness { pt: Pt(1.6) },
            stroke(vec![point(x, y + 3.0), point(x + 18.0, y + 3.0)]),
            Op::SetFillColor { col: rgb(DOSSIERS) },
            circle(x + 9.0, y + 3.0, 2.6),
        ];
        ops.extend(label(font, 8.5, (x + 23.0, y), 0.0, "dossiers"));
        let x2 = x + 23.0 + text_width(font.parsed, 8.5, "dossiers") + 16.0;
        ops.extend([
            Op::SetOutlineColor { col: rgb(GEGROND) },
            Op::SetOutlineThickness { pt: Pt(1.2) },
            Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &[3.5, 2.0]),
            },
            stroke(vec![point(x2, y + 3.0), point(x2 + 18.0, y + 3.0)]),
            Op::SetLineDashPattern {
                dash: LineDashPattern::solid(),
            },
            Op::SetFillColor { col: rgb(GEGROND) },
            square(x2 + 9.0, y + 3.0, 2.0),
        ]);
        ops.extend(label(
            font,
            8.5,
            (x2 + 23.0, y),
            0.0,
            "gegronde klachtonderdelen",
        ));
        ops
    }
}
