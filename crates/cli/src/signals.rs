//! `wederhoor signals`: the counts across dossiers in Dutch for people, as the JSON object of
//! INTERFACES.md §2 for scripts, as CSV for the council's own analysis and as the yearly
//! overview PDF for the council (`-o`).

use crate::Failure;
use std::fmt::Write as _;
use std::path::Path;
use wederhoor_core::dates::dutch_long_date;
use wederhoor_core::signals::InterfaceSignals;
use wederhoor_core::wire::{SignalPeriod, Signals};
use wederhoor_report::overview::{self, Overview};
use wederhoor_store::{audit, signals, Actor, Db};

/// What `signals` was asked for.
pub struct Request<'a> {
    /// Only the dossiers received in this year.
    pub year: Option<i32>,
    /// Print the JSON object instead of the Dutch table.
    pub json: bool,
    /// Also write the counts as CSV here.
    pub csv: Option<&'a Path>,
    /// Also write the yearly overview PDF here.
    pub pdf: Option<&'a Path>,
    /// The day the overview is made.
    pub today: chrono::NaiveDate,
}

/// Runs `signals`: returns what goes to stdout, and writes the files asked for (each on
/// record in the audit log, because counts and texts left the database).
pub async fn run(db: &Db, actor: &Actor, request: &Request<'_>) -> Result<String, Failure> {
    let period = request.year.map(SignalPeriod::year).unwrap_or_default();
    let counted = signals::signals(db, &period).await?;
    let mut out = if request.json {
        let value = InterfaceSignals::from(&counted);
        format!("{}\n", serde_json::to_string_pretty(&value)?)
    } else {
        text(&counted, request.year)
    };
    if request.csv.is_none() && request.pdf.is_none() {
        return Ok(out);
    }
    let overview = Overview {
        ombudsman: signals::ombudsman(db, &counted).await?,
        period: period.clone(),
        made_on: request.today,
        register: signals::register(db, &counted).await?,
        signals: counted,
    };
    let mut written = Vec::new();
    if let Some(path) = request.csv {
        let csv = overview::csv(&overview);
        crate::write_atomically(path, csv.as_bytes())?;
        record(db, actor, "export.signals_csv", path, csv.len(), &period).await?;
        written.push(format!("Telling (CSV) geschreven: {}", path.display()));
    }
    if let Some(path) = request.pdf {
        let (pdf, pages) = overview::export(&overview)?;
        crate::write_atomically(path, &pdf)?;
        record(db, actor, "export.signals_pdf", path, pdf.len(), &period).await?;
        written.push(format!(
            "Jaaroverzicht geschreven: {} ({pages} {}, {} bytes)",
            path.display(),
            if pages == 1 { "pagina" } else { "pagina's" },
            pdf.len()
        ));
    }
    for line in written {
        if request.json {
            // Stdout holds the JSON object alone, for scripts.
            eprintln!("{line}");
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(out)
}

async fn record(
    db: &Db,
    actor: &Actor,
    action: &str,
    path: &Path,
    bytes: usize,
    period: &SignalPeriod,
) -> Result<(), Failure> {
    let detail = serde_json::json!({
        "to": path.display().to_string(),
        "bytes": bytes,
        "from": period.from,
        "until": period.to,
    });
    audit::record(db, actor, action, None, &detail).await?;
    Ok(())
}

/// The counts as a Dutch text table.
pub fn text(s: &Signals, year: Option<i32>) -> String {
    let mut out = String::new();
    let scope = year.map_or("alle jaren".to_string(), |y| format!("ontvangen in {y}"));
    let _ = writeln!(
        out,
        "Signalen over {} ({scope}), {}",
        dossiers_words(s.dossiers.len()),
        points_words(s.points)
    );
    if s.dossiers.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\nOordeel per klachtonderdeel");
    for v in &s.verdicts {
        let _ = writeln!(out, "  {:<22} {:>6}", v.verdict.label_nl(), v.points);
    }
    let _ = writeln!(
        out,
        "\nInstanties (per dossier; partners onder de instantie waarvoor zij werken)"
    );
    for b in &s.bodies {
        let _ = writeln!(
            out,
            "  {:<40} {:>6} dossiers, {} gegrond",
            b.name,
            b.dossiers.len(),
            b.points_gegrond
        );
        for p in &b.partners {
            let _ = writeln!(
                out,
                "    {:<38} {:>6} dossiers, {} gegrond",
                p.name,
                p.dossiers.len(),
                p.points_gegrond
            );
        }
    }
    let _ = writeln!(
        out,
        "\nNormen niet behoorlijk (per klachtonderdeel; oudere normen onder de huidige)"
    );
    if s.norms.is_empty() {
        let _ = writeln!(out, "  geen");
    }
    for n in &s.norms {
        let _ = writeln!(out, "  {:<40} {:>6}", n.name, n.points);
        for old in &n.older {
            let _ = writeln!(out, "    {:<38} {:>6}", old.name, old.points);
        }
    }
    let _ = writeln!(out, "\nTrefwoorden (per dossier)");
    for k in &s.keywords {
        let _ = writeln!(out, "  {:<40} {:>6}", k.keyword, k.dossiers.len());
    }
    let _ = writeln!(out, "\nPer kwartaal (ontvangen)");
    for q in &s.quarters {
        let _ = writeln!(
            out,
            "  {} K{}  {:>6} dossiers, {} gegrond",
            q.year,
            q.quarter,
            q.dossiers.len(),
            q.points_gegrond
        );
    }
    if let (Some(from), Some(to)) = (&s.period.from, &s.period.to) {
        let day = |d: &str| {
            d.parse()
                .map(dutch_long_date)
                .unwrap_or_else(|_| d.to_string())
        };
        let _ = writeln!(out, "\nPeriode: {} tot en met {}", day(from), day(to));
    }
    out
}

fn dossiers_words(n: usize) -> String {
    if n == 1 {
        "1 dossier".into()
    } else {
        format!("{n} dossiers")
    }
}

fn points_words(n: u32) -> String {
    if n == 1 {
        "1 klachtonderdeel".into()
    } else {
        format!("{n} klachtonderdelen")
    }
}
