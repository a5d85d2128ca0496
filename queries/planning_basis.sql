-- The municipalities of a county with what a scenario's key is made of: this year's kommuntal
-- and the population.
-- Params: $year, $lan_kod.
-- The kommuntal are those of the newest year up to $year with any kommuntal in the county
-- (kommuntal_year says which); a municipality without one in that year has none (NULL).
-- The population is the latest year up to $year with a figure (population_year says which).
with county_members as (
    select * from area_members('lan', $lan_kod)
),
county_kommuntal as (
    select t.*
    from targets as t
    inner join county_members as c on c.kommun_kod = t.kommun_kod
    where t.program = 'settlement' and t.year <= $year
),
newest_year as (
    select max(year) as kommuntal_year from county_kommuntal
),
population_then as (
    select * from population_as_of($year)
)
select
    c.kommun_kod,
    c.kommun,
    c.lan_kod,
    c.lan,
    k.target as kommuntal,
    n.kommuntal_year,
    p.population,
    p.population_year
from county_members as c
cross join newest_year as n
left join county_kommuntal as k
    on k.kommun_kod = c.kommun_kod and k.year = n.kommuntal_year
left join population_then as p on p.kommun_kod = c.kommun_kod
order by c.kommun collate sv
