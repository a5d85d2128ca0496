-- People received under the program in the year $year_to in the selection, from the arrivals
-- alone (Översikt's tile when no targets are loaded). One row; null when the year has none.
-- Params: $year_to, $area_kind, $area_code, $program.
-- Settlement: quota refugees + assigned; temporary protection: its category; unaccompanied
-- minors: the unaccompanied part of every category. Suppressed cells are left out of the sum.
with area as (select * from area_members($area_kind, $area_code)),
in_year as (
    select y.*
    from arrivals_year as y
    inner join area as a on a.kommun_kod = y.kommun_kod
    where y.year = $year_to
)
select
    case $program
        when 'settlement' then sum(persons) filter (where category in ('quota_refugee', 'assigned'))
        when 'temporary_protection' then sum(persons) filter (where category = 'temporary_protection')
        else sum(of_which_unaccompanied)
    end as persons
from in_year
