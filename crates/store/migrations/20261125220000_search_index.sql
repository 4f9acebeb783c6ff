-- Full-text search over a dossier's sources and statements (Dutch-friendly: case and
-- diacritics folded by unicode61 remove_diacritics 2). External-content FTS5 tables kept in
-- step with their tables by triggers, so every write path (import, form, register) is indexed.

-- Rows stored in bulk (a register import: its records and the export's own text) are indexed
-- right after their transaction commits, so the import itself stays fast; until then their id
-- range waits here. The triggers
-- leave rows in a waiting range alone; `search::index_backlog` indexes them and empties this.
CREATE TABLE search_backlog (
    kind     TEXT NOT NULL CHECK (kind IN ('statement', 'source')),
    first_id INTEGER NOT NULL,
    last_id  INTEGER NOT NULL,
    CHECK (first_id <= last_id)
);

CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, topic,
    content = 'statements', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
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

CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, text,
    content = 'sources', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND new.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Rows stored before this migration.
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
INSERT INTO sources_fts(sources_fts) VALUES ('rebuild');

-- Size of the original bytes, for the source list without reading the blob.
ALTER TABLE sources ADD COLUMN size INTEGER;
UPDATE sources SET size = length(content) WHERE content IS NOT NULL;
