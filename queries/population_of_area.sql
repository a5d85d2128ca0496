-- The population of each municipality of the area for a year, for figures per 1 000 inhabitants.
-- Params: $year_to, $area_kind, $area_code.
-- A year without figures uses the latest year before it (population_as_of); population_year says
-- which year was used, so a chart can say "befolkning 2019".
with area as (select * from area_members($area_kind, $area_code)),
population_then as (
    select * from population_as_of($year_to)
)
select
    a.kommun_kod,
    a.kommun,
    p.population,
    p.population_year
from area as a
left join population_then as p on p.kommun_kod = a.kommun_kod
order by a.kommun collate sv
