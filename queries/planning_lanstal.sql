-- Every county's länstal: the decision for $year when there is one, and the shares a national
-- total is shared out by (the newest decision up to $year).
-- Params: $year.
-- target_this_year is NULL when no länstal for $year is known; share_year says whose shares count.
with settlement as (
    select * from county_targets where program = 'settlement' and year <= $year
),
share_year as (
    select max(year) as share_year from settlement
),
counties as (
    select distinct lan_kod, lan from municipality
)
select
    c.lan_kod,
    c.lan,
    s.target as share_target,
    y.share_year,
    case when y.share_year = $year then s.target end as target_this_year,
    case when y.share_year = $year then s.decision end as decision
from counties as c
cross join share_year as y
left join settlement as s on s.lan_kod = c.lan_kod and s.year = y.share_year
order by c.lan_kod
