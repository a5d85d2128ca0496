-- Which county an area belongs to, for pages about one county (Planering): the county itself, or
-- the county most of a group's or picked municipalities' members are in (Göteborgsregionen, with
-- Kungsbacka in Halland, is Västra Götaland's); ties go to the lower lan_kod. No row for the country.
-- Params: $area_kind, $area_code.
with area as (select * from area_members($area_kind, $area_code)),
members_per_county as (
    select
        lan_kod,
        lan,
        count(*) as members
    from area
    where $area_kind != 'country'
    group by lan_kod, lan
)
select
    lan_kod,
    lan,
    members
from members_per_county
order by members desc, lan_kod
limit 1
