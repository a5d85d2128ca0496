-- Since the last meeting: which months of arrivals the store knows as of load $to_load that it
-- did not know as of $from_load ('new'), and which known months changed ('revised'), for an area.
-- Parameters: $from_load, $to_load; the selection's $area_kind, $area_code and $category ('all' = every one).
with area as (select * from area_members($area_kind, $area_code)),
ytd as (
    select 'before' as side, * from arrivals_ytd_as_of($from_load)
    union all
    select 'now' as side, * from arrivals_ytd_as_of($to_load)
),
-- each municipality's and category's month is the difference of its consecutive snapshots
ytd_steps as (
    select
        side,
        make_date(year, as_of_month, 1) as month,
        case
            when as_of_month = 1 then persons
            when lag(as_of_month) over w = as_of_month - 1 then persons - lag(persons) over w
        end as persons
    from ytd
    where kommun_kod in (select kommun_kod from area) and ($category = 'all' or category = $category)
    window w as (partition by side, year, kommun_kod, category order by as_of_month)
),
-- a suppressed count makes the area's month unknown, never smaller
ytd_months as (
    select side, month, case when count(persons) = count(*) then sum(persons) end as persons
    from ytd_steps
    group by side, month
),
direct as (
    select 'before' as side, * from arrivals_month_direct_as_of($from_load)
    union all
    select 'now' as side, * from arrivals_month_direct_as_of($to_load)
),
direct_months as (
    select side, month, case when count(persons) = count(*) then sum(persons) end as persons
    from direct
    where kommun_kod in (select kommun_kod from area) and ($category = 'all' or category = $category)
    group by side, month
),
months as (
    select * from direct_months
    union all
    select y.* from ytd_months as y
    anti join direct_months as d on d.side = y.side and d.month = y.month
),
compared as (
    select
        coalesce(n.month, b.month) as month,
        b.persons as persons_before,
        n.persons as persons_now,
        case
            when b.month is null then 'new'
            when n.persons is distinct from b.persons then 'revised'
        end as change
    from (select * from months where side = 'now') as n
    full join (select * from months where side = 'before') as b on b.month = n.month
)
select * from compared
where change is not null
order by month
