-- The statements table's CHECK constraints written as comparisons instead of IN lists. They
-- allow exactly the same values; SQLite builds a lookup table for an IN list in a CHECK
-- constraint for every row written, which made a 100,000-record register import about 160 ms
-- slower than the same checks as comparisons.
--
-- SQLite cannot change a constraint in place, so the table is rebuilt. Migrations run in a
-- transaction with foreign keys on, where dropping the old table would delete the rows that
-- refer to it (ON DELETE CASCADE); those rows are kept aside and put back unchanged. The
-- search index keeps its rows: the ids do not change and its triggers are gone before the drop.

CREATE TEMP TABLE kept_excerpts AS SELECT * FROM excerpts;
CREATE TEMP TABLE kept_conflict_statements AS SELECT * FROM conflict_statements;
CREATE TEMP TABLE kept_reaction_contests AS SELECT * FROM reaction_contests;

CREATE TABLE statements_rebuilt (
    id                INTEGER PRIMARY KEY,
    dossier_id        INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    party_id          INTEGER NOT NULL REFERENCES parties(id),
    kind              TEXT NOT NULL CHECK (kind = 'claim' OR kind = 'record'),
    -- fuzzy date: 'on' (date_a = day or day+time), 'month' (date_a = YYYY-MM), 'range' (date_a..date_b)
    date_kind         TEXT CHECK (date_kind = 'on' OR date_kind = 'month' OR date_kind = 'range'),
    date_a            TEXT,
    date_b            TEXT,
    -- first and last day the date can mean, for ordering on the time axis
    span_start        TEXT,
    span_end          TEXT,
    topic             TEXT,
    channel           TEXT CHECK (channel = 'phone' OR channel = 'email' OR channel = 'letter'
                                  OR channel = 'counter' OR channel = 'visit' OR channel = 'portal'
                                  OR channel = 'other'),
    text              TEXT NOT NULL,
    quantity_at_least INTEGER CHECK (quantity_at_least >= 0),
    quantity_unit     TEXT,
    CHECK ((date_kind IS NULL) = (date_a IS NULL)),
    CHECK ((date_kind = 'range') = (date_b IS NOT NULL)),
    CHECK ((quantity_at_least IS NULL) = (quantity_unit IS NULL))
);
INSERT INTO statements_rebuilt
    (id, dossier_id, party_id, kind, date_kind, date_a, date_b, span_start, span_end, topic,
     channel, text, quantity_at_least, quantity_unit)
SELECT id, dossier_id, party_id, kind, date_kind, date_a, date_b, span_start, span_end, topic,
       channel, text, quantity_at_least, quantity_unit
FROM statements;

DROP TABLE statements;
ALTER TABLE statements_rebuilt RENAME TO statements;
CREATE INDEX statements_dossier ON statements(dossier_id, span_start);

INSERT INTO excerpts SELECT * FROM temp.kept_excerpts;
INSERT INTO conflict_statements SELECT * FROM temp.kept_conflict_statements;
INSERT INTO reaction_contests SELECT * FROM temp.kept_reaction_contests;
DROP TABLE temp.kept_excerpts;
DROP TABLE temp.kept_conflict_statements;
DROP TABLE temp.kept_reaction_contests;

-- The search triggers, as in 20261125220000_search_index.sql.
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'statement' AND new.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO statements_fts(rowid, text, topic) VALUES (new.id, new.text, new.topic);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'statement' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text, topic) VALUES ('delete', old.id, old.text, old.topic);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF text, topic ON statements
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'statement' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text, topic) VALUES ('delete', old.id, old.text, old.topic);
    INSERT INTO statements_fts(rowid, text, topic) VALUES (new.id, new.text, new.topic);
END;
