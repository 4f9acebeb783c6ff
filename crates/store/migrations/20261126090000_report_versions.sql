-- Report versions: when each was last saved, which state of the dossier its draft was made
-- from (the last audit entry of the dossier at that moment), and a final version frozen.
ALTER TABLE reports ADD COLUMN updated_at TEXT;
ALTER TABLE reports ADD COLUMN based_on_audit_id INTEGER;

CREATE INDEX audit_log_dossier ON audit_log(dossier, id);

CREATE TRIGGER reports_final_is_frozen
BEFORE UPDATE ON reports
WHEN OLD.status = 'final'
BEGIN
    SELECT RAISE(ABORT, 'report version is final and frozen');
END;
