//! The library-search benchmark (DESIGN.md §4: search across the whole library, 1,000,000
//! statements in 1,000 dossiers, p95 ≤ 10 ms). The library: 1,000 dossiers, each with 900
//! statements written in one run of ids (as a register import writes them) and 100 more added
//! one by one across all dossiers afterwards (as statements made by hand are), the newest
//! first in the index; 20 sources a dossier added in turn across the dossiers; a verslag and
//! a rapport a dossier. The statements' texts are those of the dossier search benchmark (a
//! word of ten in each, a rare number each), so the two figures compare. Measured: 200
//! searches in four kinds, as an investigator types them, store → `LibraryGroup`s. The anchor,
//! in the same run on the same database: one plain FTS5 query for the same words over the
//! statements alone, the newest hundred, without grouping or snippets.

use crate::Failure;
use std::path::Path;
use std::time::{Duration, Instant};
use wederhoor_store::{search, Db};

/// Dossiers in the generated library.
pub const DOSSIERS: i64 = 1_000;

/// Statements in it.
pub const STATEMENTS: i64 = 1_000_000;

/// Statements a dossier gets in one run of ids; the rest come one by one across dossiers.
const RUN: i64 = 900;

/// Sources a dossier gets, added in turn across the dossiers.
const SOURCES: i64 = 20;

/// The words of the statements (one in ten has each), as in the dossier search benchmark.
const WORDS: [&str; 10] = super::SEARCH_WORDS;

/// The kinds of search measured, 50 each.
const KINDS: [&str; 4] = [
    "veelvoorkomend woord (in 1 op 10 lezingen)",
    "zeldzaam getal (in één lezing)",
    "woord en getal",
    "begin van een woord tijdens het typen (3–8 letters)",
];

/// The search of kind `kind` number `q`.
fn query(kind: usize, q: u64) -> String {
    let word = WORDS[(q % 10) as usize];
    let number = q * 7919 % 1_000_003;
    match kind {
        0 => word.to_string(),
        1 => number.to_string(),
        2 => format!("{word} {number}"),
        _ => word.chars().take(3 + (q / 10 % 6) as usize).collect(),
    }
}

/// (p50, p95) of some times.
fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

/// Builds the library in `dir` and measures: the Markdown rows for the table, and a note.
pub async fn run(dir: &Path) -> Result<(Vec<String>, String), Failure> {
    let db = Db::open(&dir.join("library.db")).await?;
    build(&db).await?;
    let mut all = Vec::new();
    let mut anchors = Vec::new();
    let mut per_kind = Vec::new();
    let mut groups = 0;
    for (kind, _) in KINDS.iter().enumerate() {
        let (mut times, mut anchor) = (Vec::new(), Vec::new());
        for q in 0..50u64 {
            let typed = query(kind, q);
            let start = Instant::now();
            groups += search::library(&db, &typed).await?.len();
            times.push(start.elapsed());
            let fts = search::fts_query(&typed).ok_or("een zoekvraag zonder woorden")?;
            let start = Instant::now();
            let rows: Vec<(i64,)> = sqlx::query_as(
                "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT 100",
            )
            .bind(&fts)
            .fetch_all(db.pool())
            .await?;
            anchor.push(start.elapsed());
            std::hint::black_box(rows);
        }
        all.extend(times.iter().copied());
        anchors.extend(anchor.iter().copied());
        per_kind.push((percentiles(times), percentiles(anchor)));
    }
    db.close().await;
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let ((p50, p95), (_, anchor95)) = (percentiles(all), percentiles(anchors));
    let mut rows = vec![format!(
        "| Zoeken in de hele bibliotheek: {STATEMENTS} lezingen in {DOSSIERS} dossiers, plus {} stukken en {} rapportversies (200 zoekvragen, p50 {}; gemiddeld {:.1} dossiers per antwoord) | p95 {} | één FTS5-zoekvraag naar de nieuwste 100 lezingen: p95 {} | {:.2}x | p95 ≤ 10 ms |",
        DOSSIERS * SOURCES,
        DOSSIERS * 2,
        ms(p50),
        groups as f64 / 200.0,
        ms(p95),
        ms(anchor95),
        p95.as_secs_f64() / anchor95.as_secs_f64()
    )];
    for (name, ((p50, p95), (_, anchor95))) in KINDS.iter().zip(per_kind) {
        rows.push(format!(
            "| … {name} (p50 {}) | p95 {} | p95 {} | — | — |",
            ms(p50),
            ms(p95),
            ms(anchor95)
        ));
    }
    let note = "Bibliotheek: per dossier 900 lezingen in één reeks (zoals een registratie-import ze schrijft) en 100 die daarna één voor één over alle dossiers verspreid zijn toegevoegd (zoals met de hand gemaakte lezingen); 20 stukken per dossier, om en om over de dossiers toegevoegd; een verslag en een rapport per dossier. Elk antwoord geeft ten hoogste 20 dossiers, het nieuwste eerst, met elk ten hoogste 5 passages (eerst stukken, dan lezingen, dan rapporten, elk het nieuwste eerst) en of er meer is; de knipsels worden uit de teksten zelf gemaakt. Het begin van een woord loopt van 3 tot 8 letters (\"pos\" tot \"postadre\"), zoals tijdens het typen. Het anker is één kale FTS5-zoekvraag over alleen de lezingen: wat de index zelf kost, zonder groeperen per dossier, knipsels, stukken en rapporten; voor een begin van meer dan drie letters is dat SQLite's eigen prefix-zoeken, dat de bibliotheekzoekfunctie juist vermijdt.".to_string();
    Ok((rows, note))
}

