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
