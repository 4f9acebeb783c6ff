-- What `wederhoor-dossier/2` adds (INTERFACES.md §1a), and the record of changes that makes
-- every edit in a dossier undoable ("Ongedaan maken" / "Opnieuw").

-- 1. Version 2 of the dossier file.
ALTER TABLE dossiers ADD COLUMN kenbaarheid TEXT NOT NULL DEFAULT 'required'
    CHECK (kenbaarheid = 'required' OR kenbaarheid = 'not_required');
ALTER TABLE dossiers ADD COLUMN advisory_committee INTEGER NOT NULL DEFAULT 0
    CHECK (advisory_committee IN (0, 1));

-- Institutions keep their names in the public version, persons never (DOMAIN.md §4).
ALTER TABLE parties ADD COLUMN public_name INTEGER NOT NULL DEFAULT 0 CHECK (public_name IN (0, 1));
UPDATE parties SET public_name = 1 WHERE role = 'body';
-- A partner that carries out a task for a body (the WIJ-team for the municipality).
ALTER TABLE parties ADD COLUMN acts_for INTEGER REFERENCES parties(id);

ALTER TABLE sources ADD COLUMN attached_to INTEGER REFERENCES sources(id);
ALTER TABLE sources ADD COLUMN text_origin TEXT
    CHECK (text_origin = 'extracted' OR text_origin = 'ocr' OR text_origin = 'typed');
UPDATE sources SET text_origin = 'extracted' WHERE text IS NOT NULL;

-- The document a reaction came in (a letter, an e-mail among the sources), if registered.
ALTER TABLE reactions ADD COLUMN source_id INTEGER REFERENCES sources(id);

-- The procedure (Awb chapter 9): one row per step, see INTERFACES.md §1a `events`.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('internal_complaint_filed','internal_complaint_acknowledged',
                   'internal_complaint_extended','internal_complaint_decided','request_received',
                   'request_acknowledged','admissibility_decided','information_requested','hearing',
                   'findings_sent','report_sent','promise','closed','other')),
    on_day     TEXT NOT NULL,
    party_id   INTEGER REFERENCES parties(id),
    due_on     TEXT,
    done_on    TEXT,
    weeks      INTEGER CHECK (weeks IS NULL OR (weeks BETWEEN 1 AND 4)),
    source_id  INTEGER REFERENCES sources(id),
    text       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_dossier ON events(dossier_id, on_day);

-- Report kinds gain the procedure letters. A CHECK cannot change in place, so the table is
-- made again; nothing refers to it, its rows keep their ids.
DROP TRIGGER reports_final_is_frozen;
CREATE TABLE reports_rebuilt (
    id                INTEGER PRIMARY KEY,
    dossier_id        INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind              TEXT NOT NULL CHECK (kind IN ('verslag_van_bevindingen','rapport','rapportbrief',
                          'letter_acknowledgement','letter_information_request','letter_findings','letter_report')),
    status            TEXT NOT NULL CHECK (status IN ('draft','final')),
    date              TEXT,
    markdown          TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT,
    based_on_audit_id INTEGER
);
INSERT INTO reports_rebuilt (id, dossier_id, kind, status, date, markdown, created_at, updated_at, based_on_audit_id)
SELECT id, dossier_id, kind, status, date, markdown, created_at, updated_at, based_on_audit_id FROM reports;
DROP TABLE reports;
ALTER TABLE reports_rebuilt RENAME TO reports;
CREATE INDEX reports_dossier ON reports(dossier_id, kind);
CREATE TRIGGER reports_final_is_frozen
BEFORE UPDATE ON reports
WHEN OLD.status = 'final'
BEGIN
    SELECT RAISE(ABORT, 'report version is final and frozen');
END;

