-- Suggested conflicts the investigator dismissed, by the suggestion's stable key, so they are
-- not suggested again.
CREATE TABLE dismissed_suggestions (
    dossier_id   INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (dossier_id, key)
);
