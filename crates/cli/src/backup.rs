//! `wederhoor backup` and `wederhoor restore`: the store's verified copy and restore, told in
//! Dutch, the path alone on the last line.

use std::path::{Path, PathBuf};
use wederhoor_store::backup::{self, BackupInfo};
use wederhoor_store::cipher::Passphrase;
use wederhoor_store::{Actor, Db};

fn describe(info: &BackupInfo) -> String {
    format!(
        "{} dossier(s), {} logboekitems, laatste wijziging {}, {} KB",
        info.dossiers,
        info.entries,
        info.last_change.as_deref().unwrap_or("geen"),
        info.bytes.div_ceil(1024)
    )
}

/// Makes the backup; returns what to print.
pub async fn backup(
    db: &Db,
    db_path: &Path,
    output: Option<PathBuf>,
    actor: &Actor,
) -> Result<String, crate::Failure> {
    let info = match output {
        Some(target) => backup::backup_to(db, &target, actor).await?,
        None => {
            let folder = backup::default_folder(db_path);
            backup::automatic(db, &folder, "", backup::KEEP, actor).await?
        }
    };
    Ok(format!(
        "Back-up gemaakt en gecontroleerd (integriteit en logboekketen): {}.\n{}\n",
        describe(&info),
        info.path.display()
    ))
}

/// Restores; returns what to print.
pub async fn restore(
    db_path: &Path,
    file: &Path,
    key: Option<&Passphrase>,
) -> Result<String, crate::Failure> {
    let info = backup::inspect(file, key).await?;
    let aside = backup::restore(db_path, file, key, &Actor::from_env()).await?;
    let kept = match aside {
        Some(aside) => format!("De vorige database staat opzij als {}.", aside.display()),
        None => "Er was nog geen database.".into(),
    };
    Ok(format!(
        "Hersteld uit {}: {}. {kept}\n",
        file.display(),
        describe(&info)
    ))
}