-- 2. Changes: each edit of a dossier is one row of `changes`; the triggers below write the
-- rows it touched into `change_rows`, before (`old`) and after (`new`) as JSON objects of
-- their columns, while a row of `change_recording` names the change being made. Undo writes
-- the `old` images back in reverse order, redo the `new` ones in order (store::changes).
-- Writes without a recording change (imports, migrations) leave no rows here.
CREATE TABLE changes (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
CREATE INDEX changes_dossier ON changes(dossier_id, undone, id);

CREATE TABLE change_rows (
    id        INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    old       TEXT,
    new       TEXT,
    CHECK (old IS NOT NULL OR new IS NOT NULL)
);
CREATE INDEX change_rows_change ON change_rows(change_id, id);

CREATE TABLE change_recording (
    change_id INTEGER NOT NULL
);

-- The triggers: three per table a dossier is made of. Every column is in the image (a test
-- holds them equal to the table's columns); a migration that adds a column makes its table's
-- triggers again. Blobs are written as hex.
CREATE TRIGGER dossiers_change_insert AFTER INSERT ON dossiers
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dossiers', NEW.rowid,
        NULL,
        json_object('reference', NEW.reference, 'title', NEW.title, 'ombudsman', NEW.ombudsman, 'bodies', NEW.bodies, 'received_on', NEW.received_on, 'status', NEW.status, 'keywords', NEW.keywords, 'summary', NEW.summary, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'kenbaarheid', NEW.kenbaarheid, 'advisory_committee', NEW.advisory_committee)
    FROM change_recording;
END;
CREATE TRIGGER dossiers_change_update AFTER UPDATE ON dossiers
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dossiers', NEW.rowid,
        json_object('reference', OLD.reference, 'title', OLD.title, 'ombudsman', OLD.ombudsman, 'bodies', OLD.bodies, 'received_on', OLD.received_on, 'status', OLD.status, 'keywords', OLD.keywords, 'summary', OLD.summary, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'kenbaarheid', OLD.kenbaarheid, 'advisory_committee', OLD.advisory_committee),
        json_object('reference', NEW.reference, 'title', NEW.title, 'ombudsman', NEW.ombudsman, 'bodies', NEW.bodies, 'received_on', NEW.received_on, 'status', NEW.status, 'keywords', NEW.keywords, 'summary', NEW.summary, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'kenbaarheid', NEW.kenbaarheid, 'advisory_committee', NEW.advisory_committee)
    FROM change_recording;
END;
CREATE TRIGGER dossiers_change_delete AFTER DELETE ON dossiers
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dossiers', OLD.rowid,
        json_object('reference', OLD.reference, 'title', OLD.title, 'ombudsman', OLD.ombudsman, 'bodies', OLD.bodies, 'received_on', OLD.received_on, 'status', OLD.status, 'keywords', OLD.keywords, 'summary', OLD.summary, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'kenbaarheid', OLD.kenbaarheid, 'advisory_committee', OLD.advisory_committee),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER parties_change_insert AFTER INSERT ON parties
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'parties', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'role', NEW.role, 'name', NEW.name, 'pseudonym', NEW.pseudonym, 'aliases', NEW.aliases, 'public_name', NEW.public_name, 'acts_for', NEW.acts_for)
    FROM change_recording;
END;
CREATE TRIGGER parties_change_update AFTER UPDATE ON parties
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'parties', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'role', OLD.role, 'name', OLD.name, 'pseudonym', OLD.pseudonym, 'aliases', OLD.aliases, 'public_name', OLD.public_name, 'acts_for', OLD.acts_for),
        json_object('dossier_id', NEW.dossier_id, 'role', NEW.role, 'name', NEW.name, 'pseudonym', NEW.pseudonym, 'aliases', NEW.aliases, 'public_name', NEW.public_name, 'acts_for', NEW.acts_for)
    FROM change_recording;
END;
CREATE TRIGGER parties_change_delete AFTER DELETE ON parties
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'parties', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'role', OLD.role, 'name', OLD.name, 'pseudonym', OLD.pseudonym, 'aliases', OLD.aliases, 'public_name', OLD.public_name, 'acts_for', OLD.acts_for),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER sources_change_insert AFTER INSERT ON sources
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'sources', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'kind', NEW.kind, 'title', NEW.title, 'supplied_by', NEW.supplied_by, 'received_on', NEW.received_on, 'file_name', NEW.file_name, 'media_type', NEW.media_type, 'sha256', NEW.sha256, 'content', CASE WHEN NEW.content IS NULL THEN NULL ELSE hex(NEW.content) END, 'text', NEW.text, 'added_at', NEW.added_at, 'size', NEW.size, 'attached_to', NEW.attached_to, 'text_origin', NEW.text_origin)
    FROM change_recording;
