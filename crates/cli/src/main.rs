//! The `wederhoor` command (INTERFACES.md §2): headless access to the same store the desktop
//! app uses. Exit status 0 on success, 1 on an error (one line on stderr), 2 on wrong usage.

mod backup;
mod bench;
mod deadlines;
mod render;
mod report;
mod signals;
mod source;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wederhoor_core::suggest::RuleSettings;
use wederhoor_core::vocab::ReportKind;
use wederhoor_core::wire::{RegisterImportMeta, RegisterMapping};
use wederhoor_report::draft::kind_title;
use wederhoor_report::export::redaction_line;
use wederhoor_store::{
    audit, cipher::Passphrase, demo, dossier_file, dossiers, overview, parties, paths, procedure,
    register, suggestions, Actor, Db,
};

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
    /// For an encrypted database: a file whose first line is the passphrase (else
    /// $WEDERHOOR_PASSPHRASE)
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
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
    /// The rule checks: suggested conflicts, verdict consistency, procedure terms and promises
    Check {
        /// The dossier's reference
        reference: String,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
        /// Days a claimed and a recorded date of the same event may differ
        #[arg(long, default_value_t = 7)]
        date_tolerance: u32,
        /// Judge the terms as of this day (YYYY-MM-DD) instead of today
        #[arg(long, value_name = "D", value_parser = parse_day)]
        today: Option<chrono::NaiveDate>,
    },
    /// Every open term of every dossier (Awb terms, terms set by the ombudsman, promises), overdue first
    Deadlines {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
        /// Keep the terms that end within this many days (overdue ones always stay)
        #[arg(long, value_name = "DAYS")]
        within: Option<u32>,
        /// Judge the terms as of this day (YYYY-MM-DD) instead of today
        #[arg(long, value_name = "D", value_parser = parse_day)]
        today: Option<chrono::NaiveDate>,
    },
    /// Counts across all dossiers: per verdict and norm (per complaint point), per body and trefwoord (per dossier), per quarter; -o writes the yearly overview for the council
    Signals {
        /// Only the dossiers received in this year
        #[arg(long, value_name = "Y")]
        year: Option<i32>,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
        /// Also write the counts as CSV to this file
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Also write the yearly overview for the council as PDF to this file
        #[arg(short, long, value_name = "FILE.pdf")]
        output: Option<PathBuf>,
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
    /// Documents (stukken) of a dossier
    Source {
        #[command(subcommand)]
        action: SourceAction,
    },
    /// Contact-register exports
    Register {
        #[command(subcommand)]
        action: RegisterAction,
    },
    /// Render the rapport (or verslag, rapportbrief) as PDF; --public anonymises
    Report {
        /// The dossier's reference
        reference: String,
        /// verslag_van_bevindingen, rapport or rapportbrief
        #[arg(long)]
        kind: String,
        /// The public version: names replaced by pseudonyms, checked after rendering
        #[arg(long)]
        public: bool,
        /// The PDF to write
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
    },
    /// The audit log
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// A consistent, verified copy of the database (also while the app runs)
    Backup {
        /// Where to write it (default: a dated file in the backups folder beside the database)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Replace the database by a verified backup, after keeping the current one aside
    Restore {
        /// The backup file
        file: PathBuf,
    },
    /// Run the benchmarks of DESIGN.md §4 and print a table (use a release build)
    Bench {
        /// Also write the table as Markdown to this file (e.g. BENCHMARKS.md)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Rows of the generated register export
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// Run one benchmark only (see `bench::NAMES`), e.g. register, search, rapport or signals
        #[arg(long, value_name = "NAME")]
        only: Option<String>,
    },
}

#[derive(Subcommand)]
enum SourceAction {
    /// Store a document (PDF, DOCX, ODT, EML, TXT, CSV, image, audio, anything) with its hash and its text (read, or by OCR); an e-mail's attachments become sources attached to it
    Add {
        /// The dossier's reference
        reference: String,
        /// The document
        file: PathBuf,
        /// Who supplied it: name, pseudonym, or role when only one party has it
        #[arg(long)]
        party: String,
        /// Kind of document (letter, email, phone_note, register, interview, decision, recording, policy, other)
        #[arg(long)]
        kind: Option<String>,
        /// Title (default: the file name)
        #[arg(long)]
        title: Option<String>,
        /// A file holding the password of a protected PDF (its first line)
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum RegisterAction {
    /// Import a contact-register export (CSV) as record statements of a party
    Import {
        /// The dossier's reference
        reference: String,
        /// The CSV export
        csv: PathBuf,
        /// Whose administration it is: name, pseudonym, or role when only one party has it
        #[arg(long)]
        party: String,
        /// Column mapping, e.g. date=Datum,channel=Kanaal,topic=Onderwerp,text=Notitie (default: guessed from the header)
        #[arg(long, value_name = "SPEC")]
        map: Option<String>,
        /// Leave out rows that cannot be read instead of cancelling the import
        #[arg(long)]
        skip_bad_rows: bool,
    },
}

#[derive(Subcommand)]
enum AuditAction {
    /// Check the audit log's hash chain; name the first broken entry
    Verify,
}

/// Today on this computer's clock.
fn local_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A `--today` value: an ISO day.
fn parse_day(value: &str) -> Result<chrono::NaiveDate, String> {
    wederhoor_core::dates::parse_iso_day(value).map_err(|e| e.to_string())
}

/// An error worth one line on stderr.
type Failure = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    // Started as the document reader's child process: read one document and exit.
    wederhoor_extract::isolate::serve_if_asked();
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
    if let Command::Bench { output, rows, only } = &cli.command {
        // The benchmarks work in scratch databases of their own, never in the user's.
        let table = bench::run(*rows, only.as_deref()).await?;
        print!("{table}");
        if let Some(path) = output {
            write_atomically(path, table.as_bytes())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let db_path = paths::resolve_db_path(cli.db);
    let key = Passphrase::from_file_or_env(cli.passphrase_file.as_deref())?;
    if let Command::Restore { file } = &cli.command {
        // The database is replaced, so it is not opened here first.
        print!("{}", backup::restore(&db_path, file, key.as_ref()).await?);
        return Ok(ExitCode::SUCCESS);
    }
    // Read before the database is opened: an open database moves its head forward.
    let head = wederhoor_store::audit_head::read(&wederhoor_store::audit_head::path_for(&db_path))
        .map_err(|e| e.to_string())?;
    let db = Db::open_with(&db_path, key.as_ref()).await?;
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
            let row = dossiers::by_reference(&mut *db.pool().acquire().await?, &reference).await?;
            let mut view = overview::overview(&db, row.id).await?;
            let verloop = procedure::view(&db, row.id, local_today()).await?;
            view.checks.extend(verloop.checks);
            view.checks.sort_by_key(|c| std::cmp::Reverse(c.severity));
            if json {
                let mut value = serde_json::to_value(&view)?;
                value["checks"] = render::checks_json(&view.checks);
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                write!(out, "{}", render::overview(&view))?;
            }
        }
        Command::Check {
            reference,
            json,
            date_tolerance,
            today,
        } => {
            let today = today.unwrap_or_else(local_today);
            let row = dossiers::by_reference(&mut *db.pool().acquire().await?, &reference).await?;
            let settings = RuleSettings {
                date_tolerance_days: date_tolerance,
                ..RuleSettings::default()
            };
            let found = suggestions::for_dossier(&db, row.id, settings).await?;
            let verloop = procedure::view(&db, row.id, today).await?;
            let mut checks = overview::overview(&db, row.id).await?.checks;
            checks.extend(verloop.checks.iter().cloned());
            checks.sort_by_key(|c| std::cmp::Reverse(c.severity));
            if json {
                let value = serde_json::json!({
                    "reference": reference,
                    "today": verloop.today,
                    "suggestions": found,
                    "checks": render::checks_json(&checks),
                    "terms": verloop.terms.iter().map(deadlines::term_json).collect::<Vec<_>>(),
                });
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                write!(
                    out,
                    "{}{}",
                    render::check(&reference, &row.title, &found, &checks),
                    deadlines::terms_text(&verloop.terms)
                )?;
            }
        }
        Command::Signals {
            year,
            json,
            csv,
            output,
        } => {
            let request = signals::Request {
                year,
                json,
                csv: csv.as_deref(),
                pdf: output.as_deref(),
                today: local_today(),
            };
            write!(out, "{}", signals::run(&db, &actor, &request).await?)?;
        }
        Command::Deadlines {
            json,
            within,
            today,
        } => {
            let today = today.unwrap_or_else(local_today);
            let summary = procedure::deadlines(&db, today, within.map(i64::from)).await?;
            if json {
                let value = deadlines::json(&summary);
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                write!(out, "{}", deadlines::text(&summary))?;
            }
        }
        Command::Import { file } => {
            let text = read_text(&file)?;
            let imported = dossier_file::import_json(&db, &text, &actor).await?;
            writeln!(out, "{}", imported.reference)?;
        }
        Command::Export { reference, output } => {
            let json = dossier_file::export(&db, &reference).await?.to_json();
            let to = match &output {
                Some(path) => path.display().to_string(),
                None => "standaarduitvoer".into(),
            };
            match output {
                Some(path) => write_atomically(&path, json.as_bytes())?,
                None => out.write_all(json.as_bytes())?,
            }
            // Personal data left the database: on record, after it was written.
            let detail = serde_json::json!({ "format": "wederhoor-dossier/2", "to": to });
            audit::record(
                &db,
                &actor,
                "export.dossier_file",
                Some(&reference),
                &detail,
            )
            .await?;
        }
        Command::Source {
            action:
                SourceAction::Add {
                    reference,
                    file,
                    party,
                    kind,
                    title,
                    password_file,
                },
        } => {
            let args = source::AddArgs {
                reference,
                file,
                party,
                kind,
                title,
                password_file,
            };
            source::add(&db, args, &actor, &mut out).await?;
        }
        Command::Register {
            action:
                RegisterAction::Import {
                    reference,
                    csv,
                    party,
                    map,
                    skip_bad_rows,
                },
        } => {
            let row = dossiers::by_reference(&mut *db.pool().acquire().await?, &reference).await?;
            let party_id = parties::resolve(db.pool(), row.id, &party).await?;
            let bytes = read_bytes(&csv)?;
            let mapping = match map {
                Some(spec) => RegisterMapping::parse_spec(&spec)?,
                None => {
                    let guessed = register::preview(&bytes, None)?;
                    // Without a date column there is nothing to import; which column it is,
                    // only the user can say.
                    if guessed.mapping.date.is_empty() {
                        return Err(wederhoor_store::Error::Register(format!(
                            "{} (--map date=KOLOM)",
                            wederhoor_core::register::no_date_column(&guessed.headers)
                        ))
                        .into());
                    }
                    guessed.mapping
                }
            };
            let file_name = csv
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let meta = RegisterImportMeta {
                dossier_id: row.id,
                party_id,
                file_name,
                mapping,
                skip_bad_rows,
            };
            let done = register::import(&db, &meta, &bytes, &actor, |_| {}).await?;
            for note in &done.notes {
                eprintln!("let op: {note}");
            }
            writeln!(
                out,
                "{} ingelezen als stuk \"{}\"; {} overgeslagen.",
                render::count(done.imported, "registratie", "registraties"),
                done.source.title,
                done.skipped
            )?;
        }
        Command::Report {
            reference,
            kind,
            public,
            output,
        } => {
            let kind = ReportKind::from_code(&kind).ok_or_else(|| {
                format!(
                    "onbekende soort \"{kind}\"; kies uit {}",
                    ReportKind::codes()
                )
            })?;
            let report = report::render_stored(&db, &reference, kind, public).await?;
            if report.from_template {
                eprintln!(
                    "let op: er is nog geen opgeslagen {}; het concept uit het sjabloon is gebruikt.",
                    kind.label_nl()
                );
            }
            write_atomically(&output, &report.exported.pdf)?;
            let detail = serde_json::json!({
                "kind": kind.code(),
                "public": public,
                "from_template": report.from_template,
                "to": output.display().to_string(),
                "pages": report.exported.pages,
            });
            audit::record(&db, &actor, "export.pdf", Some(&reference), &detail).await?;
            for line in report.exported.redactions.iter().map(redaction_line) {
                writeln!(out, "Vervangen: {line}")?;
            }
            writeln!(
                out,
                "{} geschreven: {} ({}, {} bytes)",
                kind_title(kind),
                output.display(),
                render::count(report.exported.pages as u32, "pagina", "pagina's"),
                report.exported.pdf.len()
            )?;
        }
        Command::Bench { .. } | Command::Restore { .. } => {
            unreachable!("handled before the database is opened")
        }
        Command::Backup { output } => {
            write!(
                out,
                "{}",
                backup::backup(&db, &db_path, output, &actor).await?
            )?;
        }
        Command::Audit {
            action: AuditAction::Verify,
        } => {
            let result = audit::verify_with_head(db.pool(), head.as_ref()).await?;
            if let Some(broken) = result.first_break {
                eprintln!(
                    "wederhoor: logboek verbroken bij item {}: {}",
                    broken.id, broken.reason
                );
                return Ok(ExitCode::from(1));
            }
            let head = match &head {
                Some(head) => format!(
                    " en compleet tot de kop naast de database (item {})",
                    head.id
                ),
                None => {
                    "; er is nog geen kop naast de database (die wordt bij het sluiten geschreven)"
                        .into()
                }
            };
            writeln!(
                out,
                "Logboek in orde: {}, keten ongebroken{head}.",
                render::count(result.entries as u32, "item", "items")
            )?;
        }
    }
    out.flush()?;
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Reads a whole file, refusing one over the size limit before reading it.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("kan {} niet lezen: {e}", path.display()))?
        .len();
    if size > wederhoor_extract::MAX_SOURCE_BYTES as u64 {
        let err = wederhoor_extract::ExtractError::TooLarge {
            size: size as usize,
        };
        return Err(format!("{}: {err}", path.display()).into());
    }
    Ok(std::fs::read(path).map_err(|e| format!("kan {} niet lezen: {e}", path.display()))?)
}

fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} is geen UTF-8-tekst; een dossierbestand is JSON in UTF-8",
            path.display()
        )
        .into()
    })
}

/// Writes the whole file or nothing (see `wederhoor_store::files`).
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    wederhoor_store::files::write_atomically(path, bytes)
        .map_err(|err| format!("kan {} niet schrijven: {err}", path.display()).into())
}
