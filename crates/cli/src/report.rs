//! `wederhoor report`: the newest stored version of a report kind (or, when there is none,
//! the template's draft) rendered to PDF, confidential or public, through the same function
//! as the app's export.

use wederhoor_core::vocab::ReportKind;
use wederhoor_report::export::{render_version, Rendered, StoredText, Version};
use wederhoor_report::public::Allowed;
use wederhoor_store::{allowances, dossier_file, dossiers, reports, Db};

/// Renders the dossier's newest version of `kind`.
pub async fn render_stored(
    db: &Db,
    reference: &str,
    kind: ReportKind,
    public: bool,
) -> Result<Rendered, crate::Failure> {
    let mut conn = db.pool().acquire().await?;
    let row = dossiers::by_reference(&mut conn, reference).await?;
    let allowed = Allowed::new(allowances::allowed(&mut conn, row.id).await?);
    drop(conn);
    let snapshot = dossier_file::snapshot(db, reference).await?;
    let stored = reports::latest(db, row.id, kind).await?;
    let version = if public {
        Version::Public
    } else {
        Version::Confidential
    };
    let text = stored.as_ref().map(|v| StoredText {
        markdown: &v.markdown,
        date: v.date.as_deref(),
    });
    let today = chrono::Local::now().date_naive();
    Ok(
        render_version(&snapshot, kind, text, today, version, &allowed, &mut |_| {})
            .map_err(|e| e.to_string())?,
    )
}
