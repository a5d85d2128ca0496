-- 0008: population (SCB's registered population on 31 December) per year and municipality.
-- ref_population is seeded from data/population.csv (SCB, 2015–2019, all 290 municipalities);
-- fact_population holds loaded files (SCB's and Kolada's downloads), append-only like every fact.
-- The contract table population(year, kommun_kod, population, source) gives for each year and
-- municipality the newest live loaded figure, else the reference figure. A year without a figure
-- is not filled in here: population_as_of(y) says which year stands in, one definition for all.

create table ref_population (
    year integer not null,
    kommun_kod varchar not null,
    population integer not null,
    primary key (year, kommun_kod)
);

create table fact_population (
    load_id integer not null,
    year integer not null,
    kommun_kod varchar not null,
    population integer
);

create view live_population as
with live as (
    select f.*, l.source
    from fact_population as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null and f.population is not null
),
loaded as (
    select year, kommun_kod, arg_max(population, load_id) as population, arg_max(source, load_id) as source
    from live
    group by year, kommun_kod
)
select year, kommun_kod, population, source
from loaded
union all
select r.year, r.kommun_kod, r.population, 'population.csv' as source
from ref_population as r
anti join loaded as l on l.year = r.year and l.kommun_kod = r.kommun_kod;

create table current_population as select * from live_population;

create view population as select * from current_population;

-- Per municipality the population of the latest year <= y that has a figure, or of the earliest
-- year when y is before all of them; population_year says which year was used.
-- Use: select * from population_as_of($year)
create macro population_as_of(y) as table
with per_municipality as (
    select
        kommun_kod,
        max(year) filter (where year <= y) as at_or_before,
        min(year) as earliest
    from population
    group by kommun_kod
)
select p.kommun_kod, p.population, p.year as population_year
from population as p
inner join per_municipality as m
    on m.kommun_kod = p.kommun_kod and p.year = coalesce(m.at_or_before, m.earliest);
