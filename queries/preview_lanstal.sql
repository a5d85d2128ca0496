-- The länstal (Settlement Act) each county was given for each of $years, the latest decision of
-- the year: what a county's sum of kommuntal in a file is checked against in the importer's preview.
-- Params: $years (a list of years).
with settlement as (
    select
        year,
        lan_kod,
        target,
        coalesce(valid_from, make_date(year, 1, 1)) as applies_from
    from county_targets
    where program = 'settlement' and list_contains($years, year)
),

latest as (
    select
        year,
        lan_kod,
        arg_max(target, applies_from) as target
    from settlement
    group by year, lan_kod
)

select * from latest
order by year, lan_kod
