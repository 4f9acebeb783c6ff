//! The worker of the kill -9 trials (`tools/crash-trials.py`, FUZZING.md). `run DB LOG SEED`
//! works on the database without end — party saves, register imports, report finalising,
//! backups — and after each commit appends what it committed to LOG (flushed to disk), so a
//! kill at any moment leaves a list of changes that must survive. `verify DB LOG` then checks
//! that every listed change is there, SQLite's integrity check passes, and the audit chain is
//! intact up to the head kept beside the database.

use std::io::Write;
use std::path::{Path, PathBuf};
use wederhoor_core::vocab::{PartyRole, ReportKind};
use wederhoor_core::wire::{PartyInput, RegisterImportMeta, RegisterMapping};
use wederhoor_store::{
    audit, audit_head, backup, demo, dossiers, parties, register, reports, Actor, Db,
};

type Failure = Box<dyn std::error::Error>;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let outcome = match args.get(1).map(String::as_str) {
        Some("run") if args.len() == 5 => runtime.block_on(run(
            Path::new(&args[2]),
            Path::new(&args[3]),
            args[4].parse().unwrap_or(1),
        )),
        Some("verify") if args.len() == 4 => {
            runtime.block_on(verify(Path::new(&args[2]), Path::new(&args[3])))
        }
        _ => Err("gebruik: crash_worker run DB LOG SEED | verify DB LOG".into()),
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crash_worker: {e}");
            std::process::ExitCode::from(1)
        }
    }
}

/// A small deterministic generator, so a trial can be repeated from its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn committed(log: &mut std::fs::File, line: &str) -> Result<(), Failure> {
    writeln!(log, "{line}")?;
    log.sync_data()?;
    Ok(())
}

async fn run(db_path: &Path, log_path: &Path, seed: u64) -> Result<(), Failure> {
    let actor = Actor("crash-trial".into());
    let db = Db::open(db_path).await?;
    let reference = demo::ensure_demo(&db, &actor).await?;
    let dossier = dossiers::by_reference(&mut *db.pool().acquire().await?, &reference)
        .await?
        .id;
    let body = parties::resolve(db.pool(), dossier, "body").await?;
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path)?;
    let mut rng = Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let backups = db_path.with_file_name("backups");
    for step in 0u64.. {
        let tag = format!("{seed}-{step}");
        match rng.next() % 4 {
            0 => {
                let input = PartyInput {
                    id: None,
                    dossier_id: dossier,
                    role: PartyRole::Witness,
                    name: format!("Proefpersoon {tag}"),
                    pseudonym: format!("getuige {tag}"),
                    aliases: vec![],
                    public_name: false,
                    acts_for: None,
                };
                parties::save(&db, &input, &actor).await?;
                committed(&mut log, &format!("party\tProefpersoon {tag}"))?;
            }
            1 => {
                let rows = 500 + (rng.next() % 3000) as usize;
                let mut csv = String::from("Datum;Kanaal;Onderwerp;Notitie\r\n");
                for i in 0..rows {
                    csv.push_str(&format!(
                        "{:02}-10-2018 10:14;Telefoon;Postadres;Contact {i} van proef {tag}\r\n",
                        1 + i % 28
                    ));
                }
                let meta = RegisterImportMeta {
                    dossier_id: dossier,
                    party_id: body,
                    file_name: format!("proef-{tag}.csv"),
                    mapping: RegisterMapping::parse_spec(
                        "date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie",
                    )?,
                    skip_bad_rows: false,
                };
                let done = register::import(&db, &meta, csv.as_bytes(), &actor, |_| {}).await?;
                committed(
                    &mut log,
                    &format!("register\t{}\t{}", done.source.id, done.imported),
                )?;
            }
            2 => {
                let id = reports::create_draft(
                    &db,
                    dossier,
                    ReportKind::Rapportbrief,
                    &format!("## Proef {tag}\n\nTekst."),
                    &actor,
                )
                .await?;
                committed(&mut log, &format!("draft\t{id}"))?;
                let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a day");
                match reports::finalise(&db, id, today, &actor).await {
                    Ok(()) => committed(&mut log, &format!("final\t{id}"))?,
                    // The demo's checks may block a final rapportbrief; the draft stays.
                    Err(wederhoor_store::Error::Blocked(_)) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            _ => {
                let info = backup::automatic(&db, &backups, "", backup::KEEP, &actor).await?;
                committed(&mut log, &format!("backup\t{}", info.path.display()))?;
            }
        }
    }
    Ok(())
}

async fn verify(db_path: &Path, log_path: &Path) -> Result<(), Failure> {
    let head = audit_head::read(&audit_head::path_for(db_path))?;
    let db = Db::open(db_path).await?;
    db.integrity_check().await?;
    let verification = audit::verify_with_head(db.pool(), head.as_ref()).await?;
    if let Some(broken) = verification.first_break {
        return Err(format!(
            "logboek verbroken bij item {}: {}",
            broken.id, broken.reason
        )
        .into());
    }
    let log = std::fs::read_to_string(log_path).unwrap_or_default();
    let mut checked = 0;
    let kept_backups = backup::automatic_backups(&db_path.with_file_name("backups"));
    for line in log.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let lost = match fields.as_slice() {
            ["party", name] => {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM parties WHERE name = ?")
                    .bind(name)
                    .fetch_one(db.pool())
                    .await?;
                n != 1
            }
            ["register", source, rows] => {
                // Each record points at its row of the stored export through an excerpt.
                let n: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM excerpts WHERE source_id = ?")
                        .bind(source.parse::<i64>()?)
                        .fetch_one(db.pool())
                        .await?;
                n != rows.parse::<i64>()?
            }
            ["draft", id] => !version_exists(&db, id, None).await?,
            ["final", id] => !version_exists(&db, id, Some("final")).await?,
            ["backup", path] => {
                let path = PathBuf::from(path);
                // Pruned ones are gone by design; a kept one must pass its checks.
                kept_backups.contains(&path) && backup::inspect(&path, None).await.is_err()
            }
            _ => return Err(format!("onbekende regel in het logboek van de proef: {line}").into()),
        };
        if lost {
            return Err(format!("verloren na de kill: {line}").into());
        }
        checked += 1;
    }
    db.close().await;
    println!(
        "ok: {checked} vastgelegde wijzigingen aanwezig, integriteit ok, keten van {} items intact",
        verification.entries
    );
    Ok(())
}

async fn version_exists(db: &Db, id: &str, status: Option<&str>) -> Result<bool, Failure> {
    let found: Option<String> = sqlx::query_scalar("SELECT status FROM reports WHERE id = ?")
        .bind(id.parse::<i64>()?)
        .fetch_optional(db.pool())
        .await?;
    Ok(match (found, status) {
        (Some(s), Some(wanted)) => s == wanted,
        (Some(_), None) => true,
        (None, _) => false,
    })
}
