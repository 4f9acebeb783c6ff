//! `wederhoor report`: the newest stored version of a report kind (or, when there is none,
//! the template's draft) rendered to PDF, confidential or public.

use chrono::NaiveDate;
use wederhoor_core::dates::parse_iso_day;
use wederhoor_core::vocab::ReportKind;
use wederhoor_report::draft::draft;
use wederhoor_report::export::{export, prepare, Exported, Version};
use wederhoor_store::{dossier_file, dossiers, reports, Db};

/// A rendered report and where its text came from.
pub struct Rendered {
    /// The PDF and the redaction log.
    pub exported: Exported,
    /// Whether no version was stored and the template's draft was rendered.
    pub from_template: bool,
}

/// Renders the dossier's newest version of `kind`.
pub async fn render_stored(
    db: &Db,
    reference: &str,
    kind: ReportKind,
    public: bool,
) -> Result<Rendered, crate::Failure> {
    let row = dossiers::by_reference(db.pool(), reference).await?;
    let snapshot = dossier_file::snapshot(db, reference).await?;
    let stored = reports::latest(db, row.id, kind).await?;
    let today = chrono::Local::now().date_naive();
    let (markdown, date, from_template) = match stored {
        Some(version) => {
            let date: NaiveDate = match version.date.as_deref() {
                Some(day) => parse_iso_day(day).map_err(|e| e.to_string())?,
                None => today,
            };
            (version.markdown, date, false)
        }
        None => (draft(&snapshot, kind), today, true),
    };
    let version = if public {
        Version::Public
    } else {
        Version::Confidential
    };
    let prepared = prepare(&snapshot, kind, &markdown, date, version);
    let exported = export(&prepared).map_err(|e| e.to_string())?;
    Ok(Rendered {
        exported,
        from_template,
    })
}
