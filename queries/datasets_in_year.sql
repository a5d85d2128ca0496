-- Which datasets hold facts for the year $year_to (targets and county targets: of the program),
-- so a page can say which file to load instead of showing an empty chart. One row.
-- Params: $year_to, $program.
with target_rows as (
    select count(*) as n from targets where year = $year_to and program = $program
),
county_rows as (
    select count(*) as n from county_targets where year = $year_to and program = $program
),
arrival_rows as (
    select count(*) as n from arrivals_year where year = $year_to
),
monthly_rows as (
    select count(*) as n from arrivals_month where year(month) = $year_to
),
capacity_rows as (
    select count(*) as n from capacity where year(month) = $year_to
)
select
    (select n from target_rows) > 0 as targets,
    (select n from county_rows) > 0 as county_targets,
    (select n from arrival_rows) > 0 as arrivals,
    (select n from monthly_rows) > 0 as arrivals_monthly,
    (select n from capacity_rows) > 0 as capacity
