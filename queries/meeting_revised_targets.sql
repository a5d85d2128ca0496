-- Since the last meeting: which targets (kommuntal, fördelningstal, shares of unaccompanied minors)
-- are new or revised as of load $to_load compared with load $from_load, for the selection.
-- Parameters: $from_load, $to_load; the selection's $year_from, $year_to, $area_kind, $area_code, $program.
with area as (select * from area_members($area_kind, $area_code)),
before as (
    select * from targets_as_of($from_load)
),
now as (
    select * from targets_as_of($to_load)
),
compared as (
    select
        n.year,
        n.kommun_kod,
        n.program,
        b.target as target_before,
        n.target as target_now,
        case
            when b.target is null then 'new'
            when n.target is distinct from b.target then 'revised'
        end as change
    from now as n
    left join before as b
        on b.year = n.year and b.kommun_kod = n.kommun_kod and b.program = n.program
    where n.year between $year_from and $year_to and n.program = $program
        and n.kommun_kod in (select kommun_kod from area)
)
select
    c.year,
    c.kommun_kod,
    m.kommun,
    c.program,
    c.target_before,
    c.target_now,
    c.target_now - c.target_before as difference,
    c.change
from compared as c
inner join area as m on m.kommun_kod = c.kommun_kod
where c.change is not null
order by c.year, c.program, m.kommun collate sv
