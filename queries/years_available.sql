-- The years the pages can show for the selected program, newest last: the year picker's choices,
-- and the default year: the newest with the program's targets, else with arrivals, else with
-- capacity, else with county targets (the shipped länstal alone never outranks a loaded file);
-- has_facts: the year holds the program's targets, arrivals or capacity (the default range starts there).
-- Params: $program. Empty when the store holds no facts.
with target_years as (
    select distinct year from targets where program = $program
),
county_years as (  -- of any program: a store of länstal alone still offers its years
    select distinct year from county_targets
),
arrival_years as (
    select distinct year from arrivals_year
),
capacity_years as (
    select distinct year(month) as year from capacity
),
all_years as (
    select year from target_years
    union
    select year from county_years
    union
    select year from arrival_years
    union
    select year from capacity_years
),
default_year as (
    select coalesce(
        (select max(year) from target_years),
        (select max(year) from arrival_years),
        (select max(year) from capacity_years),
        (select max(year) from county_years)
    ) as year
)
select
    a.year,
    a.year = d.year as is_default,
    a.year in (select year from target_years union select year from arrival_years union select year from capacity_years)
        as has_facts
from all_years as a
cross join default_year as d
order by a.year
