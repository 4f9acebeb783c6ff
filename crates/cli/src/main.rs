//! The `wederhoor` command (INTERFACES.md §2): headless access to the same store the desktop
//! app uses. Exit status 0 on success, 1 on an error (one line on stderr), 2 on wrong usage.

mod render;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wederhoor_store::{audit, demo, dossier_file, dossiers, overview, paths, Actor, Db};

#[derive(Parser)]
#[command(
    name = "wederhoor",
    version,
    about = "Wederhoor: klachtdossiers voor ombudsonderzoek, zonder venster"
)]
struct Cli {
    /// Database file (default: $WEDERHOOR_DB, else the app's own database in your data directory)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add the demo dossier (if not present) and print its reference
    Demo,
    /// One line per dossier: reference, status, received date, title
    List {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// A dossier's overview: parties, complaint points, counts, checks
    Show {
        /// The dossier's reference
        reference: String,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// Read a wederhoor-dossier/1 file and print the new dossier's reference
    Import {
        /// The dossier file
        file: PathBuf,
    },
    /// Write a dossier as a wederhoor-dossier/1 file (stdout without -o)
    Export {
        /// The dossier's reference
        reference: String,
        /// Output file
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The audit log
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
}

#[derive(Subcommand)]
enum AuditAction {
    /// Check the audit log's hash chain; name the first broken entry
    Verify,
}

/// An error worth one line on stderr.
type Failure = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return fail(&err.into()),
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(err) => fail(&err),
    }
}

fn fail(err: &Failure) -> ExitCode {
    eprintln!("wederhoor: {err}");
    ExitCode::from(1)
}

async fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let db = Db::open(&paths::resolve_db_path(cli.db)).await?;
    let actor = Actor::from_env();
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Demo => {
            let reference = demo::ensure_demo(&db, &actor).await?;
            writeln!(out, "{reference}")?;
        }
        Command::List { json } => {
            let list = dossiers::list(db.pool()).await?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
            } else {
                write!(out, "{}", render::list(&list))?;
            }
        }
        Command::Show { reference, json } => {
            let row = dossiers::by_reference(db.pool(), &reference).await?;
            let view = overview::overview(&db, row.id).await?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
            } else {
                write!(out, "{}", render::overview(&view))?;
            }
        }
        Command::Import { file } => {
            let text = read_text(&file)?;
            let imported = dossier_file::import_json(&db, &text, &actor).await?;
            writeln!(out, "{}", imported.reference)?;
        }
        Command::Export { reference, output } => {
            let json = dossier_file::export(&db, &reference).await?.to_json();
            match output {
                Some(path) => write_atomically(&path, json.as_bytes())?,
                None => out.write_all(json.as_bytes())?,
            }
        }
        Command::Audit {
            action: AuditAction::Verify,
        } => {
            let result = audit::verify(db.pool()).await?;
            if let Some(broken) = result.first_break {
                eprintln!(
                    "wederhoor: logboek verbroken bij item {}: {}",
                    broken.id, broken.reason
                );
                return Ok(ExitCode::from(1));
            }
            writeln!(
                out,
                "Logboek in orde: {}, keten ongebroken.",
                render::count(result.entries as u32, "item", "items")
            )?;
        }
    }
    out.flush()?;
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("kan {} niet lezen: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} is geen UTF-8-tekst; een dossierbestand is JSON in UTF-8",
            path.display()
        )
        .into()
    })
}

/// Writes to a temporary file beside `path` and renames it, so a failure never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| format!("{} is geen bestandsnaam", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("kan {} niet schrijven: {err}", path.display()).into());
    }
    Ok(())
}
