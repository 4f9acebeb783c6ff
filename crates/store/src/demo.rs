//! The demo dossier shipped with the app: an invented case told in our own words (a mother
//! without a postal address after a house fire), loaded on first start and by `wederhoor demo`.

use crate::error::Result;
use crate::{dossier_file, dossiers, Actor, Db};
use wederhoor_core::file::DossierFile;

/// The demo dossier file.
pub const DEMO_JSON: &str = include_str!("../demo/2019-0117-geen-postadres.json");

/// The demo dossier, parsed.
pub fn demo_file() -> DossierFile {
    DossierFile::parse(DEMO_JSON).expect("the shipped demo dossier is valid (tested)")
}

/// Adds the demo dossier unless a dossier with its reference exists; returns its reference.
pub async fn ensure_demo(db: &Db, actor: &Actor) -> Result<String> {
    let file = demo_file();
    let mut conn = db.pool().acquire().await?;
    if dossiers::exists(&mut conn, &file.dossier.reference).await? {
        return Ok(file.dossier.reference);
    }
    drop(conn);
    Ok(dossier_file::import(db, &file, actor).await?.reference)
}

/// On the first start of an empty library, adds the demo dossier. Returns whether it did.
pub async fn load_if_empty(db: &Db, actor: &Actor) -> Result<bool> {
    if dossiers::count(db.pool()).await? > 0 {
        return Ok(false);
    }
    ensure_demo(db, actor).await?;
    Ok(true)
}
