-- The month-of-year profile: the mean, smallest and largest inflow of each calendar month.
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- Only complete years' months count equally: every month present in the range is averaged.
-- A month with suppressed cells is the least it can be; suppressed counts those cells, so the chart
-- says so (the area's months are sums, as on inflow_monthly).
with monthly as (
    select * from area_arrivals_monthly($area_kind, $area_code, $year_from, $year_to, $category)
)
select
    month(month) as month_of_year,
    round(avg(persons), 1) as mean_persons,
    min(persons) as min_persons,
    max(persons) as max_persons,
    count(*) as years,
    sum(suppressed) as suppressed
from monthly
group by month(month)
order by month_of_year
