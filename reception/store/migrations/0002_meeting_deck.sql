-- 0002: the meeting deck. A deck is an ordered list of saved views (a page's URL with its
-- selection, and a title) that a network meeting steps through; it is kept in the store so the
-- next meeting opens the same deck. seen_load_id is the newest live load the last meeting saw:
-- the starting point of "since the last meeting".

create table meeting_deck (
    deck varchar primary key,         -- the deck's name; the app keeps one, 'main'
    title varchar not null,           -- what the meeting calls it, e.g. 'Nätverksmöte GR'
    seen_load_id integer,             -- newest live load when a meeting last marked it shown
    saved_at timestamp not null
);

create table meeting_slide (
    deck varchar not null,
    position integer not null,        -- 1, 2, 3 ... in the order the meeting steps through
    title varchar not null,
    url varchar not null              -- path and query string within the app, e.g. /mal?ar=2026
);

-- "As of load n": the facts are append-only and tagged with their load, so the store as it was
-- after load n is, for every key, the newest live row with load_id <= n. "Since the last
-- meeting" compares two of these.
create macro targets_as_of(n) as table
select year, kommun_kod, program, target, received, load_id
from (
    select f.*, row_number() over (
        partition by f.year, f.kommun_kod, f.program order by f.load_id desc
    ) as newest
    from fact_target as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null and f.load_id <= n
)
where newest = 1;

create macro arrivals_ytd_as_of(n) as table
select year, as_of_month, kommun_kod, category, persons, of_which_unaccompanied, load_id
from (
    select f.*, row_number() over (
        partition by f.year, f.as_of_month, f.kommun_kod, f.category order by f.load_id desc
    ) as newest
    from fact_arrivals_ytd as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null and f.load_id <= n
)
where newest = 1;

-- months loaded as monthly values (not derived from year-to-date snapshots)
create macro arrivals_month_direct_as_of(n) as table
select month, kommun_kod, category, persons, of_which_unaccompanied, load_id
from (
    select f.*, row_number() over (
        partition by f.month, f.kommun_kod, f.category order by f.load_id desc
    ) as newest
    from fact_arrivals_month as f
    inner join load_log as l on l.load_id = f.load_id
    where l.undone_at is null and f.load_id <= n
)
where newest = 1;
