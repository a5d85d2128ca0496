-- Per municipality of a county: the free places in the newest month with capacity data, and the
-- buffer a 90th-percentile month needs from its own history of monthly inflow (all categories).
-- Params: $year, $lan_kod.
-- History: the months before $year; months with a suppressed cell are left out (unknown, not 0).
-- buffer_needed = the 90th-percentile month rounded up; NULL headroom = no capacity reported, or a
-- count missing for one of its kinds of place (unknown, never a smaller sum).
with county_members as (
    select * from area_members('lan', $lan_kod)
),
municipality_months as (
    select * from municipality_arrivals_monthly('lan', $lan_kod, 0, $year - 1, 'all')
),
spread as (
    select
        kommun_kod,
        count(persons) as months,
        quantile_cont(persons, 0.9) as p90_month
    from municipality_months
    group by kommun_kod
),
newest_month as (
    select max(month) as capacity_month from capacity
),
headroom_now as (
    select
        c.kommun_kod,
        case when count(c.places) = count(*) then sum(c.places) end as places,
        case when count(c.places) = count(*) and count(c.occupied) = count(*)
            then sum(c.places) - sum(c.occupied) end as headroom
    from capacity as c
    inner join newest_month as n on n.capacity_month = c.month
    group by c.kommun_kod
)
select
    c.kommun_kod,
    c.kommun,
    h.places,
    case when h.headroom is not null then greatest(h.headroom, 0) end as headroom,
    n.capacity_month,
    coalesce(s.months, 0) as history_months,
    cast(ceil(s.p90_month) as integer) as buffer_needed
from county_members as c
cross join newest_month as n
left join headroom_now as h on h.kommun_kod = c.kommun_kod
left join spread as s on s.kommun_kod = c.kommun_kod
order by c.kommun collate sv
