-- The change triggers of store::changes become TEMP triggers, made on each pooled connection as
-- it opens (crates/store/src/change_triggers.sql, run by Db::open). A register import then writes
-- on a connection without them: as permanent triggers they cost one trigger call per imported
-- row even when no edit was being recorded (2.27x against 3.31x sqlite3 in one run of the
-- benchmark). What they record, and how, is unchanged.
DROP TRIGGER IF EXISTS dossiers_change_insert;
DROP TRIGGER IF EXISTS dossiers_change_update;
DROP TRIGGER IF EXISTS dossiers_change_delete;
DROP TRIGGER IF EXISTS parties_change_insert;
DROP TRIGGER IF EXISTS parties_change_update;
DROP TRIGGER IF EXISTS parties_change_delete;
DROP TRIGGER IF EXISTS sources_change_insert;
DROP TRIGGER IF EXISTS sources_change_update;
DROP TRIGGER IF EXISTS sources_change_delete;
DROP TRIGGER IF EXISTS statements_change_insert;
DROP TRIGGER IF EXISTS statements_change_update;
DROP TRIGGER IF EXISTS statements_change_delete;
DROP TRIGGER IF EXISTS excerpts_change_insert;
DROP TRIGGER IF EXISTS excerpts_change_update;
DROP TRIGGER IF EXISTS excerpts_change_delete;
DROP TRIGGER IF EXISTS complaint_points_change_insert;
DROP TRIGGER IF EXISTS complaint_points_change_update;
DROP TRIGGER IF EXISTS complaint_points_change_delete;
DROP TRIGGER IF EXISTS judgements_change_insert;
DROP TRIGGER IF EXISTS judgements_change_update;
DROP TRIGGER IF EXISTS judgements_change_delete;
DROP TRIGGER IF EXISTS conflicts_change_insert;
DROP TRIGGER IF EXISTS conflicts_change_update;
DROP TRIGGER IF EXISTS conflicts_change_delete;
DROP TRIGGER IF EXISTS conflict_statements_change_insert;
DROP TRIGGER IF EXISTS conflict_statements_change_update;
DROP TRIGGER IF EXISTS conflict_statements_change_delete;
DROP TRIGGER IF EXISTS recommendations_change_insert;
DROP TRIGGER IF EXISTS recommendations_change_update;
DROP TRIGGER IF EXISTS recommendations_change_delete;
DROP TRIGGER IF EXISTS reactions_change_insert;
DROP TRIGGER IF EXISTS reactions_change_update;
DROP TRIGGER IF EXISTS reactions_change_delete;
DROP TRIGGER IF EXISTS reaction_contests_change_insert;
DROP TRIGGER IF EXISTS reaction_contests_change_update;
DROP TRIGGER IF EXISTS reaction_contests_change_delete;
DROP TRIGGER IF EXISTS reports_change_insert;
DROP TRIGGER IF EXISTS reports_change_update;
DROP TRIGGER IF EXISTS reports_change_delete;
DROP TRIGGER IF EXISTS events_change_insert;
DROP TRIGGER IF EXISTS events_change_update;
DROP TRIGGER IF EXISTS events_change_delete;
DROP TRIGGER IF EXISTS dismissed_suggestions_change_insert;
DROP TRIGGER IF EXISTS dismissed_suggestions_change_update;
DROP TRIGGER IF EXISTS dismissed_suggestions_change_delete;
