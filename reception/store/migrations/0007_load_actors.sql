-- 0007: who changed the data. Every load records who loaded it (the signed-in e-mail, "editor"
-- for the shared editor password, or the command line's user), and an undo who undid it. An
-- undo can be taken back (redo): undone_at and undone_by are cleared and redone_at/redone_by say
-- when and by whom, so the history still shows that the load was undone once.
--
-- The deck tables of 0002 (meeting_deck, meeting_slide) are left in place, no longer written:
-- the deck now lives as a document beside the store (reception/documents.py), and a store made
-- before this change still holds its deck there. reception.deck reads it once, when no document
-- has been saved yet; dropping the tables here would lose that deck before it was ever moved.

alter table load_log add column if not exists loaded_by varchar;
alter table load_log add column if not exists undone_by varchar;
alter table load_log add column if not exists redone_at timestamp;
alter table load_log add column if not exists redone_by varchar;

create or replace view loads as
select
    load_id, loaded_at, source, sha256, dataset, rows, is_demo, summary, undone_at,
    undone_reason, retired_by, is_reference, loaded_by, undone_by, redone_at, redone_by
from load_log;
