-- 0006: why a load stopped counting, so demo and real figures never mix.
-- The first real file retires every live demo load in the same write (undone_reason 'real_loaded'),
-- and loading the demo on purpose retires every live real load ('demo_loaded'); undoing the load
-- named in retired_by brings back what it retired. is_reference marks the shipped länstal, which is
-- real data that belongs to both and is never retired.

alter table load_log add column undone_reason varchar;   -- real_loaded | demo_loaded | demo_replaced
alter table load_log add column retired_by integer;      -- the load whose arrival retired this one
alter table load_log add column is_reference boolean default false;

update load_log set is_reference = true
where source = 'lanstal.csv' and summary is null and not is_demo;

update load_log set undone_reason = 'demo_replaced'
where is_demo and undone_at is not null;

create or replace view loads as
select
    load_id,
    loaded_at,
    source,
    sha256,
    dataset,
    rows,
    is_demo,
    summary,
    undone_at,
    undone_reason,
    retired_by,
    is_reference
from load_log;
