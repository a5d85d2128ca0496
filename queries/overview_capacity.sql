-- The selection's capacity in the newest month of the year $year_to that has capacity data:
-- places, occupied, headroom. One row; every value null when that year has none (never a
-- month of another year).
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
)
select
    max(month) as month,
    sum(places) as places,
    sum(occupied) as occupied,
    sum(places) - sum(occupied) as headroom,
    sum(occupied) / nullif(sum(places), 0) as occupancy
from newest
