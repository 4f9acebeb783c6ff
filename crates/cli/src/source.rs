//! `wederhoor source add`: the document is read in a child process (this binary in helper
//! mode, see `wederhoor_extract::isolate`), then stored whatever its text does, with its
//! attachments. Progress of OCR goes to stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
use wederhoor_core::vocab::SourceKind;
use wederhoor_core::wire::SourceSummary;
use wederhoor_extract::isolate::{read_isolated, Helper};
use wederhoor_extract::{Options, Progress, Reading};
use wederhoor_store::sources::{self, NewDocument};
use wederhoor_store::{dossiers, parties, Actor, Db};

/// What `source add` was asked.
pub struct AddArgs {
    pub reference: String,
    pub file: PathBuf,
    pub party: String,
    pub kind: Option<String>,
    pub title: Option<String>,
    pub password_file: Option<PathBuf>,
}

/// Reads a document in the helper process, telling the progress on stderr.
pub fn read_document(file_name: &str, bytes: &[u8], password: Option<String>) -> Reading {
    let options = Options {
        password,
        ..Options::default()
    };
    let mut told = |p: Progress| eprintln!("{} …", p.step);
    match Helper::current_exe() {
        Ok(helper) => read_isolated(&helper, file_name, bytes, &options, &mut told),
        // Without our own path (very unusual) the document is read here, unprotected.
        Err(_) => wederhoor_extract::read(file_name, bytes, &options, &mut told),
    }
}

fn read_password(path: &Path) -> Result<String, crate::Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "kan het wachtwoordbestand {} niet lezen: {e}",
            path.display()
        )
    })?;
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}

/// Stores the document; writes what was stored to `out` and notes to stderr.
pub async fn add(
    db: &Db,
    args: AddArgs,
    actor: &Actor,
    out: &mut impl Write,
) -> Result<(), crate::Failure> {
    let row = dossiers::by_reference(&mut *db.pool().acquire().await?, &args.reference).await?;
    let party = parties::resolve(db.pool(), row.id, &args.party).await?;
    let kind = match args.kind {
        None => None,
        Some(code) => Some(SourceKind::from_code(&code).ok_or_else(|| {
            format!(
                "onbekende soort \"{code}\"; kies uit {}",
                SourceKind::codes()
            )
        })?),
    };
    let password = args
        .password_file
        .as_deref()
        .map(read_password)
        .transpose()?;
    let bytes = crate::read_bytes(&args.file)?;
    wederhoor_extract::check_size(bytes.len())
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let reading = read_document(&file_name, &bytes, password.clone());
    let doc = NewDocument {
        dossier_id: row.id,
        file_name: &file_name,
        bytes: &bytes,
        kind,
        title: args.title.as_deref().unwrap_or(""),
        supplied_by: Some(party),
        received_on: "",
    };
    let added = match sources::add_document(db, &doc, &reading, actor).await {
        // The same file again, now with its password: its text is read into the stored one.
        Err(wederhoor_store::Error::DuplicateSource(title)) if password.is_some() => {
            match without_text_by_hash(db, row.id, &bytes).await? {
                Some(id) if reading.text.is_some() => {
                    sources::read_again(db, id, &reading, actor).await?
                }
                _ => return Err(wederhoor_store::Error::DuplicateSource(title).into()),
            }
        }
        other => other?,
    };
    for note in &added.notes {
        eprintln!("let op: {note}");
    }
    if added.source.text_problem.as_deref() == Some("password_required") {
        eprintln!("let op: geef het wachtwoord met --password-file BESTAND om de tekst te lezen");
    }
    describe(out, "Stuk toegevoegd", &added.source)?;
    for attachment in &added.attachments {
        describe(out, "  bijlage", attachment)?;
    }
    Ok(())
}

async fn without_text_by_hash(
    db: &Db,
    dossier_id: i64,
    bytes: &[u8],
) -> Result<Option<i64>, crate::Failure> {
    let sha = wederhoor_core::file::sha256_hex(bytes);
    Ok(sources::list(db.pool(), dossier_id)
        .await?
        .into_iter()
        .find(|s| s.sha256.as_deref() == Some(sha.as_str()) && !s.has_text)
        .map(|s| s.id))
}

fn describe(out: &mut impl Write, what: &str, s: &SourceSummary) -> std::io::Result<()> {
    let origin = match s.text_origin {
        Some(wederhoor_core::vocab::TextOrigin::Ocr) => match s.ocr_confidence {
            Some(c) => format!(", tekst door OCR, zekerheid {c:.0}%"),
            None => ", tekst door OCR".to_string(),
        },
        Some(_) => String::new(),
        None => ", zonder tekst".to_string(),
    };
    writeln!(
        out,
        "{what}: {} ({}, {} bytes, sha256 {}{origin})",
        s.title,
        s.kind.label_nl(),
        s.size.unwrap_or(0),
        s.sha256.as_deref().unwrap_or("-")
    )
}
