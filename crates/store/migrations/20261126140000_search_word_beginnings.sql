-- The statements' search index also keeps every word's first three letters (FTS5 prefix
-- index). A word being typed is searched as a beginning; without this, SQLite merges the lists
-- of every word with that beginning first, which takes 100 ms or more over a million
-- statements when one of them is in every statement. `search::search` uses the three-letter
-- beginnings directly and checks longer ones on the statements it finds.
--
-- FTS5 options are fixed when the table is made, so the index is made again. Its triggers
-- name it and keep working. The rebuild indexes every statement, including any still waiting
-- in the backlog, so the backlog's statement ranges are done.

DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, topic,
    content = 'statements', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
DELETE FROM search_backlog WHERE kind = 'statement';
