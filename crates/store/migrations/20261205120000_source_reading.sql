-- Evidence as it arrives (issue 13): what reading a document gave is kept with it, and the
-- search index holds a form of the text made for searching.
--
-- reading_notes: what the investigator should know, a JSON array of Dutch sentences (the
--   encoding it was read in, a renamed file, pages read by OCR, why there is no text).
-- text_problem: why there is no text, as a code the app acts on (`password_required` asks for
--   the password; the others offer to type the text): see wederhoor_extract::Problem::code.
-- ocr_confidence: for text read by OCR, the words' mean confidence (0-100).
-- index_text: the text as the search index holds it (NFKC, words broken at a line end
--   joined), NULL when that is the text itself; the stored text stays as it was read.
ALTER TABLE sources ADD COLUMN reading_notes TEXT;
ALTER TABLE sources ADD COLUMN text_problem TEXT;
ALTER TABLE sources ADD COLUMN ocr_confidence REAL;
ALTER TABLE sources ADD COLUMN index_text TEXT;

-- The index reads the searchable form through a view, so a source whose text needs no
-- change is not stored twice. Its triggers give the same values as the view.
CREATE VIEW sources_search AS
    SELECT id, title, COALESCE(index_text, text) AS text FROM sources;

DROP TRIGGER sources_fts_insert;
DROP TRIGGER sources_fts_delete;
DROP TRIGGER sources_fts_update;
DROP TABLE sources_fts;
CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, text,
    content = 'sources_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND new.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, COALESCE(new.index_text, new.text));
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, COALESCE(old.index_text, old.text));
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, text, index_text ON sources
WHEN NOT EXISTS (SELECT 1 FROM search_backlog WHERE kind = 'source' AND old.id BETWEEN first_id AND last_id) BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text) VALUES ('delete', old.id, old.title, COALESCE(old.index_text, old.text));
    INSERT INTO sources_fts(rowid, title, text) VALUES (new.id, new.title, COALESCE(new.index_text, new.text));
END;
INSERT INTO sources_fts(sources_fts) VALUES ('rebuild');
DELETE FROM search_backlog WHERE kind = 'source';
