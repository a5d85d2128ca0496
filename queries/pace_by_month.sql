-- The year's received so far, month by month, against a pace line for the target.
-- Params: $year_to, $area_kind, $area_code, $program.
-- People show in the statistics about a month after they arrive, so the pace expected by the
-- end of month m is target x (m - 1) / 12. Months not yet reported have received NULL.
-- Unaccompanied minors: received = of_which_unaccompanied; target = per mille / 1000 x national.
with area as (select * from area_members($area_kind, $area_code)),
program_months as (
    select
        m.month,
        m.kommun_kod,
        case when $program = 'unaccompanied_minors' then m.of_which_unaccompanied else m.persons end
            as persons
    from arrivals_month as m
    where year(m.month) = $year_to
        and m.category in (select category from received_categories($program))
),
national_minors as (
    select sum(persons) as minors from program_months
),
area_target as (
    select
        sum(case when $program = 'unaccompanied_minors' then t.target / 1000 * n.minors else t.target end)
            as target
    from targets as t
    inner join area as a on a.kommun_kod = t.kommun_kod
    cross join national_minors as n
    where t.year = $year_to and t.program = $program
),
area_months as (
    select
        month(p.month) as month_number,
        sum(p.persons) as persons,
        count(*) - count(p.persons) as suppressed
    from program_months as p
    inner join area as a on a.kommun_kod = p.kommun_kod
    group by month(p.month)
),
calendar as (
    select unnest(range(1, 13)) as month_number
)
select
    make_date($year_to, c.month_number, 1) as month,
    case when m.month_number is not null
        then sum(m.persons) over (order by c.month_number) end as received_cumulative,
    coalesce(m.suppressed, 0) as suppressed,
    round(t.target * (c.month_number - 1) / 12, 1) as pace,
    t.target
from calendar as c
left join area_months as m on m.month_number = c.month_number
cross join area_target as t
order by month
