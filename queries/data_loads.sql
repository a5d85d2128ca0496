-- The load history, newest first: what was loaded, when, from which file, by whom, and whether
-- (and by whom) it was undone or redone.
-- No params.
select
    load_id,
    loaded_at,
    dataset,
    source,
    rows,
    is_demo,
    loaded_by,
    undone_at,
    undone_by,
    redone_at,
    redone_by
from loads
order by load_id desc
