-- The whole domain model of DESIGN.md §2. Vocabulary columns carry CHECK constraints with the
-- codes of INTERFACES.md §1; lists of short strings (bodies, keywords, aliases) are JSON arrays.
-- Rows keep their insertion order (rowid), which is the order the UI and the dossier file use.

CREATE TABLE dossiers (
    id          INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    ombudsman   TEXT NOT NULL DEFAULT '',
    bodies      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(bodies)),
    received_on TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('intake','intervention','investigation','findings_sent','reported','closed')),
    keywords    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
    summary     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE parties (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('requester','body','official','representative','witness','third_party')),
    name       TEXT NOT NULL,
    pseudonym  TEXT NOT NULL,
    aliases    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases))
);
CREATE INDEX parties_dossier ON parties(dossier_id);

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('letter','email','phone_note','register','interview','decision','recording','policy','other')),
    title       TEXT NOT NULL,
    supplied_by INTEGER REFERENCES parties(id) ON DELETE SET NULL,
    received_on TEXT,
    file_name   TEXT,
    media_type  TEXT,
    sha256      TEXT,
    content     BLOB,
    text        TEXT,
    added_at    TEXT NOT NULL,
    CHECK ((content IS NULL) = (sha256 IS NULL))
);
CREATE INDEX sources_dossier ON sources(dossier_id);
CREATE INDEX sources_sha256 ON sources(dossier_id, sha256);

CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    dossier_id        INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    party_id          INTEGER NOT NULL REFERENCES parties(id),
    kind              TEXT NOT NULL CHECK (kind IN ('claim','record')),
    -- fuzzy date: 'on' (date_a = day or day+time), 'month' (date_a = YYYY-MM), 'range' (date_a..date_b)
    date_kind         TEXT CHECK (date_kind IN ('on','month','range')),
    date_a            TEXT,
    date_b            TEXT,
    -- first and last day the date can mean, for ordering on the time axis
    span_start        TEXT,
    span_end          TEXT,
    topic             TEXT,
    channel           TEXT CHECK (channel IN ('phone','email','letter','counter','visit','portal','other')),
    text              TEXT NOT NULL,
    quantity_at_least INTEGER CHECK (quantity_at_least >= 0),
    quantity_unit     TEXT,
    CHECK ((date_kind IS NULL) = (date_a IS NULL)),
    CHECK ((date_kind = 'range') = (date_b IS NOT NULL)),
    CHECK ((quantity_at_least IS NULL) = (quantity_unit IS NULL))
);
CREATE INDEX statements_dossier ON statements(dossier_id, span_start);

CREATE TABLE excerpts (
    id           INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    quote        TEXT NOT NULL,
    page         INTEGER,
    start_offset INTEGER,
    end_offset   INTEGER
);
CREATE INDEX excerpts_statement ON excerpts(statement_id);
CREATE INDEX excerpts_source ON excerpts(source_id);

CREATE TABLE complaint_points (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL CHECK (number > 0),
    text       TEXT NOT NULL,
    verdict    TEXT NOT NULL DEFAULT 'open' CHECK (verdict IN ('open','gegrond','niet_gegrond','deels_gegrond','geen_oordeel')),
    UNIQUE (dossier_id, number)
);

CREATE TABLE judgements (
    id                 INTEGER PRIMARY KEY,
    complaint_point_id INTEGER NOT NULL REFERENCES complaint_points(id) ON DELETE CASCADE,
    norm               TEXT NOT NULL,
    outcome            TEXT NOT NULL CHECK (outcome IN ('behoorlijk','niet_behoorlijk','geen_oordeel')),
    considerations     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX judgements_point ON judgements(complaint_point_id);

CREATE TABLE conflicts (
    id                 INTEGER PRIMARY KEY,
    dossier_id         INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    title              TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('count','date','occurrence','content','conduct')),
    complaint_point_id INTEGER REFERENCES complaint_points(id) ON DELETE SET NULL,
    both_sides_heard   INTEGER NOT NULL DEFAULT 0 CHECK (both_sides_heard IN (0, 1)),
    resolution         TEXT NOT NULL DEFAULT 'open' CHECK (resolution IN ('open','citizen_version_established','body_version_established','not_establishable','not_material')),
    reasoning          TEXT NOT NULL DEFAULT '',
    -- DOMAIN.md §5b: no "geen oordeel" before each side has seen the other's version
    CHECK (resolution <> 'not_establishable' OR both_sides_heard = 1)
);
CREATE INDEX conflicts_dossier ON conflicts(dossier_id);

CREATE TABLE conflict_statements (
    conflict_id  INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    side         TEXT NOT NULL CHECK (side IN ('citizen','body')),
    PRIMARY KEY (conflict_id, statement_id)
);

CREATE TABLE recommendations (
    id                 INTEGER PRIMARY KEY,
    dossier_id         INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    complaint_point_id INTEGER REFERENCES complaint_points(id) ON DELETE SET NULL,
    text               TEXT NOT NULL,
    response           TEXT
);

CREATE TABLE reactions (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    party_id    INTEGER NOT NULL REFERENCES parties(id),
    received_on TEXT NOT NULL,
    on_report   TEXT CHECK (on_report IN ('verslag_van_bevindingen','rapport','rapportbrief')),
    text        TEXT NOT NULL
);

CREATE TABLE reaction_contests (
    reaction_id  INTEGER NOT NULL REFERENCES reactions(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    PRIMARY KEY (reaction_id, statement_id)
);

CREATE TABLE reports (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('verslag_van_bevindingen','rapport','rapportbrief')),
    status     TEXT NOT NULL CHECK (status IN ('draft','final')),
    date       TEXT,
    markdown   TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX reports_dossier ON reports(dossier_id, kind);

-- Append-only, hash-chained log of every change: hash = SHA-256(prev_hash || entry fields).
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    dossier   TEXT,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
);