END;
CREATE TRIGGER sources_change_update AFTER UPDATE ON sources
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'sources', NEW.rowid,
        json_remove(json_remove(json_object('dossier_id', OLD.dossier_id, 'kind', OLD.kind, 'title', OLD.title, 'supplied_by', OLD.supplied_by, 'received_on', OLD.received_on, 'file_name', OLD.file_name, 'media_type', OLD.media_type, 'sha256', OLD.sha256, 'content', CASE WHEN OLD.content IS NULL THEN NULL ELSE hex(OLD.content) END, 'text', OLD.text, 'added_at', OLD.added_at, 'size', OLD.size, 'attached_to', OLD.attached_to, 'text_origin', OLD.text_origin), CASE WHEN OLD.content IS NEW.content THEN '$.content' ELSE '$.unchanged' END), CASE WHEN OLD.text IS NEW.text THEN '$.text' ELSE '$.unchanged' END),
        json_remove(json_remove(json_object('dossier_id', NEW.dossier_id, 'kind', NEW.kind, 'title', NEW.title, 'supplied_by', NEW.supplied_by, 'received_on', NEW.received_on, 'file_name', NEW.file_name, 'media_type', NEW.media_type, 'sha256', NEW.sha256, 'content', CASE WHEN NEW.content IS NULL THEN NULL ELSE hex(NEW.content) END, 'text', NEW.text, 'added_at', NEW.added_at, 'size', NEW.size, 'attached_to', NEW.attached_to, 'text_origin', NEW.text_origin), CASE WHEN OLD.content IS NEW.content THEN '$.content' ELSE '$.unchanged' END), CASE WHEN OLD.text IS NEW.text THEN '$.text' ELSE '$.unchanged' END)
    FROM change_recording;
END;
CREATE TRIGGER sources_change_delete AFTER DELETE ON sources
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'sources', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'kind', OLD.kind, 'title', OLD.title, 'supplied_by', OLD.supplied_by, 'received_on', OLD.received_on, 'file_name', OLD.file_name, 'media_type', OLD.media_type, 'sha256', OLD.sha256, 'content', CASE WHEN OLD.content IS NULL THEN NULL ELSE hex(OLD.content) END, 'text', OLD.text, 'added_at', OLD.added_at, 'size', OLD.size, 'attached_to', OLD.attached_to, 'text_origin', OLD.text_origin),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER statements_change_insert AFTER INSERT ON statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'statements', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'party_id', NEW.party_id, 'kind', NEW.kind, 'date_kind', NEW.date_kind, 'date_a', NEW.date_a, 'date_b', NEW.date_b, 'span_start', NEW.span_start, 'span_end', NEW.span_end, 'topic', NEW.topic, 'channel', NEW.channel, 'text', NEW.text, 'quantity_at_least', NEW.quantity_at_least, 'quantity_unit', NEW.quantity_unit)
    FROM change_recording;
END;
CREATE TRIGGER statements_change_update AFTER UPDATE ON statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'statements', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'party_id', OLD.party_id, 'kind', OLD.kind, 'date_kind', OLD.date_kind, 'date_a', OLD.date_a, 'date_b', OLD.date_b, 'span_start', OLD.span_start, 'span_end', OLD.span_end, 'topic', OLD.topic, 'channel', OLD.channel, 'text', OLD.text, 'quantity_at_least', OLD.quantity_at_least, 'quantity_unit', OLD.quantity_unit),
        json_object('dossier_id', NEW.dossier_id, 'party_id', NEW.party_id, 'kind', NEW.kind, 'date_kind', NEW.date_kind, 'date_a', NEW.date_a, 'date_b', NEW.date_b, 'span_start', NEW.span_start, 'span_end', NEW.span_end, 'topic', NEW.topic, 'channel', NEW.channel, 'text', NEW.text, 'quantity_at_least', NEW.quantity_at_least, 'quantity_unit', NEW.quantity_unit)
    FROM change_recording;
