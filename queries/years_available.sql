-- The years the store has targets or arrivals for, newest last: the year picker's choices.
-- No params. Empty when the store holds no facts.
with target_years as (
    select distinct year from targets
),
arrival_years as (
    select distinct year from arrivals_year
),
all_years as (
    select year from target_years
    union
    select year from arrival_years
)
select year from all_years order by year
