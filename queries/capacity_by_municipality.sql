-- Per municipality, in the newest month of the selected years with capacity data: places,
-- occupied, headroom, and, at the current inflow (mean over the last three reported months up to
-- that month), when places run out. Never a month outside the years.
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- months_left = headroom / inflow; NULL when nothing arrives (places never run out).
with area as (select * from area_members($area_kind, $area_code)),
newest_month as (
    select max(month) as month from capacity where year(month) between $year_from and $year_to
),
places_now as (
    select
        c.kommun_kod,
        sum(c.places) as places,
        sum(c.occupied) as occupied
    from capacity as c
    inner join newest_month as n on n.month = c.month
    group by c.kommun_kod
),
last_three_months as (
    select distinct month from arrivals_month
    where month <= (select month from newest_month)
    order by month desc
    limit 3
),
current_inflow as (
    select
        m.kommun_kod,
        sum(m.persons) / (select count(*) from last_three_months) as inflow
    from arrivals_month as m
    inner join last_three_months using (month)
    where $category = 'all' or m.category = $category
    group by m.kommun_kod
),
headroom as (
    select
        a.kommun_kod,
        a.kommun,
        n.month,
        p.places,
        p.occupied,
        greatest(p.places - p.occupied, 0) as headroom,
        round(coalesce(i.inflow, 0), 1) as inflow
    from places_now as p
    inner join area as a on a.kommun_kod = p.kommun_kod
    cross join newest_month as n
    left join current_inflow as i on i.kommun_kod = p.kommun_kod
)
select
    *,
    round(headroom / nullif(inflow, 0), 1) as months_left,
    case when inflow > 0
        then cast(month + to_months(cast(ceil(headroom / inflow) as integer)) as date)
    end as run_out_month
from headroom
order by months_left nulls last, kommun collate sv
