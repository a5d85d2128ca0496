-- People received per month in the selection, with a rolling 12-month mean.
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- Suppressed cells (NULL) are counted, not added as zeros; a month in which any cell is
-- suppressed is a lower bound, flagged by suppressed > 0.
with area as (select * from area_members($area_kind, $area_code)),
area_months as (
    select m.*
    from arrivals_month as m
    inner join area as a on a.kommun_kod = m.kommun_kod
    where year(m.month) between $year_from and $year_to
        and ($category = 'all' or m.category = $category)
),
monthly as (
    select
        month,
        sum(persons) as persons,
        count(*) - count(persons) as suppressed
    from area_months
    group by month
)
select
    month,
    persons,
    suppressed,
    case when count(persons) over rolling = 12
        then round(avg(persons) over rolling, 1) end as rolling_mean_12
from monthly
window rolling as (order by month rows between 11 preceding and current row)
order by month