END;
CREATE TRIGGER statements_change_delete AFTER DELETE ON statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'statements', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'party_id', OLD.party_id, 'kind', OLD.kind, 'date_kind', OLD.date_kind, 'date_a', OLD.date_a, 'date_b', OLD.date_b, 'span_start', OLD.span_start, 'span_end', OLD.span_end, 'topic', OLD.topic, 'channel', OLD.channel, 'text', OLD.text, 'quantity_at_least', OLD.quantity_at_least, 'quantity_unit', OLD.quantity_unit),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER excerpts_change_insert AFTER INSERT ON excerpts
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'excerpts', NEW.rowid,
        NULL,
        json_object('statement_id', NEW.statement_id, 'source_id', NEW.source_id, 'quote', NEW.quote, 'page', NEW.page, 'start_offset', NEW.start_offset, 'end_offset', NEW.end_offset)
    FROM change_recording;
END;
CREATE TRIGGER excerpts_change_update AFTER UPDATE ON excerpts
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'excerpts', NEW.rowid,
        json_object('statement_id', OLD.statement_id, 'source_id', OLD.source_id, 'quote', OLD.quote, 'page', OLD.page, 'start_offset', OLD.start_offset, 'end_offset', OLD.end_offset),
        json_object('statement_id', NEW.statement_id, 'source_id', NEW.source_id, 'quote', NEW.quote, 'page', NEW.page, 'start_offset', NEW.start_offset, 'end_offset', NEW.end_offset)
    FROM change_recording;
END;
CREATE TRIGGER excerpts_change_delete AFTER DELETE ON excerpts
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'excerpts', OLD.rowid,
        json_object('statement_id', OLD.statement_id, 'source_id', OLD.source_id, 'quote', OLD.quote, 'page', OLD.page, 'start_offset', OLD.start_offset, 'end_offset', OLD.end_offset),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER complaint_points_change_insert AFTER INSERT ON complaint_points
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'complaint_points', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'number', NEW.number, 'text', NEW.text, 'verdict', NEW.verdict)
    FROM change_recording;
END;
CREATE TRIGGER complaint_points_change_update AFTER UPDATE ON complaint_points
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'complaint_points', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'number', OLD.number, 'text', OLD.text, 'verdict', OLD.verdict),
        json_object('dossier_id', NEW.dossier_id, 'number', NEW.number, 'text', NEW.text, 'verdict', NEW.verdict)
    FROM change_recording;
END;
CREATE TRIGGER complaint_points_change_delete AFTER DELETE ON complaint_points
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'complaint_points', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'number', OLD.number, 'text', OLD.text, 'verdict', OLD.verdict),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER judgements_change_insert AFTER INSERT ON judgements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'judgements', NEW.rowid,
        NULL,
        json_object('complaint_point_id', NEW.complaint_point_id, 'norm', NEW.norm, 'outcome', NEW.outcome, 'considerations', NEW.considerations)
    FROM change_recording;
END;
CREATE TRIGGER judgements_change_update AFTER UPDATE ON judgements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'judgements', NEW.rowid,
        json_object('complaint_point_id', OLD.complaint_point_id, 'norm', OLD.norm, 'outcome', OLD.outcome, 'considerations', OLD.considerations),
        json_object('complaint_point_id', NEW.complaint_point_id, 'norm', NEW.norm, 'outcome', NEW.outcome, 'considerations', NEW.considerations)
    FROM change_recording;
