-- Personal details and names the investigator allowed in this dossier's public versions, each
-- with the reason (issue 12). The key is what identifies the detail however it is written
-- (digits only, folded); `shown` is its masked form, which is what the log and the list show.
CREATE TABLE public_allowances (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('bsn', 'iban', 'phone', 'email', 'address', 'postcode', 'birth_date', 'name')),
    key         TEXT NOT NULL CHECK (length(key) > 0),
    shown       TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (dossier_id, kind, key)
);
