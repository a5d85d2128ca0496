-- What the area picker offers: counties, named groups and municipalities, in Swedish order.
-- No params. kind: 'lan' (code = lan_kod), 'region' (code = name), 'kommun' (code = kommun_kod).
with counties as (
    select 'lan' as kind, lan_kod as code, lan as name from county
),
groups as (
    select distinct 'region' as kind, region as code, region as name from region where kind = 'group'
),
municipalities as (
    select 'kommun' as kind, kommun_kod as code, kommun as name from municipality
),
options as (
    select * from counties
    union all
    select * from groups
    union all
    select * from municipalities
)
select * from options
order by kind, name collate sv
