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

-- The same per municipality: each municipality's people received per month in the area. A month in
-- which any of its cells is suppressed is unknown as a whole (persons NULL), never a lower bound
-- taken for the real figure: spreads and percentiles read only whole months.
create macro municipality_arrivals_monthly(kind, code, year_from, year_to, category_wanted) as table
select
    m.kommun_kod,
    m.month,
    case when count(m.persons) = count(*) then sum(m.persons) end as persons
from arrivals_month as m
inner join area_members(kind, code) as a on a.kommun_kod = m.kommun_kod
where year(m.month) between year_from and year_to
    and (category_wanted = 'all' or m.category = category_wanted)
group by m.kommun_kod, m.month;
