-- The länstal: how many each county in the selection is to receive in the year.
-- Params: $year_to, $area_kind, $area_code.
-- The newest decision per county counts (a revised länstal replaces the earlier one).
with area_counties as (
    select distinct lan_kod, lan from area_members($area_kind, $area_code)
),
year_targets as (
    select * from county_targets where year = $year_to and program = 'settlement'
)
select
    c.lan_kod,
    c.lan,
    t.target,
    t.decision,
    t.valid_from
from year_targets as t
inner join area_counties as c on c.lan_kod = t.lan_kod
order by t.target desc, c.lan collate sv
