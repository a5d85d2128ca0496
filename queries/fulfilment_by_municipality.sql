-- Per municipality and year: target against received, the gap and the fulfilment.
-- Params: $year_from, $year_to, $area_kind, $area_code, $program.
-- Received: the target file's own count, else the arrivals of the program's categories
-- (settlement: quota refugees + assigned; temporary protection: its category).
-- Unaccompanied minors: the target is per mille of all assignments; it is converted into
-- persons as per mille / 1000 x the country's unaccompanied minors received that year (the sum of
-- the known cells: the least it can be when some are suppressed). A municipality's received is
-- unknown when any of its cells is, never a smaller sum.
with area as (select * from area_members($area_kind, $area_code)),
targets_in_range as (
    select * from targets
    where program = $program and year between $year_from and $year_to
),
arrivals_for_program as (
    select
        year,
        kommun_kod,
        case when count(persons) = count(*) then sum(persons) end as persons,
        case when count(of_which_unaccompanied) = count(*) then sum(of_which_unaccompanied) end
            as unaccompanied
    from arrivals_year
    where category in (select category from received_categories($program))
    group by year, kommun_kod
),
national_minors as (
    select year, sum(of_which_unaccompanied) as minors from arrivals_year group by year
),
joined as (
    select
        t.year,
        a.kommun_kod,
        a.kommun,
        a.lan,
        case when $program = 'unaccompanied_minors' then t.target end as target_per_mille,
        case
            when $program = 'unaccompanied_minors' then round(t.target / 1000 * n.minors, 1)
            else t.target
        end as target,
        case
            when $program = 'unaccompanied_minors' then r.unaccompanied
            else coalesce(t.received, r.persons)
        end as received
    from targets_in_range as t
    inner join area as a on a.kommun_kod = t.kommun_kod
    left join arrivals_for_program as r on r.year = t.year and r.kommun_kod = t.kommun_kod
    left join national_minors as n on n.year = t.year
)
select
    *,
    received - target as gap,
    received / nullif(target, 0) as fulfilment
from joined
order by year, fulfilment nulls last, kommun collate sv
