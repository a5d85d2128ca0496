-- 0011: the months loaded as months are worked out once per write, not once per view that reads them.
-- live_arrivals_direct (newest live load per month, municipality and category) is a window over
-- every monthly fact; live_arrivals_source, live_arrivals_month and live_arrivals_year each read it,
-- so a write that refreshed the arrivals ran that window four times. It is now kept as a table like
-- the contract views (refreshed before them, see writer.BEFORE) and the three views read the table.
-- The answers are the same; only where the rows come from changed.

create table current_arrivals_direct as select * from live_arrivals_direct;

create or replace view live_arrivals_source as
with sources as (
    select year, kommun_kod, category, max(load_id) as newest, 'snapshots' as source
    from current_arrivals_ytd
    group by year, kommun_kod, category
    union all
    select year(month) as year, kommun_kod, category, max(load_id) as newest, 'months' as source
    from current_arrivals_direct
    group by year(month), kommun_kod, category
)
select year, kommun_kod, category, arg_max(source, newest) as source
from sources
group by year, kommun_kod, category;

create or replace view live_arrivals_month as
with snapshot_steps as (
    select
        *,
        lag(as_of_month) over w as previous_month,
        lag(persons) over w as previous_persons,
        lag(of_which_unaccompanied) over w as previous_unaccompanied
    from current_arrivals_ytd
    window w as (partition by year, kommun_kod, category order by as_of_month)
),
-- a month's inflow is the difference between consecutive snapshots; without the previous
-- month's snapshot the month is unknown (NULL), never guessed
derived as (
    select
        year,
        make_date(year, as_of_month, 1) as month,
        kommun_kod,
        category,
        case
            when as_of_month = 1 then persons
            when previous_month = as_of_month - 1 then persons - previous_persons
        end as persons,
        case
            when as_of_month = 1 then of_which_unaccompanied
            when previous_month = as_of_month - 1 then of_which_unaccompanied - previous_unaccompanied
        end as of_which_unaccompanied,
        load_id
    from snapshot_steps
)
select d.month, d.kommun_kod, d.category, d.persons, d.of_which_unaccompanied, d.load_id
from current_arrivals_direct as d
inner join live_arrivals_source as s
    on s.year = year(d.month) and s.kommun_kod = d.kommun_kod and s.category = d.category
where s.source = 'months'
union all
select d.month, d.kommun_kod, d.category, d.persons, d.of_which_unaccompanied, d.load_id
from derived as d
inner join live_arrivals_source as s
    on s.year = d.year and s.kommun_kod = d.kommun_kod and s.category = d.category
where s.source = 'snapshots';

create or replace view live_arrivals_year as
with newest_snapshot as (
    select
        year,
        kommun_kod,
        category,
        arg_max(persons, as_of_month) as persons,
        arg_max(of_which_unaccompanied, as_of_month) as of_which_unaccompanied,
        max(as_of_month) as as_of_month
    from current_arrivals_ytd
    group by year, kommun_kod, category
),
summed_months as (
    select
        year(month) as year,
        kommun_kod,
        category,
        -- a suppressed month makes the year unknown rather than silently smaller
        case when count(persons) = count(*) then sum(persons) end as persons,
        case when count(of_which_unaccompanied) = count(*) then sum(of_which_unaccompanied) end
            as of_which_unaccompanied,
        max(month(month)) as as_of_month
    from current_arrivals_direct
    group by year(month), kommun_kod, category
)
select n.*
from newest_snapshot as n
inner join live_arrivals_source as s using (year, kommun_kod, category)
where s.source = 'snapshots'
union all
select m.*
from summed_months as m
inner join live_arrivals_source as s using (year, kommun_kod, category)
where s.source = 'months';
