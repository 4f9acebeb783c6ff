//! Security: opening an encrypted database with its passphrase, encrypting a plain one,
//! changing the passphrase, backups (daily, on demand, restore with a preview), and a
//! dossier's logboek with the state of the whole chain.

use crate::error::CommandError;
use crate::state::AppState;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use wederhoor_core::wire::{AppStatus, BackupSummary, DossierLog, LogEntry};
use wederhoor_store::backup;
use wederhoor_store::cipher::{self, Passphrase};
use wederhoor_store::settings::Settings;
use wederhoor_store::{audit, audit_head, dossiers, Db, Error};

/// Runs store work that opens databases (migrations) on a blocking thread: sqlx's migrator's
/// future is not `Send` in a way the compiler can show, and a command's future must be.
async fn off_thread<T, F>(work: impl FnOnce() -> F + Send + 'static) -> Result<T, CommandError>
where
    T: Send + 'static,
    F: std::future::Future<Output = T>,
{
    tauri::async_runtime::spawn_blocking(move || tauri::async_runtime::block_on(work()))
        .await
        .map_err(|e| CommandError::Write(format!("de bewerking brak af: {e}")))
}

fn rfc3339(time: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(time).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn made_at(path: &Path) -> Option<String> {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(rfc3339)
}

fn passphrase(text: String) -> Result<Passphrase, CommandError> {
    Passphrase::new(text).ok_or_else(|| {
        CommandError::Store(Error::Invalid(vec![wederhoor_core::wire::FieldError {
            field: "passphrase".into(),
            code: wederhoor_core::wire::FieldCode::Required,
        }]))
    })
}

/// Whether the database is open, encrypted, and where its backups go.
#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    let folder = Settings::load(&state.db_path).backup_folder(&state.db_path);
    AppStatus {
        locked: !state.is_open(),
        encrypted: cipher::is_encrypted(&state.db_path),
        db_path: state.db_path.display().to_string(),
        backup_folder: folder.display().to_string(),
        last_backup: backup::automatic_backups(&folder)
            .first()
            .and_then(|p| made_at(p)),
    }
}

/// Opens the encrypted database with the passphrase typed at start.
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<(), CommandError> {
    if state.is_open() {
        return Ok(());
    }
    let key = self::passphrase(passphrase)?;
    let path = state.db_path.clone();
    let db = off_thread(move || async move { Db::open_with(&path, Some(&key)).await }).await??;
    crate::started(db.clone(), &state.db_path);
    state.set_db(db);
    Ok(())
}

/// Encrypts the plain database in place with a new passphrase, then goes on with it open.
#[tauri::command]
pub async fn encrypt(state: State<'_, AppState>, passphrase: String) -> Result<(), CommandError> {
    let key = self::passphrase(passphrase)?;
    if cipher::is_encrypted(&state.db_path) {
        return Err(Error::Locked("De database is al versleuteld.".into()).into());
    }
    let db = state
        .take_db()
        .ok_or_else(|| Error::Locked("De database is niet open.".into()))?;
    let (path, actor) = (state.db_path.clone(), state.actor.clone());
    let (outcome, reopened) = off_thread(move || async move {
        let outcome = cipher::encrypt(db, &path, &key, &actor).await;
        // Open again, encrypted when it worked and plain when it did not: the user goes on.
        let reopened = Db::open_with(&path, outcome.is_ok().then_some(&key)).await;
        (outcome, reopened)
    })
    .await?;
    state.set_db(reopened?);
    Ok(outcome?)
}

/// Gives the encrypted database a new passphrase.
#[tauri::command]
pub async fn passphrase_change(
    state: State<'_, AppState>,
    old: String,
    new: String,
) -> Result<(), CommandError> {
    let (old, new) = (passphrase(old)?, passphrase(new)?);
    let db = state
        .take_db()
        .ok_or_else(|| Error::Locked("De database is niet open.".into()))?;
    if db.key() != Some(&old) {
        state.set_db(db);
        return Err(Error::Locked("De huidige wachtwoordzin klopt niet.".into()).into());
    }
    db.close().await;
    let (path, actor) = (state.db_path.clone(), state.actor.clone());
    let (outcome, reopened) = off_thread(move || async move {
        let outcome = cipher::change(&path, &old, &new, &actor).await;
        let key = if outcome.is_ok() { new } else { old };
        (outcome, Db::open_with(&path, Some(&key)).await)
    })
    .await?;
    state.set_db(reopened?);
    Ok(outcome?)
}

fn folder(state: &AppState) -> PathBuf {
    Settings::load(&state.db_path).backup_folder(&state.db_path)
}

/// Makes a backup now in the backup folder.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupSummary, CommandError> {
    let db = state.db()?;
    let info = backup::automatic(&db, &folder(&state), "", backup::KEEP, &state.actor).await?;
    Ok(summary_of(&info.path, Ok(info.clone())))
}

