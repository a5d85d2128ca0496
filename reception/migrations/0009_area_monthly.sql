-- 0009: people received per month in a selected area, one way for every query about inflow.
-- Arguments as the selection gives them: area kind and code (see area_members), the years and the
-- category ('all' for every category). Suppressed cells (NULL) are not added up as zeros: persons
-- is the sum of the known cells, suppressed counts the unknown ones, so a month with suppressed > 0
-- is a lower bound.
-- Use: monthly as (select * from area_arrivals_monthly($area_kind, $area_code, $year_from, $year_to, $category))

create macro area_arrivals_monthly(kind, code, year_from, year_to, category_wanted) as table
select
    m.month,
    sum(m.persons) as persons,
    count(*) - count(m.persons) as suppressed
from arrivals_month as m
inner join area_members(kind, code) as a on a.kommun_kod = m.kommun_kod
where year(m.month) between year_from and year_to
    and (category_wanted = 'all' or m.category = category_wanted)
group by m.month;
