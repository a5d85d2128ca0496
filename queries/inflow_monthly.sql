-- People received per month in the selection, with a rolling 12-month mean.
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- Suppressed cells (NULL) are counted, not added as zeros; a month in which any cell is
-- suppressed is a lower bound, flagged by suppressed > 0.
with monthly as (
    select * from area_arrivals_monthly($area_kind, $area_code, $year_from, $year_to, $category)
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
