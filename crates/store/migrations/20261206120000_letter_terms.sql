-- Procedure letters (issue 14): what a letter asks, of whom and by when, kept with its draft so
-- that making the letter final can offer to record its step (an information request with its
-- term, the verslag sent with its reaction term) filled in from it.
--
-- letter_party_id: the addressee (a party of the dossier), NULL for the default addressee. No
--   foreign key: a party removed later leaves the letter as written; the offered step is
--   checked when it is saved.
-- letter_asks: what is asked, Markdown ('' when nothing).
-- letter_due_on: the term given in the letter, YYYY-MM-DD, or NULL.
ALTER TABLE reports ADD COLUMN letter_party_id INTEGER;
ALTER TABLE reports ADD COLUMN letter_asks TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN letter_due_on TEXT;
