-- The selection's capacity in the newest month with data: places, occupied, headroom.
-- Params: $area_kind, $area_code.
with area as (select * from area_members($area_kind, $area_code)),
newest as (
    select c.*
    from capacity as c
    inner join area as a on a.kommun_kod = c.kommun_kod
    where c.month = (select max(month) from capacity)
)
select
    max(month) as month,
    sum(places) as places,
    sum(occupied) as occupied,
    sum(places) - sum(occupied) as headroom,
    sum(occupied) / nullif(sum(places), 0) as occupancy
from newest
