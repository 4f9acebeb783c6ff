-- Library search (issue 15): one index over every dossier's sources, statements and report
-- versions (rapport, verslag van bevindingen, rapportbrief, procedure letters), so one search
-- finds a passage in any dossier, grouped per dossier.
--
-- Its rowid says where a row is: (dossier id << 32) | (kind << 30) | row id, the kind 2 for a
-- source, 1 for a statement, 0 for a report version (ids stay below 2^30, dossier ids below
-- 2^31). A dossier's rows thus lie together in the index, newest dossier last, and within it
-- its sources, then its statements, then its reports: the library search reads it backwards
-- from one dossier to the next without looking a row up to learn its dossier, and jumps over
-- a dossier once it has its hits. The dossier search keeps its own indexes (sources_fts,
-- statements_fts), whose rowids are the rows' own.
--
-- Contentless (the text stays in its tables; snippets are made from there) and without
-- positions (detail=none: every query is a set of words that must all occur, never a phrase),
-- with the beginnings of 3 to 6 letters kept so a word being typed is looked up directly.
-- Folded as the other indexes are (case and diacritics: unicode61 remove_diacritics 2).
-- Columns: a = a source's title, a statement's text, a report's Markdown; b = a source's text
-- (as the index holds it, see sources_search), a statement's topic, '' for a report.
CREATE VIRTUAL TABLE library_fts USING fts5(
    a, b,
    content = '', detail = none,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4 5 6'
);

-- Kept in step by triggers on every write: a form, an import, an undo or redo (which replays
-- plain INSERT, UPDATE and DELETE statements, see changes.rs). A contentless index forgets a
-- row by being told its indexed values again ('delete'), which the triggers have in OLD.
-- Rows in a search backlog range are left to search::index_backlog, as for the other indexes;
-- a register import sets the statements' insert trigger aside while it writes.
CREATE TRIGGER library_sources_insert AFTER INSERT ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND new.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO library_fts(rowid, a, b)
    VALUES ((new.dossier_id << 32) | (2 << 30) | new.id, new.title, COALESCE(new.index_text, new.text));
END;
CREATE TRIGGER library_sources_delete AFTER DELETE ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO library_fts(library_fts, rowid, a, b)
    VALUES ('delete', (old.dossier_id << 32) | (2 << 30) | old.id, old.title, COALESCE(old.index_text, old.text));
END;
CREATE TRIGGER library_sources_update AFTER UPDATE OF title, text, index_text ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO library_fts(library_fts, rowid, a, b)
    VALUES ('delete', (old.dossier_id << 32) | (2 << 30) | old.id, old.title, COALESCE(old.index_text, old.text));
    INSERT INTO library_fts(rowid, a, b)
    VALUES ((new.dossier_id << 32) | (2 << 30) | new.id, new.title, COALESCE(new.index_text, new.text));
END;

CREATE TRIGGER library_statements_insert AFTER INSERT ON statements
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'statement' AND new.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO library_fts(rowid, a, b)
    VALUES ((new.dossier_id << 32) | (1 << 30) | new.id, new.text, new.topic);
END;
CREATE TRIGGER library_statements_delete AFTER DELETE ON statements
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'statement' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO library_fts(library_fts, rowid, a, b)
    VALUES ('delete', (old.dossier_id << 32) | (1 << 30) | old.id, old.text, old.topic);
END;
CREATE TRIGGER library_statements_update AFTER UPDATE OF text, topic ON statements
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'statement' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO library_fts(library_fts, rowid, a, b)
    VALUES ('delete', (old.dossier_id << 32) | (1 << 30) | old.id, old.text, old.topic);
    INSERT INTO library_fts(rowid, a, b)
    VALUES ((new.dossier_id << 32) | (1 << 30) | new.id, new.text, new.topic);
END;

CREATE TRIGGER library_reports_insert AFTER INSERT ON reports BEGIN
    INSERT INTO library_fts(rowid, a, b) VALUES ((new.dossier_id << 32) | new.id, new.markdown, '');
END;
CREATE TRIGGER library_reports_delete AFTER DELETE ON reports BEGIN
    INSERT INTO library_fts(library_fts, rowid, a, b)
    VALUES ('delete', (old.dossier_id << 32) | old.id, old.markdown, '');
END;
CREATE TRIGGER library_reports_update AFTER UPDATE OF markdown ON reports BEGIN
    INSERT INTO library_fts(library_fts, rowid, a, b)
    VALUES ('delete', (old.dossier_id << 32) | old.id, old.markdown, '');
    INSERT INTO library_fts(rowid, a, b) VALUES ((new.dossier_id << 32) | new.id, new.markdown, '');
END;

-- Rows stored before this migration, the backlog's too (it is then done), in one b-tree.
INSERT INTO library_fts(rowid, a, b)
    SELECT (dossier_id << 32) | (2 << 30) | id, title, COALESCE(index_text, text) FROM sources;
INSERT INTO library_fts(rowid, a, b)
    SELECT (dossier_id << 32) | (1 << 30) | id, text, topic FROM statements;
INSERT INTO library_fts(rowid, a, b)
    SELECT (dossier_id << 32) | id, markdown, '' FROM reports;
INSERT INTO library_fts(library_fts) VALUES ('optimize');
INSERT INTO statements_fts(rowid, text, topic)
    SELECT id, text, topic FROM statements s
    WHERE EXISTS (SELECT 1 FROM search_backlog b WHERE b.kind = 'statement' AND s.id BETWEEN b.first_id AND b.last_id);
INSERT INTO sources_fts(rowid, title, text)
    SELECT id, title, text FROM sources_search s
    WHERE EXISTS (SELECT 1 FROM search_backlog b WHERE b.kind = 'source' AND s.id BETWEEN b.first_id AND b.last_id);
DELETE FROM search_backlog;
