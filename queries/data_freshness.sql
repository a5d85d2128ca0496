-- How fresh each dataset is: its newest month (or year), the files it came from and when
-- they were loaded. Used under every chart as "source and data date". No params.
-- newest: the newest month for monthly data; newest_year: the newest year for yearly targets.
with live_loads as (
    select * from loads where undone_at is null
),
newest_data as (
    select 'targets' as dataset, null::date as newest, max(year) as newest_year from targets
    union all
    select 'county_targets', null, max(year) from county_targets
    union all
    select 'arrivals', max(month), max(year(month)) from arrivals_month
    union all
    select 'arrival_events', max(arrived), max(year(arrived)) from arrival_events
    union all
    select 'capacity', max(month), max(year(month)) from capacity
)
select
    l.dataset,
    n.newest,
    n.newest_year,
    string_agg(distinct l.source, ', ' order by l.source) as sources,
    max(l.loaded_at) as loaded_at,
    bool_or(l.is_demo) as is_demo
from live_loads as l
left join newest_data as n on n.dataset = l.dataset
group by l.dataset, n.newest, n.newest_year
order by l.dataset
