-- Since the last meeting: which municipalities fell behind the pace of their target in $year_to
-- ('fell_behind'), and which caught up ('caught_up'), load $from_load against $to_load.
-- Pace, as on Mottagna mot mål: a snapshot through month m counts arrivals up to m - 1, so expected
-- = target * (m - 1) / 12. Received: the target file's figure, else the program's categories' snapshot.
-- A side without a snapshot of the year has no pace (unknown, not 0), so nobody fell behind or caught up.
-- Parameters: $from_load, $to_load; the selection's $year_to, $area_kind, $area_code, $program.
with area as (select * from area_members($area_kind, $area_code)),
sides (side, upto) as (values ('before', $from_load), ('now', $to_load)),
counted as (
    select program, category from program_category where measure = 'persons'
),
targets as (
    select s.side, t.*
    from sides as s, targets_as_of(s.upto) as t
    where t.year = $year_to and t.program = $program and t.kommun_kod in (select kommun_kod from area)
),
snapshots as (
    select s.side, y.*
    from sides as s, arrivals_ytd_as_of(s.upto) as y
    where y.year = $year_to
),
covered as (
    select side, max(as_of_month) - 1 as months from snapshots group by side
),
received as (
    select
        y.side, y.kommun_kod, pc.program,
        case when count(y.persons) = count(*) then sum(y.persons) end as persons
    from snapshots as y
    inner join covered as c on c.side = y.side
    inner join counted as pc on pc.category = y.category
    where y.as_of_month = c.months + 1
    group by y.side, y.kommun_kod, pc.program
),
paced as (
    select
        t.side, t.kommun_kod, t.program, t.target,
        coalesce(t.received, r.persons) as received,
        t.target * c.months / 12 as expected  -- no snapshot: the pace is unknown, never 0
    from targets as t
    left join covered as c on c.side = t.side
    left join received as r on r.side = t.side and r.kommun_kod = t.kommun_kod and r.program = t.program
),
compared as (
    select
        n.kommun_kod, n.program, n.target, b.received as received_before, b.expected as expected_before,
        n.received as received_now, n.expected as expected_now,
        case
            when n.received < n.expected and b.received >= b.expected then 'fell_behind'
            when n.received >= n.expected and b.received < b.expected then 'caught_up'
        end as status
    from (select * from paced where side = 'now') as n
    inner join (select * from paced where side = 'before') as b
        on b.kommun_kod = n.kommun_kod and b.program = n.program
)
select c.*, m.kommun from compared as c
inner join area as m on m.kommun_kod = c.kommun_kod
where c.status is not null
order by c.status desc, c.received_now - c.expected_now, m.kommun collate sv
