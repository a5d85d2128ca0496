-- People received under the program in the year $year_to in the selection, from the arrivals
-- alone (Översikt's tile when no targets are loaded). One row; null when the year has none.
-- Params: $year_to, $area_kind, $area_code, $program.
-- Settlement: quota refugees + assigned; temporary protection: its category; unaccompanied
-- minors: the unaccompanied part of every category. Suppressed cells are left out of the sum and
-- counted in suppressed: the sum is then the least the year can hold, and the page says so.
with area as (select * from area_members($area_kind, $area_code)),
in_year as (
    select y.*
    from arrivals_year as y
    inner join area as a on a.kommun_kod = y.kommun_kod
    where y.year = $year_to
),
program_cells as (
    select
        case when $program = 'unaccompanied_minors' then of_which_unaccompanied else persons end as persons
    from in_year
    where category in (select category from received_categories($program))
)
select
    sum(persons) as persons,
    count(*) - count(persons) as suppressed
from program_cells
