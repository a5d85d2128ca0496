-- 0005: the contract views are kept as tables, made again by every write that changes a load.
-- A view over the facts (newest live load per key) costs a window over every load for every
-- question that reads it; the store changes only by copy-and-swap writes, so the writer works
-- the answer out once (live_* views -> current_* tables) and the contract views read the tables.
--
-- Arrivals get one precedence: for each year, municipality and category the rows come from one
-- source, the year-to-date snapshots or the monthly figures (monthly files, counted events),
-- whichever has the newest live load. arrivals_month and arrivals_year then always agree.
-- The monthly and yearly figures are made from current_arrivals_ytd, so a refresh works out the
-- snapshots first (store.CURRENT is in that order).

drop view arrivals_year;
drop view arrivals_month;
drop view arrivals_ytd;
drop view targets;
drop view county_targets;
drop view capacity;

create view live_targets as
with live as (
    select f.* from fact_target as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
ranked as (
    select *, row_number() over (partition by year, kommun_kod, program order by load_id desc) as newest
    from live
)
select year, kommun_kod, program, target, received, load_id
from ranked where newest = 1;

create view live_county_targets as
with live as (
    select f.* from fact_county_target as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
ranked as (
    select *, row_number() over (
        partition by year, lan_kod, program order by load_id desc, valid_from desc nulls last
    ) as newest
    from live
)
select year, lan_kod, program, target, decision, valid_from, load_id
from ranked where newest = 1;

create view live_arrivals_ytd as
with live as (
    select f.* from fact_arrivals_ytd as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
ranked as (
    select *, row_number() over (
        partition by year, as_of_month, kommun_kod, category order by load_id desc
    ) as newest
    from live
)
select year, as_of_month, kommun_kod, category, persons, of_which_unaccompanied, load_id
from ranked where newest = 1;

-- the snapshots are worked out first: the monthly and yearly figures below are made from them
create table current_arrivals_ytd as select * from live_arrivals_ytd;

create view live_capacity as
with live as (
    select f.* from fact_capacity as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
ranked as (
    select *, row_number() over (partition by month, kommun_kod, kind order by load_id desc) as newest
    from live
)
select month, kommun_kod, kind, places, occupied, load_id
from ranked where newest = 1;

-- months loaded as months (monthly files, events counted per month), newest live load per key
create view live_arrivals_direct as
with live as (
    select f.* from fact_arrivals_month as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
ranked as (
    select *, row_number() over (partition by month, kommun_kod, category order by load_id desc) as newest
    from live
)
select month, kommun_kod, category, persons, of_which_unaccompanied, load_id
from ranked where newest = 1;

-- per year, municipality and category: 'snapshots' or 'months', whichever has the newest load
create view live_arrivals_source as
with sources as (
    select year, kommun_kod, category, max(load_id) as newest, 'snapshots' as source
    from current_arrivals_ytd
    group by year, kommun_kod, category
    union all
    select year(month) as year, kommun_kod, category, max(load_id) as newest, 'months' as source
    from live_arrivals_direct
    group by year(month), kommun_kod, category
)
select year, kommun_kod, category, arg_max(source, newest) as source
from sources
group by year, kommun_kod, category;

create view live_arrivals_month as
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
from live_arrivals_direct as d
inner join live_arrivals_source as s
    on s.year = year(d.month) and s.kommun_kod = d.kommun_kod and s.category = d.category
where s.source = 'months'
union all
select d.month, d.kommun_kod, d.category, d.persons, d.of_which_unaccompanied, d.load_id
from derived as d
inner join live_arrivals_source as s
    on s.year = d.year and s.kommun_kod = d.kommun_kod and s.category = d.category
where s.source = 'snapshots';

create view live_arrivals_year as
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
    from live_arrivals_direct
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

create table current_targets as select * from live_targets;
create table current_county_targets as select * from live_county_targets;
create table current_arrivals_month as select * from live_arrivals_month;
create table current_arrivals_year as select * from live_arrivals_year;
create table current_capacity as select * from live_capacity;

create view targets as select * from current_targets;
create view county_targets as select * from current_county_targets;
create view arrivals_ytd as select * from current_arrivals_ytd;
create view arrivals_month as select * from current_arrivals_month;
create view arrivals_year as select * from current_arrivals_year;
create view capacity as select * from current_capacity;
