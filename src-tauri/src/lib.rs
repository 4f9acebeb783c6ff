//! The Wederhoor desktop shell: opens the store, loads the demo dossier into an empty library,
//! and exposes thin commands (`commands/<area>.rs`) to the Svelte UI. No domain logic lives here.

mod clock;
mod commands;
mod error;
mod state;

use state::AppState;
use wederhoor_store::cipher::{self, Passphrase};
use wederhoor_store::{demo, paths, search, Actor, Db};

/// Opens the database (`$WEDERHOOR_DB` or the user's data directory) and starts the window.
/// An encrypted database opens with `$WEDERHOOR_PASSPHRASE` when it is set; else the window
/// starts locked and asks for the passphrase (`security::unlock`).
pub fn run() {
    let db_path = paths::resolve_db_path(None);
    let actor = Actor::from_env();
    let key = match Passphrase::from_file_or_env(None) {
        Ok(key) => key,
        Err(err) => {
            eprintln!("Wederhoor kan niet starten: {err}");
            std::process::exit(1);
        }
    };
    // A passphrase in the environment for a plain database would lock the user out (no
    // passphrase opens a plain file): it is left unused, and said so.
    let key = key.filter(|_| {
        let plain = cipher::is_plain(&db_path);
        if plain {
            eprintln!("Wederhoor: de database is niet versleuteld; de wachtwoordzin uit de omgeving wordt niet gebruikt.");
        }
        !plain
    });
    let db = if cipher::is_encrypted(&db_path) && key.is_none() {
        None
    } else {
        match tauri::async_runtime::block_on(open(&db_path, key.as_ref(), &actor)) {
            Ok(db) => Some(db),
            // A wrong passphrase in the environment: the window asks for the right one.
            Err(wederhoor_store::Error::Locked(_)) => None,
            Err(err) => {
                eprintln!("Wederhoor kan niet starten: {err}");
                std::process::exit(1);
            }
        }
    };
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup({
            let db = db.clone();
            let db_path = db_path.clone();
            move |_| {
                if let Some(db) = db {
                    started(db, &db_path);
                }
                Ok(())
            }
        })
        .manage(AppState::new(db, db_path, actor))
        .invoke_handler(tauri::generate_handler![
            commands::dossiers::dossier_list,
            commands::dossiers::dossier_create,
            commands::dossiers::dossier_overview,
            commands::dossiers::dossier_import,
            commands::edits::dossier_update,
            commands::edits::dossier_set_status,
            commands::edits::party_save,
            commands::edits::party_suggest,
            commands::edits::party_remove,
            commands::edits::point_save,
            commands::edits::point_move,
            commands::edits::point_remove,
            commands::edits::statement_get,
            commands::edits::statement_update,
            commands::edits::statement_remove,
            commands::edits::source_add_typed,
            commands::edits::source_update,
            commands::edits::source_remove,
            commands::edits::reaction_save,
            commands::edits::reaction_remove,
            commands::edits::undo_state,
            commands::edits::undo,
            commands::edits::redo,
            commands::sources::source_list,
            commands::sources::source_detail,
            commands::sources::source_add,
            commands::sources::source_unlock,
            commands::sources::source_set_text,
            commands::sources::dossier_search,
            commands::library::library_search,
            commands::register::register_preview,
            commands::register::register_import,
            commands::statements::statement_create,
            commands::statements::side_by_side,
            commands::conflicts::conflict_create,
            commands::conflicts::conflict_list,
            commands::conflicts::conflict_update,
            commands::conflicts::suggestion_list,
            commands::conflicts::suggestion_dismiss,
            commands::conflicts::conflict_missing_record_finding,
            commands::conflicts::norm_list,
            commands::assessment::assessment_view,
            commands::assessment::assessment_save_point,
            commands::assessment::recommendation_save,
            commands::assessment::recommendation_delete,
            commands::reports::report_versions,
            commands::reports::report_draft,
            commands::reports::report_copy,
            commands::reports::report_save,
            commands::reports::report_finalise,
            commands::reports::report_preview,
            commands::reports::report_export_pdf,
            commands::public::public_allowances,
            commands::public::public_allow,
            commands::public::public_withdraw,
            commands::security::app_status,
            commands::security::unlock,
            commands::security::encrypt,
            commands::security::passphrase_change,
            commands::security::backup_now,
            commands::security::backup_list,
            commands::security::backup_restore,
            commands::security::backup_choose_folder,
            commands::security::dossier_log,
            commands::procedure::procedure_view,
            commands::procedure::event_save,
            commands::procedure::event_remove,
            commands::procedure::procedure_accept_norm,
            commands::procedure::procedure_dismiss_norm,
            commands::procedure::dossier_rows,
            commands::procedure::deadlines,
            commands::procedure::letter_draft,
            commands::procedure::letter_step_offer,
            commands::signals::signals,
            commands::signals::signals_export_pdf,
            commands::signals::signals_export_csv,
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(err) => {
            eprintln!("Wederhoor kan het venster niet openen: {err}");
            std::process::exit(1);
        }
    }
}

async fn open(
    path: &std::path::Path,
    key: Option<&Passphrase>,
    actor: &Actor,
) -> wederhoor_store::Result<Db> {
    let db = Db::open_with(path, key).await?;
    // The demo goes into a new, empty library only; an encrypted one is the user's own.
    if key.is_none() {
        demo::load_if_empty(&db, actor).await?;
    }
    Ok(db)
}

/// What runs once the database is open: the search backlog and the day's automatic backup.
pub(crate) fn started(db: Db, db_path: &std::path::Path) {
    index_search_backlog(db.clone());
    commands::security::daily_backup(db, db_path.to_path_buf());
}

/// After a bulk import, in the background: copies the write-ahead log into the database file
/// (the import leaves that to this moment), then indexes the imported statements for search
/// (also what a stop between an import and its indexing left behind). The bench times both in
/// this order. A failure only delays them; it is logged.
pub(crate) fn index_search_backlog(db: Db) {
    tauri::async_runtime::spawn(async move {
        if let Err(err) = db.checkpoint().await {
            eprintln!("Wederhoor: logboek naar databasebestand schrijven mislukt: {err}");
        }
        if let Err(err) = search::index_backlog(&db).await {
            eprintln!("Wederhoor: zoekindex bijwerken mislukt: {err}");
        }
    });
}
