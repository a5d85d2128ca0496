-- The load history, newest first: what was loaded, when, from which file, by whom, and whether
-- (when, by whom and why) it was undone or redone; a demo load retired by the first real file
-- says so, and names that load.
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
    undone_reason,
    retired_by,
    redone_at,
    redone_by
from loads
order by load_id desc
