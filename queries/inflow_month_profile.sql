-- The month-of-year profile: the mean, smallest and largest inflow of each calendar month.
-- Params: $year_from, $year_to, $area_kind, $area_code, $category.
-- Only complete years' months count equally: every month present in the range is averaged.
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
)
select
    month(month) as month_of_year,
    round(avg(persons), 1) as mean_persons,
    min(persons) as min_persons,
    max(persons) as max_persons,
    count(*) as years
from monthly
group by month(month)
order by month_of_year
