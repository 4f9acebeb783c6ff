# Writes the change triggers of crates/store/migrations (store::changes): three per tracked table,
# each row image a json_object of every column. Run against a database made from all migrations
# and paste its output into a new migration when a tracked table gains a column.
# Pass table names after the database to write only theirs.
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
tables = sys.argv[2:] or ['dossiers','parties','sources','statements','excerpts','complaint_points','judgements',
          'conflicts','conflict_statements','recommendations','reactions','reaction_contests',
          'reports','events','dismissed_suggestions']
out = []
for t in tables:
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({t})")]
    # Only a lone INTEGER PRIMARY KEY is the rowid (recorded apart); a key of two columns
    # (conflict_statements, reaction_contests, dismissed_suggestions) is in the image whole.
    pks = [r for r in db.execute(f"PRAGMA table_info({t})") if r[5] > 0]
    pk_alias = [r[1] for r in pks if len(pks) == 1 and r[2].upper() == 'INTEGER']
    cols = [c for c in cols if c not in pk_alias]
    blobs = [r[1] for r in db.execute(f"PRAGMA table_info({t})") if r[2].upper() == 'BLOB']
    def image(ref):
        parts = []
        for c in cols:
            v = f"{ref}.{c}"
            if c in blobs:
                v = f"CASE WHEN {ref}.{c} IS NULL THEN NULL ELSE hex({ref}.{c}) END"
            parts.append(f"'{c}', {v}")
        return "json_object(" + ", ".join(parts) + ")"
    big = [c for c in cols if c in blobs or (t == 'sources' and c == 'text')]
    def slim(img):
        # An edit of a title must not copy megabytes: big columns are in an update's images only when they change.
        for c in big:
            img = f"json_remove({img}, CASE WHEN OLD.{c} IS NEW.{c} THEN '$.{c}' ELSE '$.unchanged' END)"
        return img
    for ev, old, new, rid in [('INSERT', 'NULL', image('NEW'), 'NEW.rowid'),
                              ('UPDATE', slim(image('OLD')), slim(image('NEW')), 'NEW.rowid'),
                              ('DELETE', image('OLD'), 'NULL', 'OLD.rowid')]:
        out.append(f"CREATE TRIGGER {t}_change_{ev.lower()} AFTER {ev} ON {t}\n"
                   f"WHEN EXISTS (SELECT 1 FROM change_recording) BEGIN\n"
                   f"    INSERT INTO change_rows (change_id, tbl, row_id, old, new)\n"
                   f"    SELECT change_id, '{t}', {rid},\n        {old},\n        {new}\n    FROM change_recording;\nEND;")
print("\n".join(out))