END;
CREATE TRIGGER judgements_change_delete AFTER DELETE ON judgements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'judgements', OLD.rowid,
        json_object('complaint_point_id', OLD.complaint_point_id, 'norm', OLD.norm, 'outcome', OLD.outcome, 'considerations', OLD.considerations),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER conflicts_change_insert AFTER INSERT ON conflicts
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflicts', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'title', NEW.title, 'kind', NEW.kind, 'complaint_point_id', NEW.complaint_point_id, 'both_sides_heard', NEW.both_sides_heard, 'resolution', NEW.resolution, 'reasoning', NEW.reasoning)
    FROM change_recording;
END;
CREATE TRIGGER conflicts_change_update AFTER UPDATE ON conflicts
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflicts', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'title', OLD.title, 'kind', OLD.kind, 'complaint_point_id', OLD.complaint_point_id, 'both_sides_heard', OLD.both_sides_heard, 'resolution', OLD.resolution, 'reasoning', OLD.reasoning),
        json_object('dossier_id', NEW.dossier_id, 'title', NEW.title, 'kind', NEW.kind, 'complaint_point_id', NEW.complaint_point_id, 'both_sides_heard', NEW.both_sides_heard, 'resolution', NEW.resolution, 'reasoning', NEW.reasoning)
    FROM change_recording;
END;
CREATE TRIGGER conflicts_change_delete AFTER DELETE ON conflicts
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflicts', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'title', OLD.title, 'kind', OLD.kind, 'complaint_point_id', OLD.complaint_point_id, 'both_sides_heard', OLD.both_sides_heard, 'resolution', OLD.resolution, 'reasoning', OLD.reasoning),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER conflict_statements_change_insert AFTER INSERT ON conflict_statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflict_statements', NEW.rowid,
        NULL,
        json_object('statement_id', NEW.statement_id, 'side', NEW.side)
    FROM change_recording;
END;
CREATE TRIGGER conflict_statements_change_update AFTER UPDATE ON conflict_statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflict_statements', NEW.rowid,
        json_object('statement_id', OLD.statement_id, 'side', OLD.side),
        json_object('statement_id', NEW.statement_id, 'side', NEW.side)
    FROM change_recording;
END;
CREATE TRIGGER conflict_statements_change_delete AFTER DELETE ON conflict_statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflict_statements', OLD.rowid,
        json_object('statement_id', OLD.statement_id, 'side', OLD.side),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER recommendations_change_insert AFTER INSERT ON recommendations
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'recommendations', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'complaint_point_id', NEW.complaint_point_id, 'text', NEW.text, 'response', NEW.response)
    FROM change_recording;
END;
CREATE TRIGGER recommendations_change_update AFTER UPDATE ON recommendations
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'recommendations', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'complaint_point_id', OLD.complaint_point_id, 'text', OLD.text, 'response', OLD.response),
        json_object('dossier_id', NEW.dossier_id, 'complaint_point_id', NEW.complaint_point_id, 'text', NEW.text, 'response', NEW.response)
    FROM change_recording;
END;
CREATE TRIGGER recommendations_change_delete AFTER DELETE ON recommendations
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'recommendations', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'complaint_point_id', OLD.complaint_point_id, 'text', OLD.text, 'response', OLD.response),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER reactions_change_insert AFTER INSERT ON reactions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reactions', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'party_id', NEW.party_id, 'received_on', NEW.received_on, 'on_report', NEW.on_report, 'text', NEW.text, 'source_id', NEW.source_id)
    FROM change_recording;
END;
CREATE TRIGGER reactions_change_update AFTER UPDATE ON reactions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reactions', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'party_id', OLD.party_id, 'received_on', OLD.received_on, 'on_report', OLD.on_report, 'text', OLD.text, 'source_id', OLD.source_id),
        json_object('dossier_id', NEW.dossier_id, 'party_id', NEW.party_id, 'received_on', NEW.received_on, 'on_report', NEW.on_report, 'text', NEW.text, 'source_id', NEW.source_id)
    FROM change_recording;
END;
CREATE TRIGGER reactions_change_delete AFTER DELETE ON reactions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reactions', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'party_id', OLD.party_id, 'received_on', OLD.received_on, 'on_report', OLD.on_report, 'text', OLD.text, 'source_id', OLD.source_id),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER reaction_contests_change_insert AFTER INSERT ON reaction_contests
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reaction_contests', NEW.rowid,
        NULL,
        json_object('statement_id', NEW.statement_id)
    FROM change_recording;
