-- Which loads a meeting can compare: every live load, newest first, with what it brought.
-- Parameters: none.
with live_loads as (
    select
        load_id,
        loaded_at,
        source,
        dataset,
        rows,
        is_demo
    from loads
    where undone_at is null
)

select * from live_loads
order by load_id desc
