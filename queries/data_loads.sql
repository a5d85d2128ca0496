-- The load history, newest first: what was loaded, when, from which file, and whether undone.
-- No params.
select
    load_id,
    loaded_at,
    dataset,
    source,
    rows,
    is_demo,
    undone_at
from loads
order by load_id desc
