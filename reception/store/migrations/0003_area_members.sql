-- 0003: the municipalities of a selected area, one way for every query.
-- kind: 'country' (all 290) | 'lan' (code = lan_kod '14') | 'region' (code = region name)
--       | 'kommun' (code = picked kommun_kods joined by commas, '1480,1481').
-- Use: area as (select * from area_members($area_kind, $area_code))

create macro area_members(kind, code) as table
select
    m.kommun_kod,
    m.kommun,
    m.lan_kod,
    m.lan
from municipality as m
where
    kind = 'country'
    or (kind = 'lan' and m.lan_kod = code)
    or (kind = 'region' and m.kommun_kod in (select r.kommun_kod from region as r where r.region = code))
    or (kind = 'kommun' and list_contains(string_split(code, ','), m.kommun_kod));