fn summary_of(path: &Path, info: Result<backup::BackupInfo, Error>) -> BackupSummary {
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let (dossiers, references, last_change, problem) = match info {
        Ok(info) => (Some(info.dossiers), info.references, info.last_change, None),
        Err(e) => (None, vec![], None, Some(e.to_string())),
    };
    BackupSummary {
        path: path.display().to_string(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
        made_at: made_at(path).unwrap_or_default(),
        dossiers,
        references,
        last_change,
        bytes,
        problem,
    }
}

/// The backups in the backup folder, newest first, each checked and previewed.
#[tauri::command]
pub async fn backup_list(state: State<'_, AppState>) -> Result<Vec<BackupSummary>, CommandError> {
    let db = state.db()?;
    let mut out = Vec::new();
    for path in backup::automatic_backups(&folder(&state)) {
        let info = backup::inspect(&path, db.key()).await;
        out.push(summary_of(&path, info));
    }
    Ok(out)
}

/// Replaces the database by a backup from the list (after keeping the current one aside) and
/// goes on with the restored one.
#[tauri::command]
pub async fn backup_restore(state: State<'_, AppState>, path: String) -> Result<(), CommandError> {
    let chosen = PathBuf::from(&path);
    // Only a backup of the list: the web view names one, it does not name any file.
    if !backup::automatic_backups(&folder(&state)).contains(&chosen) {
        return Err(Error::NotFound("back-up".into()).into());
    }
    let db = state
        .take_db()
        .ok_or_else(|| Error::Locked("De database is niet open.".into()))?;
    let key = db.key().cloned();
    db.close().await;
    let (path, actor) = (state.db_path.clone(), state.actor.clone());
    let (outcome, reopened) = off_thread(move || async move {
        let outcome = backup::restore(&path, &chosen, key.as_ref(), &actor).await;
        (outcome, Db::open_with(&path, key.as_ref()).await)
    })
    .await?;
    state.set_db(reopened?);
    outcome?;
    Ok(())
}

/// Lets the user choose the backup folder (the dialog opens from here); `None` when cancelled.
#[tauri::command]
pub async fn backup_choose_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, CommandError> {
    let dialog = app.dialog().file();
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .map_err(|e| CommandError::Write(format!("het mapvenster brak af: {e}")))?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let folder = chosen
        .into_path()
        .map_err(|e| CommandError::Write(format!("geen map gekozen: {e}")))?;
    let mut settings = Settings::load(&state.db_path);
    settings.backup_folder = Some(folder.clone());
    settings
        .save(&state.db_path)
        .map_err(|e| CommandError::Write(format!("instellingen niet opgeslagen: {e}")))?;
    Ok(Some(folder.display().to_string()))
}

/// The dossier's logboek, newest first, and whether the whole chain (with its head beside the
/// database) is intact.
#[tauri::command]
pub async fn dossier_log(
    state: State<'_, AppState>,
    dossier_id: i64,
) -> Result<DossierLog, CommandError> {
    let db = state.db()?;
    let reference = dossiers::by_id(db.pool(), dossier_id).await?.reference;
    let mut conn = db.pool().acquire().await.map_err(Error::from)?;
    let entries = audit::of_dossier(&mut conn, &reference, 2000).await?;
    drop(conn);
    let head = db
        .head_file()
        .and_then(|f| audit_head::read(f).ok().flatten());
    let verification = audit::verify_with_head(db.pool(), head.as_ref()).await?;
    Ok(DossierLog {
        entries: entries
            .into_iter()
            .map(|e| LogEntry {
                id: e.id,
                at: e.at,
                actor: e.actor,
                action: e.action,
                detail: e.detail,
            })
            .collect(),
        checked: verification.entries as u32,
        broken: verification
            .first_break
            .map(|b| format!("item {}: {}", b.id, b.reason)),
    })
}

/// Once a day, at start: a verified backup in the background (a failure is logged to the
/// terminal; the next start tries again).
pub fn daily_backup(db: Db, db_path: PathBuf) {
    tauri::async_runtime::spawn(async move {
        let folder = Settings::load(&db_path).backup_folder(&db_path);
        if backup::made_today(&folder) {
            return;
        }
        let actor = wederhoor_store::Actor::from_env();
        if let Err(err) = backup::automatic(&db, &folder, "", backup::KEEP, &actor).await {
            eprintln!("Wederhoor: automatische back-up mislukt: {err}");
        }
    });
}
