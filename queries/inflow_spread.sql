-- Per municipality: how much monthly inflow swings (mean, coefficient of variation, largest
-- month, 90th-percentile month) and whether today's headroom absorbs a 90th-percentile month.
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- buffer_needed = the 90th-percentile month rounded up: the places such a month fills.
-- Months with a suppressed cell are left out of the statistics (unknown, not zero); a count of
-- places missing for any kind leaves the headroom (and covered) unknown.
with area as (select * from area_members($area_kind, $area_code)),
municipality_months as (
    select * from municipality_arrivals_monthly($area_kind, $area_code, $year_from, $year_to, $category)
),
spread as (
    select
        kommun_kod,
        count(persons) as months,
        round(avg(persons), 1) as mean_persons,
        round(stddev_samp(persons) / nullif(avg(persons), 0), 2) as cv,
        max(persons) as max_month,
        quantile_cont(persons, 0.9) as p90_month
    from municipality_months
    group by kommun_kod
),
headroom_now as (
    select
        kommun_kod,
        case when count(places) = count(*) and count(occupied) = count(*)
            then sum(places) - sum(occupied) end as headroom
    from capacity
    where month = (select max(month) from capacity)
    group by kommun_kod
)
select
    a.kommun_kod,
    a.kommun,
    s.months,
    s.mean_persons,
    s.cv,
    s.max_month,
    round(s.p90_month, 1) as p90_month,
    cast(ceil(s.p90_month) as integer) as buffer_needed,
    h.headroom,
    h.headroom >= ceil(s.p90_month) as covered
from spread as s
inner join area as a on a.kommun_kod = s.kommun_kod
left join headroom_now as h on h.kommun_kod = s.kommun_kod
order by s.cv desc nulls last, a.kommun collate sv
