//! The `wederhoor` command as a user scripts it: real binary, temporary databases. One test
//! binary; the areas with a file of their own are listed here.

mod backup;
mod deadlines;
mod encryption;
mod intake;
mod register;
mod signals;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) fn wederhoor(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wederhoor"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("WEDERHOOR_DB")
        .output()
        .expect("the binary runs")
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

pub(crate) fn last_line(output: &Output) -> String {
    stdout(output)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// A scratch folder and the path of an empty database in it.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    (dir, db)
}

/// A scratch database holding the demo dossier.
fn with_demo() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = scratch();
    let out = wederhoor(&db, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

#[test]
fn demo_export_import_export_reproduces_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let demo = wederhoor(&a, &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let reference = last_line(&demo);
    assert_eq!(
        reference, "2019-0117",
        "demo prints its reference alone on the last line"
    );

    let file = dir.path().join("a.json");
    assert!(
        wederhoor(&a, &["export", &reference, "-o", file.to_str().unwrap()])
            .status
            .success()
    );
    let import = wederhoor(&b, &["import", file.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert_eq!(
        last_line(&import),
        reference,
        "import prints the new reference last"
    );
    let again = wederhoor(&b, &["export", &reference]);
    assert_eq!(
        stdout(&again),
        std::fs::read_to_string(&file).unwrap(),
        "the second export equals the first"
    );
}

#[test]
fn a_dangling_reference_is_refused_with_its_path_and_nothing_written() {
    let (dir, db) = scratch();
    let mut value: serde_json::Value =
        serde_json::from_str(wederhoor_store::demo::DEMO_JSON).unwrap();
    value["statements"][3]["party"] = "p9".into();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, value.to_string()).unwrap();
    let out = wederhoor(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "an error exits 1");
    assert!(
        stderr(&out).contains("statements[3].party: onbekende partij \"p9\""),
        "{}",
        stderr(&out)
    );
    assert_eq!(stderr(&out).lines().count(), 1, "one clear line");
    assert_eq!(
        stdout(&wederhoor(&db, &["list"])),
        "Geen dossiers.\n",
        "nothing was written"
    );
}

#[test]
fn an_unknown_norm_code_is_refused() {
    let (dir, db) = scratch();
    let mut value: serde_json::Value =
        serde_json::from_str(wederhoor_store::demo::DEMO_JSON).unwrap();
    value["complaint_points"][1]["judgements"][0]["norm"] = "klassiek/snelheid".into();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, value.to_string()).unwrap();
    let out = wederhoor(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("complaint_points[1].judgements[0].norm"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn importing_an_existing_reference_is_refused() {
    let (dir, db) = with_demo();
    let file = dir.path().join("demo.json");
    std::fs::write(&file, wederhoor_store::demo::DEMO_JSON).unwrap();
    let out = wederhoor(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bestaat al"), "{}", stderr(&out));
}

#[test]
fn list_and_show_speak_dutch_and_json() {
    let (_dir, db) = with_demo();
    let list = stdout(&wederhoor(&db, &["list"]));
    assert!(
        list.contains("2019-0117")
            && list.contains("bevindingen verzonden")
            && list.contains("2019-03-04"),
        "{list}"
    );
    let show = stdout(&wederhoor(&db, &["show", "2019-0117"]));
    for expected in [
        "Partijen",
        "Noëlle van den Berg",
        "Klachtonderdelen",
        "oordeel: gegrond",
        "2 registraties",
        "Controles",
    ] {
        assert!(show.contains(expected), "show mentions {expected}: {show}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&wederhoor(&db, &["show", "2019-0117", "--json"]).stdout).unwrap();
    assert_eq!(
        json["counts"]["records"], 2,
        "--json gives the wire overview"
    );
    let list: serde_json::Value =
        serde_json::from_slice(&wederhoor(&db, &["list", "--json"]).stdout).unwrap();
    assert_eq!(list[0]["reference"], "2019-0117");
}

#[test]
fn errors_exit_1_and_usage_errors_exit_2() {
    let (_dir, db) = scratch();
    let missing = wederhoor(&db, &["show", "1999-0001"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("niet gevonden"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(
        wederhoor(&db, &["nonsense"]).status.code(),
        Some(2),
        "wrong usage exits 2"
    );
    assert_eq!(
        wederhoor(&db, &["export"]).status.code(),
        Some(2),
        "a missing argument is wrong usage"
    );
}

#[test]
fn export_to_an_unwritable_place_leaves_no_file() {
    let (dir, db) = with_demo();
    let target = dir.path().join("no-such-dir").join("out.json");
    let out = wederhoor(
        &db,
        &["export", "2019-0117", "-o", target.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!target.exists());
}

#[test]
fn audit_verify_passes_then_names_a_tampered_entry() {
    let (dir, db) = with_demo();
    let file = dir.path().join("demo.json");
    wederhoor(&db, &["export", "2019-0117", "-o", file.to_str().unwrap()]);
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    value["dossier"]["reference"] = "2019-0200".into();
    std::fs::write(&file, value.to_string()).unwrap();
    wederhoor(&db, &["import", file.to_str().unwrap()]);

    let ok = wederhoor(&db, &["audit", "verify"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    // Demo, the export (personal data left the database: logged), the import.
    assert!(stdout(&ok).contains("3 items"), "{}", stdout(&ok));

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = wederhoor_store::Db::open(&db).await.unwrap();
        sqlx::query("UPDATE audit_log SET detail = '{}' WHERE id = 1")
            .execute(store.pool())
            .await
            .unwrap();
        store.close().await;
    });
    let broken = wederhoor(&db, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(1), "a broken chain exits 1");
    assert!(
        stderr(&broken).contains("item 1"),
        "the first broken entry is named: {}",
        stderr(&broken)
    );
}

#[test]
fn killing_an_import_at_any_moment_loses_nothing_committed_and_leaves_no_half_dossier() {
    let (dir, db) = scratch();
    assert!(
        wederhoor(&db, &["list"]).status.success(),
        "create the database first"
    );
    let demo: serde_json::Value = serde_json::from_str(wederhoor_store::demo::DEMO_JSON).unwrap();
    let mut committed = Vec::new();
    for round in 0..24u64 {
        let mut file = demo.clone();
        let reference = format!("2030-{round:04}");
        file["dossier"]["reference"] = reference.clone().into();
        let path = dir.path().join(format!("{reference}.json"));
        std::fs::write(&path, file.to_string()).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_wederhoor"))
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different moment each round, from "at once" to "after it finished".
        std::thread::sleep(std::time::Duration::from_millis(round * 3));
        let _ = child.kill(); // SIGKILL on Unix
        let output = child.wait_with_output().unwrap();
        if String::from_utf8_lossy(&output.stdout).trim() == reference {
            committed.push(reference);
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = wederhoor_store::Db::open(&db).await.unwrap();
        store
            .integrity_check()
            .await
            .expect("PRAGMA integrity_check is ok after kills");
        let list = wederhoor_store::dossiers::list(store.pool()).await.unwrap();
        for reference in &committed {
            assert!(
                list.iter().any(|d| &d.reference == reference),
                "{reference} was reported imported, so it must be there"
            );
        }
        for dossier in &list {
            let (n,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM statements WHERE dossier_id = ?")
                    .bind(dossier.id)
                    .fetch_one(store.pool())
                    .await
                    .unwrap();
            assert_eq!(
                n, 12,
                "{} is whole: all of the demo's statements or none of the dossier",
                dossier.reference
            );
        }
        let chain = wederhoor_store::audit::verify(store.pool()).await.unwrap();
        assert_eq!(chain.first_break, None, "the audit chain survives kills");
        assert_eq!(
            chain.entries,
            list.len(),
            "one audit entry per stored dossier, none for killed imports"
        );
    });
}

#[test]
fn check_suggests_the_demo_count_with_its_numbers() {
    let (_dir, db) = with_demo();
    let out = wederhoor(&db, &["check", "2019-0117"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("ten minste 10 geclaimd tegenover 2 geregistreerd"),
        "{text}"
    );
    assert!(
        text.contains("vastgelegd als \"Aantal contacten met het KCC\""),
        "the demo already records it: {text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&wederhoor(&db, &["check", "2019-0117", "--json"]).stdout).unwrap();
    assert_eq!(json["suggestions"][0]["suggestion"]["rule"], "count");
    assert_eq!(
        json["suggestions"][0]["suggestion"]["body"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "the two registered contacts"
    );
}

#[test]
fn check_json_names_what_a_check_is_about_in_dutch_words() {
    // Scripts read the checks' refs as Dutch words; the app's typed refs do not change that.
    let (dir, db) = with_demo();
    let mut file: serde_json::Value =
        serde_json::from_slice(&wederhoor(&db, &["export", "2019-0117"]).stdout).unwrap();
    file["dossier"]["reference"] = "2019-0999".into();
    file["complaint_points"][2]["verdict"] = "gegrond".into();
    let path = dir.path().join("gegrond.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let out = wederhoor(&db, &["import", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_slice(&wederhoor(&db, &["check", "2019-0999", "--json"]).stdout).unwrap();
    let check = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "verdict.gegrond_without_breach")
        .unwrap_or_else(|| panic!("gegrond without a breached norm is found: {json}"));
    assert_eq!(check["refs"], serde_json::json!(["klachtonderdeel 3"]));
}

#[test]
fn check_finds_a_letter_date_three_weeks_from_its_receipt() {
    let (dir, db) = scratch();
    let mut value: serde_json::Value =
        serde_json::from_str(wederhoor_store::demo::DEMO_JSON).unwrap();
    value["dossier"]["reference"] = "2019-0200".into();
    let statements = value["statements"].as_array_mut().unwrap();
    statements.push(serde_json::json!({ "id": "b1", "party": "p1", "kind": "claim", "date": { "on": "2019-01-07" },
        "topic": "bezwaarschrift", "channel": "letter", "text": "Verzoekster stuurde haar bezwaar op 7 januari 2019.",
        "quantity": null, "excerpts": [] }));
    statements.push(serde_json::json!({ "id": "b2", "party": "p2", "kind": "record", "date": { "on": "2019-01-28" },
        "topic": "Bezwaarschrift", "channel": "letter", "text": "Bezwaarschrift ontvangen.", "quantity": null, "excerpts": [] }));
    let file = dir.path().join("brief.json");
    std::fs::write(&file, value.to_string()).unwrap();
    assert!(wederhoor(&db, &["import", file.to_str().unwrap()])
        .status
        .success());
    let text = stdout(&wederhoor(&db, &["check", "2019-0200"]));
    assert!(text.contains("[nieuw] Datum: bezwaarschrift: verzoeker noemt 7 januari 2019, de registratie 28 januari 2019 (21 dagen verschil"), "{text}");
    let loose = stdout(&wederhoor(
        &db,
        &["check", "2019-0200", "--date-tolerance", "30"],
    ));
    assert!(
        !loose.contains("dagen verschil"),
        "a wider tolerance accepts it: {loose}"
    );
}

/// The text of a PDF as pdftotext reads it (poppler-utils, installed by `make`).
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// `wederhoor report 2019-0117 --kind KIND [--public] -o PDF`.
fn report(db: &Path, kind: &str, public: bool, pdf: &Path) -> Output {
    let pdf = pdf.to_str().unwrap();
    let mut args = vec!["report", "2019-0117", "--kind", kind, "-o", pdf];
    if public {
        args.push("--public");
    }
    wederhoor(db, &args)
}

#[test]
fn report_writes_the_public_rapport_with_pseudonyms_and_a_redaction_log() {
    let (dir, db) = with_demo();
    let pdf = dir.path().join("openbaar.pdf");
    let out = report(&db, "rapport", true, &pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&pdf), 0o600, "the exported PDF is the user's alone");
        assert_eq!(mode(&db), 0o600, "and so is the database");
    }
    assert!(
        stdout(&out).contains("Vervangen: WIJ-team Oost → het WIJ-team"),
        "the redaction log says what was replaced: {}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("concept uit het sjabloon"),
        "without a stored version the template is used, and said so"
    );
    // A second reader (poppler, not the crate the export checks with) finds no name either.
    let text = pdf_text(&pdf);
    for name in [
        "Noëlle",
        "Van den Berg",
        "Oosterhuis",
        "Daniël Kuipers",
        "WIJ-team Oost",
    ] {
        assert!(
            !text.to_lowercase().contains(&name.to_lowercase()),
            "{name} is in the public PDF"
        );
    }
    assert!(text.contains("Openbare versie") && text.contains("pagina 1 van"));
    assert!(
        text.contains("Gemeente Voorbeeldstad"),
        "an institution keeps its name in the public version (DOMAIN.md §4)"
    );
}

#[test]
fn report_refuses_an_unknown_kind_and_writes_nothing() {
    let (dir, db) = with_demo();
    let pdf = dir.path().join("x.pdf");
    let out = report(&db, "eindrapport", false, &pdf);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("onbekende soort \"eindrapport\""),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists(), "nothing half-written");
}

#[test]
fn report_of_a_verslag_is_confidential_and_gives_no_oordeel() {
    let (dir, db) = with_demo();
    let pdf = dir.path().join("verslag.pdf");
    let out = report(&db, "verslag_van_bevindingen", false, &pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&pdf);
    assert!(text.contains("Vertrouwelijk") && text.contains("Verslag van bevindingen"));
    assert!(
        !text.contains("Oordeel per klachtonderdeel"),
        "a verslag goes out before the oordeel"
    );
}

#[test]
fn a_public_rapport_that_still_names_someone_is_refused_with_the_page_and_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    assert!(wederhoor(&a, &["demo"]).status.success());
    let file = dir.path().join("demo.json");
    assert!(
        wederhoor(&a, &["export", "2019-0117", "-o", file.to_str().unwrap()])
            .status
            .success()
    );
    // A pseudonym that itself names the requester, for a witness named in the summary:
    // replacing his name puts hers in, and only the check of the rendered PDF can see it.
    let json = std::fs::read_to_string(&file)
        .unwrap()
        .replace(
            "\"pseudonym\": \"de werkcoach\"",
            "\"pseudonym\": \"de werkcoach van Noëlle\"",
        )
        .replace(
            "Pas in december regelt haar werkcoach",
            "Pas in december regelt Daniël Kuipers",
        );
    assert!(
        json.contains("de werkcoach van Noëlle") && json.contains("regelt Daniël Kuipers"),
        "the fixture edits took"
    );
    std::fs::write(&file, json).unwrap();
    assert!(wederhoor(&b, &["import", file.to_str().unwrap()])
        .status
        .success());

    let pdf = dir.path().join("openbaar.pdf");
    let out = report(&b, "rapport", true, &pdf);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let message = stderr(&out);
    assert!(
        message.contains("De openbare versie bevat nog een naam van verzoekster (N•••••)")
            && message.contains("op pagina "),
        "the refusal names whose name it is, the spelling masked, and the page: {message}"
    );
    assert!(
        !message.contains("Noëlle"),
        "the message does not repeat the name"
    );
    assert!(!pdf.exists(), "a refused public version is not written");
}

/// The same final version rendered as the app's export renders it (`render_version` with the
/// version it was asked for) and as `wederhoor report` does (the newest version of the kind):
/// one road, so one text. A final version keeps its own date on both roads.
#[test]
fn report_and_the_apps_export_give_the_same_text_for_the_same_version() {
    use wederhoor_core::vocab::ReportKind;
    use wederhoor_report::export::{render_version, StoredText, Version};
    use wederhoor_report::verify::page_texts;
    use wederhoor_store::{dossier_file, dossiers, reports, Actor, Db};

    let (dir, db) = with_demo();
    let final_day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let app_pages = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = Db::open(&db).await.unwrap();
        let actor = Actor("test".into());
        let dossier =
            dossiers::by_reference(&mut store.pool().acquire().await.unwrap(), "2019-0117")
                .await
                .unwrap();
        let text =
            "## Bevindingen\n\nNoëlle van den Berg belde het KCC van Gemeente Voorbeeldstad.\n";
        let id = reports::create_draft(
            &store,
            dossier.id,
            ReportKind::VerslagVanBevindingen,
            text,
            &actor,
        )
        .await
        .unwrap();
        reports::finalise(&store, id, final_day, &actor)
            .await
            .unwrap();
        let (_, version) = reports::version(&store, id).await.unwrap();
        let snapshot = dossier_file::snapshot(&store, "2019-0117").await.unwrap();
        let stored = StoredText {
            markdown: &version.markdown,
            date: version.date.as_deref(),
        };
        let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        let rendered = render_version(
            &snapshot,
            version.kind,
            Some(stored),
            today,
            Version::Public,
            &wederhoor_report::public::Allowed::default(),
            &mut |_| {},
        )
        .unwrap();
        store.close().await;
        page_texts(&rendered.exported.pdf).unwrap()
    });
    let pdf = dir.path().join("verslag.pdf");
    let out = report(&db, "verslag_van_bevindingen", true, &pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    let cli_pages = page_texts(&std::fs::read(&pdf).unwrap()).unwrap();
    assert_eq!(cli_pages, app_pages, "both roads give the same pages");
    let all = cli_pages.concat();
    assert!(
        all.contains("30 november 2026"),
        "the final version's own date, not today's"
    );
    assert!(
        all.contains("verzoekster") && !all.contains("Noëlle"),
        "and it is the public version"
    );
}
