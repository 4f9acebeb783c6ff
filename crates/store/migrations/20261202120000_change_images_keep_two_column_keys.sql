-- The change triggers of the three tables whose key is two columns (conflict_statements,
-- reaction_contests, dismissed_suggestions) left the key's first column out of their row images,
-- taking it for the rowid: a redo of a new conflict, or an undo of a removed reaction, then wrote
-- a row without its conflict, reaction or dossier and failed. Made again with every column
-- (tools/change_triggers.py, which now keeps a key of two columns).
DROP TRIGGER IF EXISTS conflict_statements_change_insert;
DROP TRIGGER IF EXISTS conflict_statements_change_update;
DROP TRIGGER IF EXISTS conflict_statements_change_delete;
DROP TRIGGER IF EXISTS reaction_contests_change_insert;
DROP TRIGGER IF EXISTS reaction_contests_change_update;
DROP TRIGGER IF EXISTS reaction_contests_change_delete;
DROP TRIGGER IF EXISTS dismissed_suggestions_change_insert;
DROP TRIGGER IF EXISTS dismissed_suggestions_change_update;
DROP TRIGGER IF EXISTS dismissed_suggestions_change_delete;
CREATE TRIGGER conflict_statements_change_insert AFTER INSERT ON conflict_statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflict_statements', NEW.rowid,
        NULL,
        json_object('conflict_id', NEW.conflict_id, 'statement_id', NEW.statement_id, 'side', NEW.side)
    FROM change_recording;
END;
CREATE TRIGGER conflict_statements_change_update AFTER UPDATE ON conflict_statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflict_statements', NEW.rowid,
        json_object('conflict_id', OLD.conflict_id, 'statement_id', OLD.statement_id, 'side', OLD.side),
        json_object('conflict_id', NEW.conflict_id, 'statement_id', NEW.statement_id, 'side', NEW.side)
    FROM change_recording;
END;
CREATE TRIGGER conflict_statements_change_delete AFTER DELETE ON conflict_statements
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'conflict_statements', OLD.rowid,
        json_object('conflict_id', OLD.conflict_id, 'statement_id', OLD.statement_id, 'side', OLD.side),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER reaction_contests_change_insert AFTER INSERT ON reaction_contests
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reaction_contests', NEW.rowid,
        NULL,
        json_object('reaction_id', NEW.reaction_id, 'statement_id', NEW.statement_id)
    FROM change_recording;
END;
CREATE TRIGGER reaction_contests_change_update AFTER UPDATE ON reaction_contests
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reaction_contests', NEW.rowid,
        json_object('reaction_id', OLD.reaction_id, 'statement_id', OLD.statement_id),
        json_object('reaction_id', NEW.reaction_id, 'statement_id', NEW.statement_id)
    FROM change_recording;
END;
CREATE TRIGGER reaction_contests_change_delete AFTER DELETE ON reaction_contests
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'reaction_contests', OLD.rowid,
        json_object('reaction_id', OLD.reaction_id, 'statement_id', OLD.statement_id),
        NULL
    FROM change_recording;
END;
CREATE TRIGGER dismissed_suggestions_change_insert AFTER INSERT ON dismissed_suggestions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dismissed_suggestions', NEW.rowid,
        NULL,
        json_object('dossier_id', NEW.dossier_id, 'key', NEW.key, 'dismissed_at', NEW.dismissed_at)
    FROM change_recording;
END;
CREATE TRIGGER dismissed_suggestions_change_update AFTER UPDATE ON dismissed_suggestions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dismissed_suggestions', NEW.rowid,
        json_object('dossier_id', OLD.dossier_id, 'key', OLD.key, 'dismissed_at', OLD.dismissed_at),
        json_object('dossier_id', NEW.dossier_id, 'key', NEW.key, 'dismissed_at', NEW.dismissed_at)
    FROM change_recording;
END;
CREATE TRIGGER dismissed_suggestions_change_delete AFTER DELETE ON dismissed_suggestions
WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, old, new)
    SELECT change_id, 'dismissed_suggestions', OLD.rowid,
        json_object('dossier_id', OLD.dossier_id, 'key', OLD.key, 'dismissed_at', OLD.dismissed_at),
        NULL
    FROM change_recording;
END;

-- Images recorded before lack the key. A dismissal's is its edit's dossier; a contest's or a
-- conflict side's is the one reaction or conflict the same edit wrote (a reaction's contests are
-- saved and removed with it).
UPDATE change_rows SET
    old = CASE WHEN old IS NULL THEN NULL
        ELSE json_set(old, '$.dossier_id', (SELECT c.dossier_id FROM changes c WHERE c.id = change_rows.change_id)) END,
    new = CASE WHEN new IS NULL THEN NULL
        ELSE json_set(new, '$.dossier_id', (SELECT c.dossier_id FROM changes c WHERE c.id = change_rows.change_id)) END
WHERE tbl = 'dismissed_suggestions' AND json_type(coalesce(new, old), '$.dossier_id') IS NULL;

UPDATE change_rows SET
    old = CASE WHEN old IS NULL THEN NULL
        ELSE json_set(old, '$.reaction_id', (SELECT min(p.row_id) FROM change_rows p WHERE p.change_id = change_rows.change_id AND p.tbl = 'reactions')) END,
    new = CASE WHEN new IS NULL THEN NULL
        ELSE json_set(new, '$.reaction_id', (SELECT min(p.row_id) FROM change_rows p WHERE p.change_id = change_rows.change_id AND p.tbl = 'reactions')) END
WHERE tbl = 'reaction_contests' AND json_type(coalesce(new, old), '$.reaction_id') IS NULL
  AND (SELECT count(DISTINCT p.row_id) FROM change_rows p WHERE p.change_id = change_rows.change_id AND p.tbl = 'reactions') = 1;

UPDATE change_rows SET
    old = CASE WHEN old IS NULL THEN NULL
        ELSE json_set(old, '$.conflict_id', (SELECT min(p.row_id) FROM change_rows p WHERE p.change_id = change_rows.change_id AND p.tbl = 'conflicts')) END,
    new = CASE WHEN new IS NULL THEN NULL
        ELSE json_set(new, '$.conflict_id', (SELECT min(p.row_id) FROM change_rows p WHERE p.change_id = change_rows.change_id AND p.tbl = 'conflicts')) END
WHERE tbl = 'conflict_statements' AND json_type(coalesce(new, old), '$.conflict_id') IS NULL
  AND (SELECT count(DISTINCT p.row_id) FROM change_rows p WHERE p.change_id = change_rows.change_id AND p.tbl = 'conflicts') = 1;

-- An edit whose images still lack a key cannot be undone or redone whole: it leaves the history
-- rather than fail half-way when its turn comes.
DELETE FROM changes WHERE id IN (
    SELECT change_id FROM change_rows
    WHERE (tbl = 'reaction_contests' AND json_type(coalesce(new, old), '$.reaction_id') IS NULL)
       OR (tbl = 'conflict_statements' AND json_type(coalesce(new, old), '$.conflict_id') IS NULL));
DELETE FROM change_rows WHERE change_id NOT IN (SELECT id FROM changes);
