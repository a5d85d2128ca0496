-- The newest reported month's inflow in the selection against the usual for that calendar
-- month (the mean of the same month in the earlier years of the range).
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
with area as (select * from area_members($area_kind, $area_code)),
monthly as (
    select
        m.month,
        sum(m.persons) as persons
    from arrivals_month as m
    inner join area as a on a.kommun_kod = m.kommun_kod
    where year(m.month) between $year_from and $year_to
        and ($category = 'all' or m.category = $category)
    group by m.month
),
latest as (
    select * from monthly order by month desc limit 1
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
    u.usual_persons,
    l.persons - u.usual_persons as difference
from latest as l
cross join usual as u
