//! The rapport export benchmark: a generated rapport of about 30 pages rendered to PDF by
//! Wederhoor's pipeline, beside headless Chromium printing the same HTML and LibreOffice
//! converting it, in the same run on the same file.

use super::{median, RUNS};
use crate::Failure;
use chrono::NaiveDate;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wederhoor_core::vocab::ReportKind;
use wederhoor_report::draft::draft;
use wederhoor_report::export::{export, prepare, Prepared, Version};
use wederhoor_store::demo;

/// What the rapport benchmark measured.
pub struct RapportFigures {
    /// Pages of the generated rapport.
    pub pages: usize,
    /// Parsing the fonts, once per process before the first export.
    pub fonts: Duration,
    /// Median of the following confidential exports.
    pub warm: Duration,
    /// Median of public exports (pseudonyms and the read-back name check included).
    pub public: Duration,
    /// Headless Chromium printing the same HTML, if installed.
    pub chromium: Option<Duration>,
    /// LibreOffice converting the same HTML, if installed.
    pub libreoffice: Option<Duration>,
}

const TARGET_PAGES: usize = 30;

/// The demo dossier's rapport draft, lengthened with findings per contact until it fills
/// about 30 pages: headings, paragraphs with Dutch diacritics, lists, quotes and tables.
fn long_markdown(extra: usize) -> String {
    let mut text = draft(&demo::demo_file(), ReportKind::Rapport);
    text.push_str("\n## Bijlage: overwegingen per contact\n");
    for i in 0..extra {
        let _ = write!(
            text,
            "\n### Contact {n}\n\nOp {day} oktober 2018 meldde verzoekster zich bij het Klantcontactcentrum. Zij vroeg opnieuw naar een postadres en naar de coördinatie tussen de afdelingen; de medewerker verwees haar naar het WIJ-team. Volgens de registratie is het gesprek als „algemene vraag” vastgelegd, zonder de inhoud die verzoekster noemt. De ombudsman weegt mee dat een naïeve registratie van het contact niet volstaat als de inwoner in nood is, en dat de gemeente hierover € 0,00 aan kosten hoeft te maken om het beter te doen.\n\n- Kanaal: telefoon\n- Onderwerp: postadres\n- Vervolgactie: geen vastgelegd\n\n> Ik heb het telkens opnieuw moeten uitleggen; niemand wist wat ik de vorige keer had gezegd.\n",
            n = i + 1,
            day = 1 + i % 28
        );
        if i % 4 == 3 {
            text.push_str("\n| Datum | Kanaal | Vastgelegd |\n|---|---|---|\n| 2 oktober 2018 | telefoon | ja |\n| 9 oktober 2018 | balie | nee |\n| 16 oktober 2018 | e-mail | ja |\n");
        }
    }
    text
}

fn prepared(extra: usize, version: Version) -> Prepared {
    let dossier = demo::demo_file();
    let day = NaiveDate::from_ymd_opt(2019, 7, 15).expect("a real day");
    prepare(
        &dossier,
        ReportKind::Rapport,
        &long_markdown(extra),
        day,
        version,
        &wederhoor_report::public::Allowed::default(),
    )
}

fn time_export(p: &Prepared) -> Result<(Duration, usize), Failure> {
    let start = Instant::now();
    let out = export(p).map_err(|e| e.to_string())?;
    Ok((start.elapsed(), out.pages))
}

/// Finds how many extra sections make the rapport about 30 pages (not timed).
fn calibrate() -> Result<usize, Failure> {
    let mut extra = 60;
    for _ in 0..6 {
        let (_, pages) = time_export(&prepared(extra, Version::Confidential))?;
        if (TARGET_PAGES..=TARGET_PAGES + 1).contains(&pages) {
            break;
        }
        let next = (extra * TARGET_PAGES / pages.max(1)).max(1);
        extra = if next == extra { extra + 1 } else { next };
    }
    Ok(extra)
}

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn timed_runs(mut run: impl FnMut(usize) -> Result<(), Failure>) -> Result<Duration, Failure> {
    let mut times = Vec::new();
    for i in 0..RUNS {
        let start = Instant::now();
        run(i)?;
        times.push(start.elapsed());
    }
    Ok(median(times))
}

fn chromium(dir: &Path, html: &Path) -> Result<Option<Duration>, Failure> {
    let Some(program) = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|p| installed(p))
    else {
        return Ok(None);
    };
    timed_runs(|i| {
        let out = dir.join(format!("chromium-{i}.pdf"));
        let status = Command::new(program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .args([
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.join(format!("chromium-profile-{i}")).display()
            ))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(html)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        if !status.success() || !out.exists() {
            return Err("chromium maakte geen PDF".into());
        }
        Ok(())
    })
    .map(Some)
}

fn libreoffice(dir: &Path, html: &Path) -> Result<Option<Duration>, Failure> {
    let Some(program) = ["soffice", "libreoffice"]
        .into_iter()
        .find(|p| installed(p))
    else {
        return Ok(None);
    };
    timed_runs(|i| {
        let out = dir.join(format!("lo-{i}"));
        let status = Command::new(program)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.join(format!("lo-profile-{i}")).display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&out)
            .arg(html)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        if !status.success() || !out.join("rapport.pdf").exists() {
            return Err("LibreOffice maakte geen PDF".into());
        }
        Ok(())
    })
    .map(Some)
}

/// Runs the rapport benchmark in `dir`.
pub fn run(dir: &Path) -> Result<RapportFigures, Failure> {
    // The first export of a process also parses the fonts: that cost is measured on its own.
    let start = Instant::now();
    wederhoor_report::pdf::load_fonts();
    let fonts = start.elapsed();
    let extra = calibrate()?;
    let confidential = prepared(extra, Version::Confidential);
    let mut warm = Vec::new();
    let mut pages = 0;
    for _ in 0..RUNS {
        let (time, n) = time_export(&confidential)?;
        warm.push(time);
        pages = n;
    }
    let public = prepared(extra, Version::Public);
    let mut public_runs = Vec::new();
    for _ in 0..RUNS {
        public_runs.push(time_export(&public)?.0);
    }
    let html = dir.join("rapport.html");
    std::fs::write(&html, &confidential.html)?;
    eprintln!("  dezelfde HTML met Chromium ({RUNS}x)…");
    let chromium = chromium(dir, &html)?;
    eprintln!("  dezelfde HTML met LibreOffice ({RUNS}x)…");
    let libreoffice = libreoffice(dir, &html)?;
    Ok(RapportFigures {
        pages,
        fonts,
        warm: median(warm),
        public: median(public_runs),
        chromium,
        libreoffice,
    })
}