/// Writes the library: dossiers and parties in SQL, the statements through the search backlog
/// (as a bulk import is indexed), sources and reports through their triggers.
async fn build(db: &Db) -> Result<(), Failure> {
    let words = serde_json::to_string(&WORDS)?;
    let last = DOSSIERS - 1;
    let runs = DOSSIERS * RUN;
    let mut tx = db.pool().begin().await?;
    let steps = [
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO dossiers (id, reference, title, ombudsman, bodies, received_on, status, keywords, created_at, updated_at)
             SELECT i + 1, printf('L%04d', i), 'Klacht ' || i, 'Ombudsman', '[\"Gemeente\"]',
                    date('2021-01-01', '+' || i || ' days'), 'investigation', '[]',
                    '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
             FROM n"
        ),
        "INSERT INTO parties (dossier_id, role, name, pseudonym, public_name)
         SELECT id, 'body', 'Gemeente ' || (id % 40), 'de gemeente', 1 FROM dossiers"
            .to_string(),
        format!(
            "INSERT INTO search_backlog (kind, first_id, last_id) VALUES ('statement', 1, {STATEMENTS})"
        ),
        // Statement i: in the run of dossier i / RUN, or after all runs in dossier i % DOSSIERS.
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {STATEMENTS} - 1),
                  w(k, word) AS (SELECT key, value FROM json_each('{words}'))
             INSERT INTO statements (id, dossier_id, party_id, kind, date_kind, date_a, span_start, span_end, topic, channel, text)
             SELECT i + 1, p.dossier_id, p.id, 'record', 'on', '2018-10-02', '2018-10-02', '2018-10-02', w.word, 'phone',
                    'Klantvraag ' || i || ' over ' || w.word || ', dossiernummer ' || (i * 7919 % 1000003) || ', doorverwezen naar de vakafdeling'
             FROM n JOIN w ON w.k = i % 10
                    JOIN parties p ON p.dossier_id = 1 + CASE WHEN i < {runs} THEN i / {RUN} ELSE i % {DOSSIERS} END"
        ),
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {DOSSIERS} * {SOURCES} - 1),
                  w(k, word) AS (SELECT key, value FROM json_each('{words}'))
             INSERT INTO sources (dossier_id, kind, title, text, added_at)
             SELECT 1 + i % {DOSSIERS}, 'phone_note', 'Telefoonnotitie ' || i,
                    'Verzoeker belde op dag ' || i || ' over ' || w.word || '. Afgesproken is dat de afdeling binnen twee weken terugbelt; het dossiernummer is ' || (i * 104729 % 1000003) || '.',
                    '2025-01-01T00:00:00Z'
             FROM n JOIN w ON w.k = i % 10"
        ),
        format!(
            "WITH k(kind) AS (VALUES ('verslag_van_bevindingen'), ('rapport')),
                  w(k, word) AS (SELECT key, value FROM json_each('{words}'))
             INSERT INTO reports (dossier_id, kind, status, date, markdown, created_at, updated_at)
             SELECT d.id, k.kind, 'draft', NULL,
                    '## Bevindingen' || char(10) || char(10) || 'Verzoeker klaagt over de behandeling van zijn vraag over ' || w.word
                    || '. ' || replace(hex(zeroblob(40)), '00', 'De gemeente heeft de termijn niet gehaald en de brief niet beantwoord. '),
                    '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
             FROM dossiers d, k JOIN w ON w.k = d.id % 10"
        ),
    ];
    for sql in &steps {
        sqlx::query(sql).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    search::index_backlog(db).await?;
    Ok(())
}
