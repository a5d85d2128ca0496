-- Benchmark only: people received per month, counted straight from the person-level events
-- (the arrival_events view: one row per person, live loads only) rather than from the monthly
-- aggregate the pages read; the DuckDB side of the pandas comparison on the 10 M-row event table.
-- Params: $year_from, $year_to, $category.
with selected as (
    select *
    from arrival_events
    where year(arrived) between $year_from and $year_to
        and ($category = 'all' or category = $category)
)
select
    date_trunc('month', arrived) as month,
    count(*) as persons,
    count(*) filter (where unaccompanied) as of_which_unaccompanied
from selected
group by date_trunc('month', arrived)
order by month