END;
CREATE TRIGGER reaction_contests_change_update AFTER UPDATE ON reaction_contests
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reaction_contests', NEW.rowid,
        json_object('statement_id', OLD.statement_id),
        json_object('statement_id', NEW.statement_id)
    FROM change_recording;
END;
CREATE TRIGGER reaction_contests_change_delete AFTER DELETE ON reaction_contests
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reaction_contests', OLD.rowid,
        json_object('statement_id', OLD.statement_id),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER reports_change_insert AFTER INSERT ON reports
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reports', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'kind', NEW.kind, 'status', NEW.status, 'date', NEW.date, 'markdown', NEW.markdown, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'based_on_audit_id', NEW.based_on_audit_id)
    FROM change_recording;
END;
CREATE TRIGGER reports_change_update AFTER UPDATE ON reports
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reports', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'kind', OLD.kind, 'status', OLD.status, 'date', OLD.date, 'markdown', OLD.markdown, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'based_on_audit_id', OLD.based_on_audit_id),
        json_object('dossier_id', NEW.dossier_id, 'kind', NEW.kind, 'status', NEW.status, 'date', NEW.date, 'markdown', NEW.markdown, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'based_on_audit_id', NEW.based_on_audit_id)
    FROM change_recording;
END;
CREATE TRIGGER reports_change_delete AFTER DELETE ON reports
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reports', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'kind', OLD.kind, 'status', OLD.status, 'date', OLD.date, 'markdown', OLD.markdown, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'based_on_audit_id', OLD.based_on_audit_id),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER events_change_insert AFTER INSERT ON events
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'events', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'kind', NEW.kind, 'on_day', NEW.on_day, 'party_id', NEW.party_id, 'due_on', NEW.due_on, 'done_on', NEW.done_on, 'weeks', NEW.weeks, 'source_id', NEW.source_id, 'text', NEW.text)
    FROM change_recording;
END;
CREATE TRIGGER events_change_update AFTER UPDATE ON events
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'events', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'kind', OLD.kind, 'on_day', OLD.on_day, 'party_id', OLD.party_id, 'due_on', OLD.due_on, 'done_on', OLD.done_on, 'weeks', OLD.weeks, 'source_id', OLD.source_id, 'text', OLD.text),
        json_object('dossier_id', NEW.dossier_id, 'kind', NEW.kind, 'on_day', NEW.on_day, 'party_id', NEW.party_id, 'due_on', NEW.due_on, 'done_on', NEW.done_on, 'weeks', NEW.weeks, 'source_id', NEW.source_id, 'text', NEW.text)
    FROM change_recording;
END;
CREATE TRIGGER events_change_delete AFTER DELETE ON events
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'events', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'kind', OLD.kind, 'on_day', OLD.on_day, 'party_id', OLD.party_id, 'due_on', OLD.due_on, 'done_on', OLD.done_on, 'weeks', OLD.weeks, 'source_id', OLD.source_id, 'text', OLD.text),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER dismissed_suggestions_change_insert AFTER INSERT ON dismissed_suggestions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dismissed_suggestions', NEW.rowid,
        NULL,
        json_object('key', NEW.key, 'dismissed_at', NEW.dismissed_at)
    FROM change_recording;
END;
CREATE TRIGGER dismissed_suggestions_change_update AFTER UPDATE ON dismissed_suggestions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dismissed_suggestions', NEW.rowid,
        json_object('key', OLD.key, 'dismissed_at', OLD.dismissed_at),
        json_object('key', NEW.key, 'dismissed_at', NEW.dismissed_at)
    FROM change_recording;
END;
CREATE TRIGGER dismissed_suggestions_change_delete AFTER DELETE ON dismissed_suggestions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dismissed_suggestions', OLD.rowid,
        json_object('key', OLD.key, 'dismissed_at', OLD.dismissed_at),
        NULL
    FROM change_recording;
END;
