-- The county totals: how many each county in the selection is to receive in the year.
-- Params: $year_to, $area_kind, $area_code.
-- The newest decision per county counts (a revised länstal replaces the earlier one): source
-- 'decision'. A county without a decision for the year whose municipalities all have a loaded
-- kommuntal gets their sum, source 'kommuntal_sum': a sum, never a decision (decision and
-- valid_from stay empty), and the page labels it so.
with area_counties as (
    select distinct lan_kod, lan from area_members($area_kind, $area_code)
),
decisions as (
    select
        lan_kod,
        target,
        decision,
        valid_from
    from county_targets
    where year = $year_to and program = 'settlement'
),
kommuntal as (
    select
        m.lan_kod,
        t.target
    from municipality as m
    left join targets as t
        on t.kommun_kod = m.kommun_kod and t.year = $year_to and t.program = 'settlement'
),
kommuntal_sums as (
    select
        lan_kod,
        sum(target) as target
    from kommuntal
    group by lan_kod
    having count(target) = count(*)  -- every municipality of the county has its kommuntal
),
county_totals as (
    select lan_kod, target, decision, valid_from, 'decision' as source from decisions
    union all
    select s.lan_kod, s.target, null, null, 'kommuntal_sum' as source
    from kommuntal_sums as s
    anti join decisions as d on d.lan_kod = s.lan_kod
)
select
    c.lan_kod,
    c.lan,
    t.target,
    t.decision,
    t.valid_from,
    t.source
from county_totals as t
inner join area_counties as c on c.lan_kod = t.lan_kod
order by t.target desc, c.lan collate sv
