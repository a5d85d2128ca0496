-- The selection's capacity in the newest month of the year $year_to that has capacity data:
-- places, occupied, headroom. One row; every value null when that year has none (never a
-- month of another year). A count missing for any municipality or kind of place leaves that total
-- (and headroom, occupancy) unknown, never a smaller sum, as on capacity_over_time.
-- Params: $year_to, $area_kind, $area_code.
with area as (select * from area_members($area_kind, $area_code)),
in_year as (
    select c.*
    from capacity as c
    inner join area as a on a.kommun_kod = c.kommun_kod
    where year(c.month) = $year_to
),
newest as (
    select * from in_year
    where month = (select max(month) from in_year)
),
totals as (
    select
        max(month) as month,
        case when count(places) = count(*) then sum(places) end as places,
        case when count(occupied) = count(*) then sum(occupied) end as occupied
    from newest
)
select
    month,
    places,
    occupied,
    places - occupied as headroom,
    occupied / nullif(places, 0) as occupancy
from totals
