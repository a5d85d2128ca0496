-- How fresh each dataset is: its newest month (or year), the files it came from and when
-- they were loaded. Used under every chart as "source and data date". No params.
with live_loads as (
    select * from loads where undone_at is null
),
newest_data as (
    select 'targets' as dataset, make_date(max(year), 12, 1) as newest from targets
    union all
    select 'county_targets', make_date(max(year), 12, 1) from county_targets
    union all
    select 'arrivals', max(month) from arrivals_month
    union all
    select 'capacity', max(month) from capacity
)
select
    l.dataset,
    n.newest,
    string_agg(distinct l.source, ', ' order by l.source) as sources,
    max(l.loaded_at) as loaded_at,
    bool_or(l.is_demo) as is_demo
from live_loads as l
left join newest_data as n on n.dataset = l.dataset
group by l.dataset, n.newest
order by l.dataset
