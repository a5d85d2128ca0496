-- Per municipality, in the newest month of the selected years with capacity data: places,
-- occupied, headroom, and, at the current inflow (mean over the last three reported months up to
-- that month), when places run out. Never a month outside the years.
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- Unknown stays unknown: a count missing for one kind of place leaves the municipality's places or
-- occupied (and headroom) unknown. The inflow is known only when each of the three months is: a
-- month with a suppressed cell, or one its snapshots cannot give, is unknown (inflow_unknown =
-- 'unknown_month'), and a municipality with no figures in those months has none to go by
-- ('no_figures'); such a row has no inflow, no months_left and no run_out_month. A month without rows, for a municipality with figures in the others, counts as
-- none received (as counted events give it).
-- months_left = headroom / inflow; NULL when nothing arrives (places never run out) or unknown.
with area as (select * from area_members($area_kind, $area_code)),
newest_month as (
    select max(month) as month from capacity where year(month) between $year_from and $year_to
),
places_now as (
    select
        c.kommun_kod,
        case when count(c.places) = count(*) then sum(c.places) end as places,
        case when count(c.occupied) = count(*) then sum(c.occupied) end as occupied
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
municipality_months as (
    select
        m.kommun_kod,
        m.month,
        case when count(m.persons) = count(*) then sum(m.persons) end as persons
    from arrivals_month as m
    inner join last_three_months using (month)
    where $category = 'all' or m.category = $category
    group by m.kommun_kod, m.month
),
current_inflow as (
    select
        kommun_kod,
        count(persons) < count(*) as has_unknown_month,
        sum(persons) / (select count(*) from last_three_months) as inflow
    from municipality_months
    group by kommun_kod
),
headroom as (
    select
        a.kommun_kod,
        a.kommun,
        n.month,
        p.places,
        p.occupied,
        case when p.places - p.occupied is not null then greatest(p.places - p.occupied, 0) end as headroom,
        case when not i.has_unknown_month then round(i.inflow, 1) end as inflow,
        case
            when i.kommun_kod is null then 'no_figures'
            when i.has_unknown_month then 'unknown_month'
        end as inflow_unknown
    from places_now as p
    inner join area as a on a.kommun_kod = p.kommun_kod
    cross join newest_month as n
    left join current_inflow as i on i.kommun_kod = p.kommun_kod
)
select
    kommun_kod,
    kommun,
    month,
    places,
    occupied,
    headroom,
    inflow,
    round(headroom / nullif(inflow, 0), 1) as months_left,
    case when inflow > 0 and headroom is not null
        then cast(month + to_months(cast(ceil(headroom / inflow) as integer)) as date)
    end as run_out_month,
    inflow_unknown
from headroom
order by months_left nulls last, kommun collate sv
