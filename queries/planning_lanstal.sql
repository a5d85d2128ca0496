-- Every county's total for planning $year: the länstal decided for $year when there is one, else
-- the sum of the year's loaded kommuntal; the shares a national total is shared out by (the newest
-- decision up to $year); and, for a county with neither, the latest länstal known before to suggest.
-- Params: $year.
-- target_this_year / decision: the decision for $year (NULL when none is known).
-- kommuntal_sum: the county's kommuntal for $year added up, when all its municipalities have one.
-- total_this_year, total_source ('decision' | 'kommuntal_sum'): what Planering prefills, and from where.
-- latest_target, latest_year: the county's newest decision up to $year (the suggestion).
with settlement as (
    select * from county_targets where program = 'settlement' and year <= $year
),
share_year as (
    select max(year) as share_year from settlement
),
counties as (
    select distinct lan_kod, lan from municipality
),
kommuntal as (
    select
        m.lan_kod,
        t.target
    from municipality as m
    left join targets as t on t.kommun_kod = m.kommun_kod and t.year = $year and t.program = 'settlement'
),
kommuntal_sums as (
    select
        lan_kod,
        sum(target) as kommuntal_sum
    from kommuntal
    group by lan_kod
    having count(target) = count(*)
),
latest as (
    select
        lan_kod,
        arg_max(target, year) as latest_target,
        max(year) as latest_year
    from settlement
    group by lan_kod
),
totals as (
    select
        c.lan_kod,
        c.lan,
        s.target as share_target,
        y.share_year,
        case when y.share_year = $year then s.target end as target_this_year,
        case when y.share_year = $year then s.decision end as decision,
        k.kommuntal_sum,
        l.latest_target,
        l.latest_year
    from counties as c
    cross join share_year as y
    left join settlement as s on s.lan_kod = c.lan_kod and s.year = y.share_year
    left join kommuntal_sums as k on k.lan_kod = c.lan_kod
    left join latest as l on l.lan_kod = c.lan_kod
)
select
    *,
    coalesce(target_this_year, kommuntal_sum) as total_this_year,
    case
        when target_this_year is not null then 'decision'
        when kommuntal_sum is not null then 'kommuntal_sum'
    end as total_source
from totals
order by lan_kod
