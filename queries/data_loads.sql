-- The load history, newest first: what was loaded, when, from which file, whether undone and why
-- (a demo load retired by the first real file says so).
-- No params.
select
    load_id,
    loaded_at,
    dataset,
    source,
    rows,
    is_demo,
    undone_at,
    undone_reason,
    undone_by
from loads
order by load_id desc
