-- Places, occupied places and headroom per month, summed over the selection's municipalities.
-- Params: $year_from, $year_to, $area_kind, $area_code.
-- A month with an unknown count in any municipality is NULL (unknown), never a smaller sum.
with area as (select * from area_members($area_kind, $area_code)),
area_capacity as (
    select c.*
    from capacity as c
    inner join area as a on a.kommun_kod = c.kommun_kod
    where year(c.month) between $year_from and $year_to
),
monthly as (
    select
        month,
        case when count(places) = count(*) then sum(places) end as places,
        case when count(occupied) = count(*) then sum(occupied) end as occupied
    from area_capacity
    group by month
)
select
    month,
    places,
    occupied,
    places - occupied as headroom,
    occupied / nullif(places, 0) as occupancy
from monthly
order by month
