//! The signals benchmark (DESIGN.md §4: signals over 10,000 dossiers ≤ 100 ms): a library of
//! 10,000 dossiers spread over five years, each with a body (a third with a partner acting
//! for it), three complaint points with verdicts, judgements on current and older norms and
//! trefwoorden. Measured: the counts of all years and of one year (store → `Signals`, as the
//! Signalen screen gets them) and the dossier list with its filter facets. The anchor, in the
//! same run on the same database: the four plain queries that read those rows, without any
//! counting, so the figure shows what the counting adds to reading.

use super::RUNS;
use crate::Failure;
use std::path::Path;
use std::time::{Duration, Instant};
use wederhoor_core::wire::SignalPeriod;
use wederhoor_store::{procedure, signals, Db};

/// Dossiers in the generated library.
pub const DOSSIERS: i64 = 10_000;

/// What one run measured.
pub struct Figures {
    /// All years ([`RUNS`] runs).
    pub all: Vec<Duration>,
    /// One year (2024).
    pub year: Vec<Duration>,
    /// The dossier list (terms and facets).
    pub list: Vec<Duration>,
    /// Of all years: reading the facts.
    pub read: Vec<Duration>,
    /// Of all years: counting them.
    pub count: Vec<Duration>,
    /// The anchor: reading the same rows.
    pub anchor: Vec<Duration>,
    /// Complaint points counted in all years (a check that the library is what it says).
    pub points: u32,
}

/// Builds the library in `dir` and measures.
pub async fn run(dir: &Path) -> Result<Figures, Failure> {
    let db = Db::open(&dir.join("signals.db")).await?;
    build(&db).await?;
    let mut f = Figures {
        all: Vec::new(),
        year: Vec::new(),
        list: Vec::new(),
        read: Vec::new(),
        count: Vec::new(),
        anchor: Vec::new(),
        points: 0,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("a day");
    // One warm-up of each, so the page cache is the same for all.
    signals::signals(&db, &SignalPeriod::default()).await?;
    anchor(&db).await?;
    for _ in 0..RUNS {
        let start = Instant::now();
        let all = signals::signals(&db, &SignalPeriod::default()).await?;
        f.all.push(start.elapsed());
        f.points = all.points;
        let start = Instant::now();
        signals::signals(&db, &SignalPeriod::year(2024)).await?;
        f.year.push(start.elapsed());
        let start = Instant::now();
        procedure::rows(&db, today).await?;
        f.list.push(start.elapsed());
        let start = Instant::now();
        anchor(&db).await?;
        f.anchor.push(start.elapsed());
        let start = Instant::now();
        let facts = signals::facts(&db).await?;
        f.read.push(start.elapsed());
        let start = Instant::now();
        std::hint::black_box(wederhoor_core::signals::count(
            &facts,
            &SignalPeriod::default(),
        ));
        f.count.push(start.elapsed());
    }
    db.close().await;
    Ok(f)
}

/// The rows the counting reads, read and thrown away.
async fn anchor(db: &Db) -> Result<(), Failure> {
    let pool = db.pool();
    let a: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, received_on, keywords FROM dossiers")
            .fetch_all(pool)
            .await?;
    let b: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT dossier_id, id, role, name FROM parties WHERE role = 'body' OR acts_for IS NOT NULL",
    )
    .fetch_all(pool)
    .await?;
    let c: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT dossier_id, id, verdict FROM complaint_points")
            .fetch_all(pool)
            .await?;
    let d: Vec<(i64, String)> = sqlx::query_as(
        "SELECT complaint_point_id, norm FROM judgements WHERE outcome = 'niet_behoorlijk'",
    )
    .fetch_all(pool)
    .await?;
    std::hint::black_box((a, b, c, d));
    Ok(())
}

/// Writes the library in one transaction of set-based inserts.
async fn build(db: &Db) -> Result<(), Failure> {
    let mut tx = db.pool().begin().await?;
    let n = DOSSIERS - 1;
    let steps = [
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {n})
             INSERT INTO dossiers (id, reference, title, ombudsman, bodies, received_on, status, keywords, created_at, updated_at)
             SELECT i + 1, printf('B%05d', i), 'Klacht ' || i, 'Ombudsman', '[]',
                    date('2021-01-01', '+' || (i * 7 % 1826) || ' days'), 'reported',
                    json_array(CASE i % 4 WHEN 0 THEN 'bijstand' WHEN 1 THEN 'parkeren' WHEN 2 THEN 'afval' ELSE 'wmo' END,
                               CASE i % 3 WHEN 0 THEN 'bereikbaarheid' WHEN 1 THEN 'bejegening' ELSE 'termijn' END),
                    '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
             FROM n"
        ),
        // A requester (a person: never counted), a body of one of forty municipalities, and
        // for a third of the dossiers a partner acting for it.
        "INSERT INTO parties (dossier_id, role, name, pseudonym)
         SELECT id, 'requester', 'Verzoeker ' || id, 'verzoeker' FROM dossiers".to_string(),
        "INSERT INTO parties (dossier_id, role, name, pseudonym, public_name)
         SELECT id, 'body', 'Gemeente ' || (id % 40), 'de gemeente', 1 FROM dossiers".to_string(),
        "INSERT INTO parties (dossier_id, role, name, pseudonym, acts_for)
         SELECT p.dossier_id, 'third_party', 'Wijkteam ' || (p.dossier_id % 7), 'het wijkteam', p.id
         FROM parties p WHERE p.role = 'body' AND p.dossier_id % 3 = 0".to_string(),
        "WITH k(number) AS (VALUES (1), (2), (3))
         INSERT INTO complaint_points (dossier_id, number, text, verdict)
         SELECT d.id, k.number, 'Klachtonderdeel ' || k.number,
                CASE (d.id + k.number) % 5 WHEN 0 THEN 'gegrond' WHEN 1 THEN 'niet_gegrond'
                     WHEN 2 THEN 'deels_gegrond' WHEN 3 THEN 'geen_oordeel' ELSE 'open' END
         FROM dossiers d, k".to_string(),
        "INSERT INTO judgements (complaint_point_id, norm, outcome)
         SELECT id,
                CASE id % 6 WHEN 0 THEN 'voortvarendheid' WHEN 1 THEN 'goede-organisatie'
                     WHEN 2 THEN 'goede-informatieverstrekking' WHEN 3 THEN 'klassiek/voortvarendheid'
                     WHEN 4 THEN 'klassiek/hoor-en-wederhoor' ELSE 'fatsoenlijke-bejegening' END,
                CASE WHEN verdict IN ('gegrond', 'deels_gegrond') THEN 'niet_behoorlijk' ELSE 'behoorlijk' END
         FROM complaint_points".to_string(),
    ];
    for sql in &steps {
        sqlx::query(sql).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}
