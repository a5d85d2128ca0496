-- The newest reported month of the year $year_to in the selection against the usual for that
-- calendar month (the mean of the same month in the earlier years of the range). No row when
-- $year_to has no monthly arrivals (never a month of another year).
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- A month with suppressed cells is the least it can be (suppressed counts them; the page says so).
with monthly as (
    select * from area_arrivals_monthly($area_kind, $area_code, $year_from, $year_to, $category)
),
latest as (
    select * from monthly where year(month) = $year_to order by month desc limit 1
),
usual as (
    select round(avg(m.persons), 1) as usual_persons
    from monthly as m
    cross join latest as l
    where month(m.month) = month(l.month) and m.month < l.month
)
select
    l.month,
    l.persons,
    l.suppressed,
    u.usual_persons,
    l.persons - u.usual_persons as difference
from latest as l
cross join usual as u
