-- 0004: arrivals one row per person, as some regions keep them. A load of events stores them here
-- and, in the same transaction, their count per (month, kommun_kod, category) in
-- fact_arrivals_month under the same load_id: the pages read arrivals_month as before, and undo
-- takes both away together.

create table fact_arrival_event (
    load_id integer not null,
    arrived date not null,            -- the day the person was received in the municipality
    kommun_kod varchar not null,
    category varchar not null,
    unaccompanied boolean             -- NULL = the file does not say
);

create view arrival_events as
select e.arrived, e.kommun_kod, e.category, e.unaccompanied, e.load_id
from fact_arrival_event as e
inner join load_log as l on l.load_id = e.load_id
where l.undone_at is null;
