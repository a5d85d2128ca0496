# ruff: noqa: E501  (label texts are kept whole on one line each, to read and translate side by side)
"""The labels: key -> (Swedish, English). Keys are grouped by where they are shown."""

LABELS: dict[str, tuple[str, str]] = {
    # pages and navigation
    "app.name": ("Mottagande i kommunerna", "Reception in the municipalities"),
    "page.oversikt": ("Översikt", "Overview"),
    "page.mal": ("Mottagna mot mål", "Received against targets"),
    "page.kapacitet": ("Kapacitet", "Capacity"),
    "page.variation": ("Variation över tid", "Variation over time"),
    "page.data": ("Data", "Data"),
    "page.mote": ("Möte", "Meeting"),
    # the selection sidebar
    "sel.heading": ("Urval", "Selection"),
    "sel.year_from": ("Från år", "From year"),
    "sel.year_to": ("Till år", "To year"),
    "sel.area_kind": ("Område", "Area"),
    "sel.area.country": ("Hela landet", "Whole country"),
    "sel.area.lan": ("Län", "County"),
    "sel.area.region": ("Region", "Region"),
    "sel.area.kommun": ("Valda kommuner", "Picked municipalities"),
    "sel.lan": ("Välj län", "Pick a county"),
    "sel.region": ("Välj region", "Pick a region"),
    "sel.kommun": ("Välj kommuner", "Pick municipalities"),
    "sel.program": ("Program", "Program"),
    "sel.category": ("Kategori", "Category"),
    "sel.language": ("Språk", "Language"),
    "sel.present": ("Presentationsläge", "Presentation mode"),
    "sel.present_help": (
        "Stor text och inget sidofält, för projektor. Stäng med ?present=0 eller knappen nedan.",
        "Large type and no sidebar, for a projector. Leave with ?present=0 or the button below.",
    ),
    "sel.per_capita": ("Per 1 000 invånare", "Per 1,000 inhabitants"),
    "sel.per_capita_help": (
        "Mål, mottagna och platser per 1 000 invånare (SCB:s folkmängd 31 december). Ett år utan siffror använder det senaste året före.",
        "Targets, received and places per 1,000 inhabitants (Statistics Sweden, 31 December). A year without figures uses the latest year before.",
    ),
    "sel.leave_present": ("Lämna presentationsläget", "Leave presentation mode"),
    "sel.link": ("Länk till den här vyn", "Link to this view"),
    "program.settlement": ("Bosättningslagen (kommuntal)", "Settlement Act (municipal quota)"),
    "program.temporary_protection": (
        "Tillfälligt skydd (fördelningstal)",
        "Temporary protection (allocation)",
    ),
    "program.unaccompanied_minors": ("Ensamkommande barn (andel)", "Unaccompanied minors (share)"),
    "category.all": ("Alla kategorier", "All categories"),
    "category.quota_refugee": ("Kvotflyktingar", "Quota refugees"),
    "category.assigned": ("Anvisade från Migrationsverkets boende", "Assigned from the Agency's housing"),
    "category.self_settled": ("Egenbosatta", "Self-settled"),
    "category.family": ("Anhöriga", "Family members"),
    "category.other": ("Övriga", "Other"),
    "category.temporary_protection": ("Tillfälligt skydd", "Temporary protection"),
    # shared notes
    "demo.banner_short": (
        "Demodata: syntetiska siffror, länstalen är verkliga.",
        "Demo data: synthetic figures, real county quotas.",
    ),
    "demo.banner": (
        "Demodata: syntetiska siffror (länstalen är verkliga). Läs in egna filer på sidan Data.",
        "Demo data: synthetic figures (the county quotas are real). Load your own files on the Data page.",
    ),
    "empty.title": ("Här finns inga data än", "There is no data yet"),
    "empty.body": (
        "Börja med demodata för att se hur det ser ut, eller läs in Migrationsverkets filer på sidan Data.",
        "Start with demo data to see how it looks, or load the Migration Agency's files on the Data page.",
    ),
    "empty.load_demo": ("Läs in demodata", "Load demo data"),
    "empty.go_data": ("Till sidan Data", "Go to the Data page"),
    "empty.selection": ("Urvalet ger inga data.", "The selection has no data."),
    "source": ("Källa: {files}. Data till och med {date}.", "Source: {files}. Data up to {date}."),
    "suppressed": (
        "{n} värden är skyddade (under 6 personer): de visas som luckor och räknas aldrig som noll; summor över dem är lägsta möjliga värden.",
        "{n} values are suppressed (fewer than 6 persons): they show as gaps and never count as zero; sums over them are lower bounds.",
    ),
    "download.csv": ("CSV", "CSV"),
    "download.csv_excel": ("CSV för Excel", "CSV for Excel"),
    "download.xlsx": ("Excel (xlsx)", "Excel (xlsx)"),
    "about.subject": ("Innehåll", "Content"),
    "about.selection": ("Urval", "Selection"),
    "about.sources": ("Källfiler", "Source files"),
    "about.loaded": ("Inläst", "Loaded"),
    "about.made": ("Skapad", "Created"),
    "whole_country": ("Hela landet", "Whole country"),
    # units and axes
    "axis.month": ("Månad", "Month"),
    "axis.year": ("År", "Year"),
    "axis.persons": ("Personer", "Persons"),
    "axis.persons_month": ("Mottagna per månad (personer)", "Received per month (persons)"),
    "axis.cumulative": ("Mottagna hittills i år (personer)", "Received so far this year (persons)"),
    "axis.fulfilment": ("Måluppfyllelse (%)", "Target fulfilment (%)"),
    "axis.places": ("Platser", "Places"),
    "axis.gap": ("Skillnad mot målet (personer)", "Difference from target (persons)"),
    "axis.month_of_year": ("Kalendermånad", "Month of the year"),
    "legend.above": ("Över målet", "Above target"),
    "legend.below": ("Under målet", "Below target"),
    # overview
    "tile.target": ("Mål {year}", "Target {year}"),
    "tile.received": ("Mottagna {year}", "Received {year}"),
    "tile.fulfilment": ("Måluppfyllelse", "Fulfilment"),
    "tile.capacity_used": ("Beläggning", "Capacity used"),
    "tile.headroom": ("Lediga platser", "Free places"),
    "tile.month_inflow": ("Mottagna {month}", "Received {month}"),
    "tile.fewer": ("{diff} färre än vanligt ({usual})", "{diff} fewer than usual ({usual})"),
    "tile.more": ("{diff} fler än vanligt ({usual})", "{diff} more than usual ({usual})"),
    "tile.places_of": ("av {places} platser", "of {places} places"),
    "overview.map_title": (
        "Hur långt har kommunerna kommit mot målet {year}?",
        "How far are the municipalities towards the {year} target?",
    ),
    "overview.map_summary": (
        "{behind} av {n} kommuner ligger under målet {year}; mediankommunen har nått {median}.",
        "{behind} of {n} municipalities are below the {year} target; the median one has reached {median}.",
    ),
    "overview.map_hover": ("Mål {target}, mottagna {received}", "Target {target}, received {received}"),
    "overview.rank_title": (
        "Vilka ligger längst efter och längst före målet {year}?",
        "Who is furthest behind and ahead of the {year} target?",
    ),
    "overview.rank_summary": (
        "Längst efter: {behind}. Längst före: {ahead}.",
        "Furthest behind: {behind}. Furthest ahead: {ahead}.",
    ),
    "overview.no_target": (
        "Det finns inga mål för urvalet {year}.",
        "There are no targets for the selection in {year}.",
    ),
    # targets page
    "mal.gap_title": (
        "{behind} av {n} kommuner har tagit emot färre än målet {year}",
        "{behind} of {n} municipalities have received fewer than the {year} target",
    ),
    "mal.gap_summary": (
        "Störst underskott: {worst} ({gap} personer). Störst överskott: {best} ({over} personer).",
        "Largest shortfall: {worst} ({gap} persons). Largest surplus: {best} ({over} persons).",
    ),
    "mal.gap_more": (
        "Diagrammet visar de {n} kommuner som ligger längst efter och före; alla finns i tabellen.",
        "The chart shows the {n} municipalities furthest behind and ahead; all are in the table.",
    ),
    "mal.pace_title": (
        "Går mottagandet {year} i takt med målet?",
        "Is reception in {year} keeping pace with the target?",
    ),
    "mal.pace_received": ("Mottagna hittills", "Received so far"),
    "mal.pace_line": ("Takt mot målet (en månads eftersläpning)", "Pace to target (one month's lag)"),
    "mal.pace_summary": (
        "Till och med {month}: {received} mottagna mot {pace} enligt takten ({share} av takten).",
        "Up to {month}: {received} received against {pace} on pace ({share} of pace).",
    ),
    "mal.pace_note": (
        "Takten räknar med att personer syns i statistiken först månaden efter mottagandet: målet × (månad − 1) / 12.",
        "The pace assumes people show in the statistics the month after reception: target × (month − 1) / 12.",
    ),
    "mal.heat_title": ("Måluppfyllelse per år och kommun", "Target fulfilment by year and municipality"),
    "mal.heat_summary": (
        "Lägst måluppfyllelse {year}: {worst} ({share}).",
        "Lowest fulfilment in {year}: {worst} ({share}).",
    ),
    "mal.heat_more": (
        "Visar {n} kommuner med lägst måluppfyllelse {year}; välj ett län eller en region för fler.",
        "Shows the {n} municipalities with the lowest fulfilment in {year}; pick a county or region for more.",
    ),
    "mal.minors_note": (
        "Ensamkommande barn: målet är kommunens andel i promille av alla anvisningar. Här räknas det om till personer: andelen × alla ensamkommande barn som togs emot i landet det året.",
        "Unaccompanied minors: the target is the municipality's share, per mille, of all assignments. Here it is converted into persons: the share × all unaccompanied minors received nationally that year.",
    ),
    "mal.county_title": (
        "Länstal: hur många varje län ska ta emot {year}",
        "County quotas: how many each county is to receive in {year}",
    ),
    "mal.county_summary": (
        "{n} län har länstal {year}, sammanlagt {total} personer.",
        "{n} counties have a quota in {year}, {total} persons in all.",
    ),
    "col.target": ("Mål", "Target"),
    "col.received": ("Mottagna", "Received"),
    "col.gap": ("Skillnad", "Difference"),
    "col.fulfilment": ("Måluppfyllelse", "Fulfilment"),
    # table columns (the data keeps its identifiers; only the screen is labelled)
    "col.year": ("År", "Year"),
    "col.kommun_kod": ("Kommunkod", "Code"),
    "col.kommun": ("Kommun", "Municipality"),
    "col.lan_kod": ("Länskod", "County code"),
    "col.lan": ("Län", "County"),
    "col.target_per_mille": ("Andel (promille)", "Share (per mille)"),
    "col.month": ("Månad", "Month"),
    "col.places": ("Platser", "Places"),
    "col.occupied": ("Belagda", "Occupied"),
    "col.headroom": ("Lediga", "Free"),
    "col.occupancy": ("Beläggning", "Occupancy"),
    "col.inflow": ("Mottagna per månad, snitt", "Received per month, mean"),
    "col.months_left": ("Månader kvar", "Months left"),
    "col.run_out_month": ("Platserna slut", "Places run out"),
    "col.decision": ("Beslut", "Decision"),
    "col.valid_from": ("Gäller från", "Valid from"),
    "col.months": ("Månader", "Months"),
    "col.mean_persons": ("Snitt per månad", "Mean per month"),
    "col.cv": ("Variationskoefficient", "Coefficient of variation"),
    "col.max_month": ("Största månad", "Largest month"),
    "col.p90_month": ("90:e percentilen", "90th percentile"),
    "col.buffer_needed": ("Buffert som behövs", "Buffer needed"),
    "col.covered": ("Räcker", "Enough"),
    "col.persons": ("Personer", "Persons"),
    "col.load_id": ("Nr", "No."),
    "col.loaded_at": ("Inläst", "Loaded"),
    "col.dataset": ("Datamängd", "Dataset"),
    "col.source": ("Fil", "File"),
    "col.rows": ("Rader", "Rows"),
    "col.is_demo": ("Demo", "Demo"),
    "col.undone_at": ("Ångrad", "Undone"),
    "col.loaded_by": ("Inläst av", "Loaded by"),
    "col.undone_by": ("Ångrad av", "Undone by"),
    "col.redone_at": ("Gjord om", "Redone"),
    "col.redone_by": ("Gjord om av", "Redone by"),
    "col.newest": ("Senaste månad", "Newest month"),
    "col.newest_year": ("Senaste år", "Newest year"),
    "col.sources": ("Filer", "Files"),
    # capacity page
    "kap.by_kommun_title": (
        "Var är det trångast? Belagda och lediga platser, {month}",
        "Where is it tightest? Occupied and free places, {month}",
    ),
    "kap.by_kommun_summary": (
        "{full} av {n} kommuner har inga lediga platser; totalt {headroom} lediga av {places}.",
        "{full} of {n} municipalities have no free places; {headroom} free of {places} in all.",
    ),
    "kap.time_title": (
        "Platser, beläggning och lediga platser över tid",
        "Places, occupancy and free places over time",
    ),
    "kap.time_summary": (
        "{month}: {occupied} av {places} platser belagda ({share}).",
        "{month}: {occupied} of {places} places occupied ({share}).",
    ),
    "kap.runout_title": (
        "Vilka kommuner får slut på platser i nuvarande takt?",
        "Which municipalities run out of places at the current inflow?",
    ),
    "kap.runout_summary": (
        "{full} kommuner är redan fulla. {n} till får slut på platser inom ett år om inflödet fortsätter som de senaste tre månaderna; först {first} ({when}).",
        "{full} municipalities are already full. {n} more run out of places within a year if inflow continues as in the last three months; first {first} ({when}).",
    ),
    "kap.runout_none": (
        "Ingen kommun får slut på platser inom ett år i nuvarande takt.",
        "No municipality runs out of places within a year at the current inflow.",
    ),
    "kap.runout_note": (
        "Nuvarande takt = medelvärdet av de tre senaste månadernas mottagande. Platser som frigörs räknas inte med.",
        "Current inflow = the mean of the last three months. Places that become free are not counted.",
    ),
    "kap.places_shaded": ("Platser (skuggat = lediga)", "Places (shaded = free)"),
    "kap.occupied": ("Belagda", "Occupied"),
    "kap.headroom": ("Lediga", "Free"),
    "kap.months_left": ("Månader kvar", "Months left"),
    # variation page
    "var.monthly_title": (
        "Mottagandet svänger: månad för månad och glidande årsmedelvärde",
        "Inflow swings: month by month and the rolling yearly mean",
    ),
    "var.monthly_summary": (
        "Största månaden: {month} med {max} personer; senaste glidande medelvärde {mean} per månad.",
        "Largest month: {month} with {max} persons; latest rolling mean {mean} per month.",
    ),
    "var.rolling": ("Glidande medelvärde, 12 månader", "Rolling mean, 12 months"),
    "var.monthly": ("Per månad", "Per month"),
    "var.profile_title": ("Vilka månader kommer flest?", "Which months bring the most?"),
    "var.profile_summary": (
        "Flest i {high} ({high_n} i snitt), minst i {low} ({low_n}).",
        "Most in {high} ({high_n} on average), fewest in {low} ({low_n}).",
    ),
    "var.mean": ("Medel per månad", "Mean per month"),
    "var.spread_title": (
        "Hur mycket svänger mottagandet i varje kommun?",
        "How much does inflow swing in each municipality?",
    ),
    "var.spread_summary": (
        "Störst svängning (variationskoefficient): {top} ({cv}).",
        "Largest swing (coefficient of variation): {top} ({cv}).",
    ),
    "var.buffer_title": (
        "Räcker de lediga platserna för en dålig månad (90:e percentilen)?",
        "Do the free places absorb a bad month (90th percentile)?",
    ),
    "var.buffer_summary": (
        "{short} av {n} kommuner har färre lediga platser än en 90-percentilsmånad kräver.",
        "{short} of {n} municipalities have fewer free places than a 90th-percentile month needs.",
    ),
    "var.buffer_note": (
        "Bufferten = de platser som en månad på 90:e percentilen fyller (avrundat uppåt), jämfört med lediga platser den senaste månaden. Månader med skyddade värden räknas inte.",
        "The buffer = the places a 90th-percentile month fills (rounded up), against free places in the latest month. Months with suppressed values are not counted.",
    ),
    "var.buffer": ("Buffert som behövs", "Buffer needed"),
    "var.headroom": ("Lediga platser i dag", "Free places today"),
    # data page
    "data.upload": ("Läs in filer", "Load files"),
    "data.upload_help": (
        "Excel, CSV eller parquet från Migrationsverket eller länsstyrelsen.",
        "Excel, CSV or parquet from the Migration Agency or the County Board.",
    ),
    "data.dataset": ("Vad innehåller filen?", "What does the file hold?"),
    "data.dataset_auto": ("Känn igen själv", "Recognise it"),
    "data.year": ("År (om filen inte säger det)", "Year (if the file doesn't say)"),
    "data.month": ("Månad 1–12 (om filen inte säger det)", "Month 1–12 (if the file doesn't say)"),
    "data.load_button": ("Läs in", "Load"),
    "data.loaded": ("Inläst: {name}", "Loaded: {name}"),
    "data.already": (
        "{name} är redan inläst (inläsning {id}); ingenting har ändrats.",
        "{name} is already loaded (load {id}); nothing has changed.",
    ),
    "data.refused": (
        "Filen lästes inte in. Ingenting har ändrats.",
        "The file was not loaded. Nothing has changed.",
    ),
    "data.problems": (
        "{name}: {n} problem att rätta i filen.",
        "{name}: {n} problems to correct in the file.",
    ),
    "data.warnings": ("Att titta på ({n})", "To look at ({n})"),
    "data.notes": ("Hur filen lästes ({n})", "How the file was read ({n})"),
    "problem.where": ("Blad", "Sheet"),
    "problem.row": ("Rad", "Row"),
    "problem.column": ("Kolumn", "Column"),
    "problem.value": ("Värde", "Value"),
    "problem.message": ("Problem", "Problem"),
    # importer problems: problem.<code> (reception.ingest.problems), fields in braces
    "problem.refused": (
        "Filen lästes inte in. Ingenting har ändrats.",
        "The file was not loaded. Nothing has changed.",
    ),
    "problem.at_sheet": ("blad {sheet}", "sheet {sheet}"),
    "problem.at_row": ("rad {row}", "row {row}"),
    "problem.at_column": ("kolumn {column}", "column {column}"),
    "problem.at_value": ("värdet {value}:", "the value {value}:"),
    "problem.count": ("{file}: {n} problem", "{file}: {n} problems"),
    "problem.one": ("{file}: ett problem", "{file}: one problem"),
    "problem.more_of_the_same": (
        "… och {n} problem till av samma slag.",
        "… and {n} more problems of the same kind.",
    ),
    "problem.empty_file": ("Filen är tom.", "The file is empty."),
    "problem.not_excel": (
        "Filen går inte att läsa som Excel: den är trasig eller sparad i ett annat format. Spara den som Excel-arbetsbok (xlsx).",
        "The file can't be read as Excel: it is broken or saved in another format. Save it as an Excel workbook (xlsx).",
    ),
    "problem.not_utf8": (
        "Filen är varken UTF-8 eller Windows-1252; spara den som CSV UTF-8.",
        "The file is neither UTF-8 nor Windows-1252; save it as CSV UTF-8.",
    ),
    "problem.not_parquet": (
        "Filen går inte att läsa som parquet: den är trasig eller avkortad.",
        "The file can't be read as parquet: it is broken or cut short.",
    ),
    "problem.parquet_type": (
        "Kolumnen {header} innehåller {type}, som inte är text eller tal; spara den som en enkel tabell.",
        "The column {header} holds {type}, which is neither text nor a number; save it as a plain table.",
    ),
    "problem.unknown_dataset": (
        "okänd datamängd {dataset}; välj en av {choices}.",
        "unknown dataset {dataset}; choose one of {choices}.",
    ),
    "problem.unlikely_option_year": (
        "året {year} är inte rimligt (2000–2100).",
        "the year {year} is not plausible (2000–2100).",
    ),
    "problem.no_such_month": ("månaden {month} finns inte (1–12).", "there is no month {month} (1–12)."),
    "problem.no_rows": (
        "filen har inga rader med kommuner och siffror.",
        "the file has no rows with municipalities and figures.",
    ),
    "problem.not_recognised": (
        "filen känns inte igen som mål, länstal, mottagna, kapacitet, händelser eller folkmängd ({reasons}).",
        "the file is not recognised as targets, county targets, arrivals, capacity, events or population ({reasons}).",
    ),
    "problem.more_rows": (
        "{n} rader till i kolumn {column} har samma fel:",
        "{n} more rows in column {column} have the same problem:",
    ),
    "problem.not_a_number": ("text där det ska stå ett tal.", "text where a number should be."),
    "problem.negative": ("ett antal kan inte vara negativt.", "a count can't be negative."),
    "problem.not_whole": (
        "ett antal personer eller platser måste vara ett heltal.",
        "a number of people or places must be a whole number.",
    ),
    "problem.too_large": ("värdet kan inte vara större än {most}.", "the value can't be larger than {most}."),
    "problem.year_unknown": (
        "det går inte att se vilket år {what_code} gäller.",
        "it can't be seen which year {what_code} are for.",
    ),
    "problem.years_seen": ("Flera år nämns ({seen}).", "Several years are named ({seen})."),
    "problem.give_year": ("Ange året (--year).", "Give the year (--year)."),
    "problem.month_unknown": (
        "det går inte att se vilken månad {what_code} gäller.",
        "it can't be seen which month {what_code} are for.",
    ),
    "problem.give_month": ("Ange månaden (--month).", "Give the month (--month)."),
    "problem.what.months": ("månaderna", "the months"),
    "problem.what.population": ("folkmängden", "the population figures"),
    "problem.what.targets": ("målen", "the targets"),
    "problem.what.snapshot": ("ställningen", "the figures so far"),
    "problem.what.figures": ("siffrorna", "the figures"),
    "problem.unknown_area": ("okänd kommun.", "unknown municipality."),
    "problem.unknown_area_hint": (
        "okänd kommun (menade du {hint}?).",
        "unknown municipality (did you mean {hint}?).",
    ),
    "problem.no_area": ("raden har siffror men ingen kommun.", "the row has figures but no municipality."),
    "problem.same_value_rows": ("Samma värde står på {n} rader.", "The same value stands on {n} rows."),
    "problem.code_and_name_differ": (
        "kommunkoden {code} och namnet {name} är olika kommuner.",
        "the municipality code {code} and the name {name} are different municipalities.",
    ),
    "problem.repeated_key": (
        "{name} står flera gånger med olika värden ({shown}): {places}.",
        "{name} appears more than once with different values ({shown}): {places}.",
    ),
    "problem.partial_year": (
        "siffrorna för {year} gäller en del av året men filen säger inte till vilken månad. Ange månaden (--month).",
        "the figures for {year} cover part of the year but the file doesn't say up to which month. Give the month (--month).",
    ),
    "problem.no_month_for_year": (
        "filen säger inte till vilken månad {year} siffrorna gäller. Ange månaden (--month, 12 för helår).",
        "the file doesn't say up to which month of {year} the figures run. Give the month (--month, 12 for the whole year).",
    ),
    "problem.no_month": ("ingen månad (t.ex. 2024-10).", "no month (e.g. 2024-10)."),
    "problem.no_month_number": ("ingen månad (1–12).", "no month (1–12)."),
    "problem.no_year": ("inget år.", "no year."),
    "problem.no_capacity_columns": (
        "tabellen har inga kolumner för platser eller belagda platser.",
        "the table has no columns of places or occupied places.",
    ),
    "problem.capacity_month_unknown": (
        "det går inte att se vilken månad platserna gäller. Ange månaden (--month).",
        "it can't be seen which month the places are for. Give the month (--month).",
    ),
    "problem.no_category_columns": (
        "tabellen har inga kolumner för kategorierna (kvotflyktingar, anvisade, egenbosatta, anhöriga, övriga).",
        "the table has no columns for the categories (quota refugees, assigned, self-settled, family, other).",
    ),
    "problem.no_count_column": (
        "tabellen har ingen kolumn med antal personer.",
        "the table has no column with a number of people.",
    ),
    "problem.event_columns": (
        "en fil med händelser behöver kolumner för datum, kommun och kategori.",
        "a file of events needs columns for date, municipality and category.",
    ),
    "problem.unknown_category": (
        "okänd kategori (kvotflykting, anvisad, egenbosatt, anhörig, övrig eller tillfälligt skydd).",
        "unknown category (quota refugee, assigned, self-settled, family, other or temporary protection).",
    ),
    "problem.no_date": ("inget datum (t.ex. 2024-10-05).", "no date (e.g. 2024-10-05)."),
    "problem.future_date": ("datumet har inte varit än.", "the date has not come yet."),
    "problem.not_yes_no": ("ska vara ja eller nej.", "should be yes or no."),
    "problem.program_unknown": (
        "det går inte att se om målet är kommuntal, fördelningstal eller anvisningsandel.",
        "it can't be seen whether the target is a kommuntal, a fördelningstal or an anvisningsandel.",
    ),
    "problem.no_target_column": (
        "tabellen har ingen kolumn med mål (kommuntal, fördelningstal, anvisningsandel).",
        "the table has no column of targets (kommuntal, fördelningstal, anvisningsandel).",
    ),
    "problem.no_county_target_column": (
        "tabellen har ingen kolumn med länstal.",
        "the table has no column of county targets (länstal).",
    ),
    "problem.no_target_value_column": (
        "tabellen har ingen kolumn med målet.",
        "the table has no column with the target.",
    ),
    "problem.no_valid_from": ("inget datum (t.ex. 2024-07-01).", "no date (e.g. 2024-07-01)."),
    "problem.unknown_program": (
        "okänt program (kommuntal, fördelningstal eller ensamkommande).",
        "unknown programme (kommuntal, fördelningstal or unaccompanied minors).",
    ),
    "problem.no_population_column": (
        "tabellen har ingen kolumn med folkmängd (ett år som '2024', 'Folkmängd' eller 'Värde').",
        "the table has no column of population (a year such as '2024', 'Folkmängd' or 'Värde').",
    ),
    "problem.unlikely_population_year": (
        "året {year} är inte rimligt för folkmängd (1950–{last}).",
        "the year {year} is not plausible for population (1950–{last}).",
    ),
    "problem.no_year_example": ("inget år (t.ex. 2024).", "no year (e.g. 2024)."),
    "problem.month_table_category": (
        "tabellen med månaderna som kolumner säger inte vilken kategori den räknar (kvotflyktingar, anvisade, egenbosatta, anhöriga, övriga): en kolumn 'Kategori' eller rubriken ska säga det.",
        "the table with the months as columns doesn't say which category it counts (quota refugees, assigned, self-settled, family, other): a 'Kategori' column or the title must say it.",
    ),
    "problem.future_month": (
        "månaden {month} har inte varit än men har siffror.",
        "the month {month} has not come yet but has figures.",
    ),
    # the importer's load summary (reception.ingest.result)
    "load.head": (
        "{name}: inläsning {id}, {rows} rader, {period}",
        "{name}: load {id}, {rows} rows, {period}",
    ),
    "load.municipalities": ("kommuner", "municipalities"),
    "load.counties": ("län", "counties"),
    "load.total": ("summa {measure}: {total}", "total {measure}: {total}"),
    "load.hidden": (
        "{n} värden dolda i källan, sparade som okända",
        "{n} values hidden in the source, stored as unknown",
    ),
    "load.hidden_one": (
        "{n} värde dolt i källan, sparat som okänt",
        "{n} value hidden in the source, stored as unknown",
    ),
    "load.already": (
        "{source} är redan inläst (inläsning {id}); ingenting har ändrats.",
        "{source} is already loaded (load {id}); nothing has changed.",
    ),
    "load.loaded": ("Inläst: {source}", "Loaded: {source}"),
    "load.renamed": ("namn som tolkats: {pairs}", "names read as: {pairs}"),
    "load.warnings": ("Varningar ({n}):", "Warnings ({n}):"),
    "load.notes": ("Att veta ({n}):", "Good to know ({n}):"),
    "load.more": ("… och {n} till.", "… and {n} more."),
    "measure.target": ("mål", "target"),
    "measure.received": ("mottagna", "received"),
    "measure.persons": ("personer", "persons"),
    "measure.of_which_unaccompanied": ("varav ensamkommande barn", "of which unaccompanied minors"),
    "measure.places": ("platser", "places"),
    "measure.occupied": ("belagda", "occupied"),
    "measure.population": ("folkmängd", "population"),
    "problem.where_sheet_row": ("blad {sheet}, rad {row}", "sheet {sheet}, row {row}"),
    "problem.where_row": ("rad {row}", "row {row}"),
    "problem.where_sheet": ("blad {sheet}: ", "sheet {sheet}: "),
    "problem.subtotal_differs": (
        "{where}, kolumn {column}: summaraden säger {stated} men raderna den summerar ger {known}.",
        "{where}, column {column}: the sum row says {stated} but the rows it sums give {known}.",
    ),
    "problem.row_sum_differs": (
        "{where}, kolumn {column}: {stated} men delarna summerar till {added}.",
        "{where}, column {column}: {stated} but the parts add up to {added}.",
    ),
    "problem.wrong_county": (
        "{where}: {kommun} står under {stated} men hör till {actual}.",
        "{where}: {kommun} stands under {stated} but belongs to {actual}.",
    ),
    "problem.repeated_same": (
        "{name} står två gånger med samma värden ({places}); raden lästes en gång.",
        "{name} appears twice with the same values ({places}); the row was read once.",
    ),
    "problem.month_column_cumulative": (
        "Månadskolumnen läses som ställning hittills under året (tabellen säger det).",
        "The month column is read as the figures so far this year (the table says so).",
    ),
    "problem.whole_years": (
        "Siffrorna per år läses som helår (januari–december).",
        "The yearly figures are read as whole years (January–December).",
    ),
    "problem.more_occupied_than_places": (
        "rad {row}: fler belagda platser än platser.",
        "row {row}: more occupied places than places.",
    ),
    "problem.places_from_free": (
        "Platser = belagda + lediga (filen har inga platser).",
        "Places = occupied + free (the file has no places).",
    ),
    "problem.occupied_from_free": (
        "Belagda = platser − lediga (filen har inga belagda).",
        "Occupied = places − free (the file has no occupied).",
    ),
    "problem.free_does_not_add_up": (
        "rad {row}: belagda + lediga är inte lika med platser.",
        "row {row}: occupied + free is not equal to places.",
    ),
    "problem.as_of_updated": (
        "Ställningen januari–{month_code} {year}: filen uppdaterades {updated} och räknas till och med månaden före.",
        "The figures January–{month_code} {year}: the file was updated on {updated} and counts up to the month before.",
    ),
    "problem.month.1": ("januari", "January"),
    "problem.month.2": ("februari", "February"),
    "problem.month.3": ("mars", "March"),
    "problem.month.4": ("april", "April"),
    "problem.month.5": ("maj", "May"),
    "problem.month.6": ("juni", "June"),
    "problem.month.7": ("juli", "July"),
    "problem.month.8": ("augusti", "August"),
    "problem.month.9": ("september", "September"),
    "problem.month.10": ("oktober", "October"),
    "problem.month.11": ("november", "November"),
    "problem.month.12": ("december", "December"),
    "problem.minors_block": (
        "Tabellen under rubriken om ensamkommande barn läses som 'varav ensamkommande barn'.",
        "The table under the heading about unaccompanied minors is read as 'of which unaccompanied minors'.",
    ),
    "problem.minors_of_all_categories": (
        "Kolumn {column} gäller alla kategorier tillsammans och sparas inte (ensamkommande sparas per kategori).",
        "Column {column} is for all categories together and is not stored (unaccompanied minors are stored per category).",
    ),
    "problem.blank_is_zero": (
        "Migrationsverkets Kommunmottagna: tomma celler läses som 0 (filen skriver ut även ettor och tvåor, så inget är dolt).",
        "Migrationsverket's Kommunmottagna: empty cells are read as 0 (the file prints ones and twos too, so nothing is hidden).",
    ),
    "problem.more_minors_than_persons": (
        "rad {row}: fler ensamkommande barn ({minors}) än personer ({persons}) i kategorin {category_code}.",
        "row {row}: more unaccompanied minors ({minors}) than persons ({persons}) in the category {category_code}.",
    ),
    "problem.target_column_revised": (
        "Målet läses ur kolumn {column}, den senast reviderade.",
        "The target is read from column {column}, the latest revised.",
    ),
    "problem.received_column": (
        "Mottagna läses ur kolumn {column}.",
        "Received is read from column {column}.",
    ),
    "problem.count_as_program": (
        "Kolumn {column} läses som {program_code} enligt rubriken.",
        "Column {column} is read as {program_code}, as the title says.",
    ),
    "problem.stated_total_differs": (
        "Rubriken säger {stated} men kommunerna i tabellen summerar till {total}: {line}.",
        "The title says {stated} but the municipalities in the table add up to {total}: {line}.",
    ),
    "problem.remaining_differs": (
        "rad {row}, kolumn {column}: {stated} kvar men mål minus mottagna är {expected}.",
        "row {row}, column {column}: {stated} remaining but target minus received is {expected}.",
    ),
    "problem.all_genders_only": (
        "Kolumn {column}: bara raderna för alla (T, totalt) läses, inte per kön.",
        "Column {column}: only the rows for everyone (T, total) are read, not per gender.",
    ),
    "problem.population_sum_differs": (
        "{where}: {area} {year} står som {stated} men kommunerna summerar till {known}.",
        "{where}: {area} {year} stands as {stated} but the municipalities add up to {known}.",
    ),
    "problem.sums_not_checked": (
        "{n} rader för län eller riket kontrollerades inte: filen har inte alla deras kommuner.",
        "{n} rows for counties or the country were not checked: the file does not have all their municipalities.",
    ),
    "problem.category_from_title": (
        "Kategorin enligt rubriken: {category_code}.",
        "The category, as the title says: {category_code}.",
    ),
    "problem.empty_months": (
        "Tomma månadskolumner lästes inte (månader som inte har varit): {columns}.",
        "Empty month columns were not read (months still to come): {columns}.",
    ),
    "problem.months_as_columns": (
        "Månaderna i kolumnerna läses som varje månads egna siffror.",
        "The months in the columns are read as each month's own figures.",
    ),
    "problem.year_from": ("År {year} enligt {source}.", "Year {year} from {source}."),
    "problem.month_from": ("Månad {month} enligt {source}.", "Month {month} from {source}."),
    "problem.source.title": ("rubriken {text}", "the title {text}"),
    "problem.source.sheet_title": ("bladets rubrik {text}", "the sheet's title {text}"),
    "problem.source.sheet_name": ("bladnamnet {text}", "the sheet's name {text}"),
    "problem.source.file_name": ("filnamnet {text}", "the file's name {text}"),
    "problem.sheet_no_header": (
        "blad {sheet}: ingen rubrikrad med kommun eller län",
        "sheet {sheet}: no header row with a municipality or county",
    ),
    "problem.no_header": (
        "ingen rubrikrad med kommun eller län hittades",
        "no header row with a municipality or county was found",
    ),
    "problem.table_unknown": (
        "{where}kolumnerna {columns} säger inte vad tabellen innehåller",
        "{where}the columns {columns} don't say what the table holds",
    ),
    "problem.table_no_rows": (
        "{where}kolumnerna {columns} har inga rader med kommuner",
        "{where}the columns {columns} have no rows with municipalities",
    ),
    "problem.table_no_known_rows": (
        "{where}kolumnerna {columns} har inga rader med kända kommuner",
        "{where}the columns {columns} have no rows with known municipalities",
    ),
    "problem.unread_columns": (
        "Kolumner som inte läses (okänd eller härledd): {columns}.",
        "Columns not read (unknown or derived): {columns}.",
    ),
    "problem.no_tables": ("inga tabeller", "no tables"),
    "problem.not_read": ("Lästes inte: {reason}.", "Not read: {reason}."),
    "problem.minors_without_row": (
        "{n} värden om ensamkommande barn har ingen rad i huvudtabellen.",
        "{n} values of unaccompanied minors have no row in the main table.",
    ),
    "dataset.targets": ("Mål: kommuntal, fördelningstal, anvisningsandel", "Targets per municipality"),
    "dataset.county_targets": ("Länstal", "County targets (länstal)"),
    "dataset.arrivals": ("Mottagna per kategori", "People received by category"),
    "dataset.capacity": ("Kapacitet: platser och belagda", "Capacity: places and occupied"),
    "dataset.arrival_events": ("Mottagna, en rad per person", "People received, one row each"),
    "dataset.population": ("Folkmängd 31 december (SCB, Kolada)", "Population on 31 December (SCB, Kolada)"),
    "data.history": ("Inläsningar", "Loads"),
    "data.undo": ("Ångra inläsning", "Undo load"),
    "data.undo_pick": ("Inläsning att ångra", "Load to undo"),
    "data.undone": ("Inläsning {id} är ångrad.", "Load {id} is undone."),
    "data.freshness": ("Hur färska är data?", "How fresh is the data?"),
    "data.views": ("Ladda ner en vy", "Download a view"),
    "data.view_pick": ("Vy", "View"),
    "data.rows": ("{n} rader", "{n} rows"),
    "data.undo_confirm": (
        "Ångra inläsning {id} ({source}) för alla som tittar?",
        "Undo load {id} ({source}) for everyone viewing?",
    ),
    "data.undo_yes": ("Ja, ångra", "Yes, undo"),
    "data.undo_no": ("Avbryt", "Cancel"),
    "data.redo": ("Gör om ångrad inläsning", "Redo an undone load"),
    "data.redo_pick": ("Ångrad inläsning att göra om", "Undone load to redo"),
    "data.redone": ("Inläsning {id} gäller igen.", "Load {id} counts again."),
    "undo.refused.unknown": ("Det finns ingen inläsning med nummer {id}.", "There is no load number {id}."),
    "undo.refused.already_undone": (
        "Inläsning {id} ({source}) är redan ångrad ({at}).",
        "Load {id} ({source}) is undone already ({at}).",
    ),
    "undo.refused.not_undone": (
        "Inläsning {id} ({source}) är inte ångrad.",
        "Load {id} ({source}) is not undone.",
    ),
    # the command line (reception/__main__.py): what it prints, its refusals and its help
    "cli.demo.loaded": (
        "Demodata inläst (syntetiska siffror utom länstalen):",
        "Demo data loaded (made-up figures except the county targets):",
    ),
    "cli.demo.load": ("  inläsning {id}: {source}, {n} rader", "  load {id}: {source}, {n} rows"),
    "cli.reading": ("Läser in", "Loading"),
    "cli.loads.id": ("nr", "no."),
    "cli.loads.at": ("inläst", "loaded"),
    "cli.loads.dataset": ("datamängd", "dataset"),
    "cli.loads.rows": ("rader", "rows"),
    "cli.loads.status": ("status", "status"),
    "cli.loads.source": ("källa", "source"),
    "cli.loads.undone": ("ångrad {at}", "undone {at}"),
    "cli.loads.demo": ("demo", "demo"),
    "cli.loads.live": ("gäller", "counts"),
    "cli.undone": (
        "Inläsning {id} ({source}, {dataset}) är ångrad.",
        "Load {id} ({source}, {dataset}) is undone.",
    ),
    "cli.about.view": ("Vy", "View"),
    "cli.about.loaded": ("Senaste inläsning", "Latest load"),
    "cli.exported": (
        "{n} rader ur {view} skrivna till {name} ({format}).",
        "{n} rows of {view} written to {name} ({format}).",
    ),
    "cli.handout.one_page": ("{n} sida", "{n} page"),
    "cli.handout.pages": ("{n} sidor", "{n} pages"),
    "cli.handout.done": (
        "Utdelning med {pages} skriven till {name} på {seconds} s.",
        "Handout of {pages} written to {name} in {seconds} s.",
    ),
    "cli.written": ("Skrivet till {name}.", "Written to {name}."),
    "cli.interrupted": ("Avbrutet: ingenting har ändrats.", "Interrupted: nothing has changed."),
    "cli.failed": (
        "Kommandot stoppades av ett oväntat fel; ingenting har ändrats. Kör det igen med --debug för att se detaljerna.",
        "The command was stopped by an unexpected error; nothing has changed. Run it again with --debug to see the details.",
    ),
    "cli.refused.no_file": ("{name}: filen finns inte.", "{name}: the file does not exist."),
    "cli.refused.no_folder": ("Mappen för {name} finns inte.", "The folder for {name} does not exist."),
    "cli.refused.no_permission": (
        "{name}: ingen behörighet att läsa eller skriva.",
        "{name}: no permission to read or write it.",
    ),
    "cli.refused.disk_full": (
        "Disken är full; ingenting har ändrats.",
        "The disk is full; nothing has changed.",
    ),
    "cli.refused.unknown_view": (
        "Okänd vy {view}. Välj en av: {views}.",
        "Unknown view {view}. Choose one of: {views}.",
    ),
    "cli.refused.deck_and_page": (
        "Ange antingen --deck eller --page, inte båda.",
        "Give either --deck or --page, not both.",
    ),
    "cli.refused.handout": ("{reason}", "{reason}"),
    "cli.help.description": ("Mottagningsdashboardens datalager.", "The reception dashboard's data store."),
    "cli.help.db": (
        "databasfilen (annars RECEPTION_DB eller data/)",
        "the store file (else RECEPTION_DB or data/)",
    ),
    "cli.help.lang": (
        "språket för meddelanden (sv eller en; sv om inget anges)",
        "the language of messages (sv or en; sv if none is given)",
    ),
    "cli.help.debug": (
        "visa hela felet (traceback) om något oväntat händer",
        "show the whole error (traceback) if something unexpected happens",
    ),
    "cli.help.demo": ("fyll databasen med demodata", "fill the store with the demo data"),
    "cli.help.ingest": (
        "läs in en fil från Migrationsverket eller länsstyrelsen",
        "load a file from the Migration Agency or the County Board",
    ),
    "cli.help.path": ("filen att läsa in", "the file to load"),
    "cli.help.year": (
        "året filen gäller, om filen inte säger det",
        "the year the file is about, if the file doesn't say",
    ),
    "cli.help.month": (
        "månaden (1-12) en ställning hittills i år eller kapaciteten gäller",
        "the month (1-12) a year-to-date snapshot or the capacity is about",
    ),
    "cli.help.loads": ("visa inläsningarna", "list the loads"),
    "cli.help.undo": ("ångra en inläsning", "undo a load"),
    "cli.help.export": ("spara en vy som fil", "save a view as a file"),
    "cli.help.handout": (
        "mötets bilder som PDF, en bild per sida",
        "the meeting's slides as a PDF, one slide a page",
    ),
    "cli.help.deck": (
        "en sparad mötesfil (JSON); annars mötet som sparats i appen",
        "a saved meeting file (JSON); else the meeting saved in the app",
    ),
    "cli.help.page": (
        "en enda sida, som länk eller sökväg (/mal?lan=20)",
        "a single page, as a link or a path (/mal?lan=20)",
    ),
    "cli.help.out_pdf": ("PDF-filen som skrivs", "the PDF file to write"),
    "cli.help.scenario": (
        "fördela ett länstal mellan länets kommuner (ändrar inga data)",
        "share a county total between the county's municipalities (changes no data)",
    ),
    "cli.help.county": ("länskoden, t.ex. 20 för Dalarna", "the county code, e.g. 20 for Dalarna"),
    "cli.help.total": (
        "länstalet (annars det beslutade för året, om det finns)",
        "the county total (else the one decided for the year, if there is one)",
    ),
    "cli.help.national": (
        "--total är ett riksantal: fördela det först efter länstalen",
        "--total is a national number: share it by the county targets first",
    ),
    "cli.help.key": (
        "population, share, equal eller en fil med kommun och vikt",
        "population, share, equal or a file of municipality and weight",
    ),
    "cli.help.out_decision": (
        "spara beslutsunderlaget (.xlsx eller .csv)",
        "save the decision draft (.xlsx or .csv)",
    ),
    # who may change things (reception.ui.roles)
    "roles.password": ("Redaktörens lösenord", "Editor password"),
    "roles.unlock": ("Lås upp", "Unlock"),
    "roles.wrong": ("Fel lösenord (R1). Inget har låsts upp.", "Wrong password (R1). Nothing was unlocked."),
    "roles.wait": (
        "För många fel lösenord: vänta {seconds} sekunder innan nästa försök (R3).",
        "Too many wrong passwords: wait {seconds} seconds before the next try (R3).",
    ),
    "roles.sso": ("Logga in", "Log in"),
    "roles.not_editor": (
        "{email} får inte ändra här (R2). Be en administratör lägga till adressen bland redaktörerna.",
        "{email} may not make changes here (R2). Ask an administrator to add the address to the editors.",
    ),
    "roles.read_only": (
        "Skrivskyddad (R3): servern tar emot anslutningar från andra datorer men har varken inloggning eller redaktörslösenord. Sätt RECEPTION_EDITOR_PASSWORD eller inloggning för att kunna ändra.",
        "Read-only (R3): the server accepts connections from other computers but has neither sign-in nor an editor password. Set RECEPTION_EDITOR_PASSWORD or sign-in to make changes.",
    ),
    "roles.signed_in": ("Inloggad som {name}", "Signed in as {name}"),
    "roles.sign_out": ("Logga ut", "Sign out"),
    # presentation
    "present.heading": ("{area} · {program} · {years}", "{area} · {program} · {years}"),
    # the meeting page (engineer "meeting")
    "meeting.auto_seconds": (
        "Byt bild automatiskt efter (sekunder, 0 = av)",
        "Advance automatically after (seconds, 0 = off)",
    ),
    "meeting.empty": (
        "Mötet har inga bilder än. Lägg till en under Redigera.",
        "The meeting has no slides yet. Add one under Edit.",
    ),
    "meeting.previous": ("← Föregående", "← Previous"),
    "meeting.next": ("Nästa →", "Next →"),
    "meeting.bad_slide": (
        "Bilden pekar inte på en sida i appen och visas inte.",
        "The slide does not point to a page of the app and is not shown.",
    ),
    "meeting.edit": ("Redigera mötet", "Edit the meeting"),
    "meeting.deck_title": ("Mötets namn", "Meeting title"),
    "meeting.up": ("Flytta upp", "Move up"),
    "meeting.down": ("Flytta ner", "Move down"),
    "meeting.remove": ("Ta bort", "Remove"),
    "meeting.slide_title": ("Bildens rubrik", "Slide title"),
    "meeting.slide_link": ("Länk till vyn", "Link to the view"),
    "meeting.slide_link_help": (
        "Klistra in en länk från appen, t.ex. /mal?lan=14.",
        "Paste a link from the app, e.g. /mal?lan=14.",
    ),
    "meeting.add_page": ("Sida", "Page"),
    "meeting.nothing": (
        "Inget har ändrats sedan förra mötet.",
        "Nothing has changed since the last meeting.",
    ),
    "meeting.mark_seen": (
        "Markera inläsning {load} som sedd på mötet",
        "Mark load {load} as seen at the meeting",
    ),
    "meeting.add": ("Lägg till bild", "Add slide"),
    "meeting.export": ("Spara mötet som fil", "Save the meeting as a file"),
    "meeting.import": ("Öppna ett sparat möte", "Open a saved meeting"),
    "meeting.since": ("Sedan förra mötet", "Since the last meeting"),
    "meeting.no_loads": ("Det finns inga inläsningar att jämföra.", "There are no loads to compare."),
    "meeting.from_load": ("Från inläsning", "From load"),
    "meeting.to_load": ("Till inläsning", "To load"),
    "meeting.line.new_months": (
        "Nya månader: {months} ({persons} mottagna)",
        "New months: {months} ({persons} received)",
    ),
    "meeting.line.revised_month": (
        "{month} reviderad: {before} → {now}",
        "{month} revised: {before} → {now}",
    ),
    "meeting.line.new_target": (
        "{kommun}: nytt {program} {year}: {now}",
        "{kommun}: new {program} {year}: {now}",
    ),
    "meeting.line.revised_target": (
        "{kommun}: {program} {year} {before} → {now}",
        "{kommun}: {program} {year} {before} → {now}",
    ),
    "meeting.line.fell_behind": (
        "{kommun} har hamnat efter takten: {received} mottagna, väntat {expected}",
        "{kommun} fell behind pace: {received} received, {expected} expected",
    ),
    "meeting.line.caught_up": (
        "{kommun} har kommit ikapp: {received} mottagna, väntat {expected}",
        "{kommun} caught up: {received} received, {expected} expected",
    ),
    "meeting.line.more": ("… och {n} till", "… and {n} more"),
    "meeting.program.settlement": ("kommuntal", "quota"),
    "meeting.program.temporary_protection": ("fördelningstal", "allocation"),
    "meeting.program.unaccompanied_minors": ("andel ensamkommande", "share of minors"),
    "meeting.title.none": ("Inga nya månader sedan förra mötet", "No new months since the last meeting"),
    "meeting.title.new_one": ("{n} ny", "{n} new"),
    "meeting.title.new_many": ("{n} nya", "{n} new"),
    "meeting.title.revised_one": ("{n} reviderad", "{n} revised"),
    "meeting.title.revised_many": ("{n} reviderade", "{n} revised"),
    "meeting.title.and": (" och ", " and "),
    "meeting.title.month_one": ("{parts} månad sedan förra mötet", "{parts} month since the last meeting"),
    "meeting.title.month_many": (
        "{parts} månader sedan förra mötet",
        "{parts} months since the last meeting",
    ),
    "meeting.chart.new": ("Ny månad", "New month"),
    "meeting.chart.revised": ("Reviderad", "Revised"),
    "meeting.chart.before": ("Före", "Before"),
    "meeting.chart.x": ("Månad", "Month"),
    "meeting.chart.y": ("Mottagna under månaden (personer)", "Received in the month (persons)"),
    # the importer's limits: files refused before reading, and reading that was stopped (reception/ingest/guard.py, isolate.py)
    "problem.limit.file": (
        "Filen är {size} MB; gränsen är {limit} MB. Större filer läses in från kommandoraden.",
        "The file is {size} MB; the limit is {limit} MB. Larger files are loaded from the command line.",
    ),
    "problem.limit.members": (
        "Filen innehåller {n} delfiler; gränsen är {limit}.",
        "The file holds {n} files inside; the limit is {limit}.",
    ),
    "problem.limit.unpacked": (
        "Filen blir {size} MB uppackad; gränsen är {limit} MB.",
        "The file unpacks to {size} MB; the limit is {limit} MB.",
    ),
    "problem.limit.ratio": (
        "Delen {member} packas upp {ratio} gånger större än den är; gränsen är {limit} gånger (en så kallad zip-bomb).",
        "The part {member} unpacks {ratio} times larger than it is; the limit is {limit} times (a so-called zip bomb).",
    ),
    "problem.limit.sheets": (
        "Filen har {n} blad; gränsen är {limit}.",
        "The file has {n} sheets; the limit is {limit}.",
    ),
    "problem.limit.shared_strings": (
        "Tabellen med texter är {size} MB; gränsen är {limit} MB.",
        "The table of texts is {size} MB; the limit is {limit} MB.",
    ),
    "problem.limit.dimension": (
        "Bladet '{sheet}' säger sig omfatta {ref}; gränsen är {limit} celler per blad.",
        "The sheet '{sheet}' declares the range {ref}; the limit is {limit} cells per sheet.",
    ),
    "problem.limit.cells": (
        "Bladet '{sheet}' når {rows} rader gånger {columns} kolumner; gränsen är {limit} celler per blad.",
        "The sheet '{sheet}' reaches {rows} rows by {columns} columns; the limit is {limit} cells per sheet.",
    ),
    "problem.limit.repeated": (
        "De upprepade cellerna blir fler än {limit}; gränsen är {limit} celler.",
        "The repeated cells come to more than {limit}; the limit is {limit} cells.",
    ),
    "problem.limit.parquet_rows": (
        "Filen har {rows} rader gånger {columns} kolumner; gränsen är {limit} celler.",
        "The file has {rows} rows by {columns} columns; the limit is {limit} cells.",
    ),
    "problem.limit.columns": (
        "Filen har {n} kolumner; gränsen är {limit}.",
        "The file has {n} columns; the limit is {limit}.",
    ),
    "problem.limit.line": (
        "Filen har en rad längre än {limit} KB; gränsen är {limit} KB per rad.",
        "The file has a line longer than {limit} KB; the limit is {limit} KB per line.",
    ),
    "problem.limit.memory": (
        "Inläsningen behövde mer än {limit} MB minne och stoppades.",
        "Reading it needed more than {limit} MB of memory and was stopped.",
    ),
    "problem.limit.time": (
        "Inläsningen tog längre än {limit} sekunder och stoppades.",
        "Reading it took longer than {limit} seconds and was stopped.",
    ),
    "problem.limit.name": (
        "Filens namn är {n} tecken långt; gränsen är {limit}. Byt namn på filen och läs in den igen.",
        "The file's name is {n} characters long; the limit is {limit}. Rename the file and load it again.",
    ),
    "problem.limit.busy": (
        "Servern läser redan {n} filer just nu; försök igen om en stund.",
        "The server is already reading {n} files; try again in a moment.",
    ),
    "problem.limit.busy_session": (
        "En fil läses redan in i den här webbläsarfliken; vänta tills den är klar.",
        "A file is already being read in this browser tab; wait until it is done.",
    ),
    "problem.crashed": (
        "Läsaren avbröts ({how}); troligen är filen trasig eller större än gränsen {limit} MB minne.",
        "The reader stopped ({how}); the file is probably broken or beyond the limit of {limit} MB of memory.",
    ),
    "problem.unreadable": (
        "Filen går inte att läsa som {kind}: den är trasig eller sparad i ett annat format.",
        "The file cannot be read as {kind}: it is broken or saved in another format.",
    ),
    "problem.format.broken_zip": (
        "Filen är trasig eller avkortad: den går inte att packa upp som Excel- eller ods-fil.",
        "The file is broken or cut short: it does not unpack as an Excel or ods file.",
    ),
    "problem.format.broken_parquet": (
        "Filen är trasig eller avkortad: den går inte att läsa som parquet.",
        "The file is broken or cut short: it cannot be read as parquet.",
    ),
    "problem.format.encrypted": (
        "Filen är lösenordsskyddad. Spara den utan lösenord och läs in den igen.",
        "The file is protected by a password. Save it without one and load it again.",
    ),
    "problem.format.xlsb": (
        "Filen är en binär Excelfil (xlsb), som inte läses. Spara den som Excel-arbetsbok (xlsx).",
        "The file is a binary Excel file (xlsb), which is not read. Save it as an Excel workbook (xlsx).",
    ),
    "problem.format.macros": (
        "Filen innehåller makron (xlsm), som inte läses. Spara den som Excel-arbetsbok (xlsx).",
        "The file holds macros (xlsm), which are not read. Save it as an Excel workbook (xlsx).",
    ),
    "problem.format.nested": (
        "Filen innehåller en inbäddad fil ({member}); sådana filer läses inte.",
        "The file holds an embedded file ({member}); such files are not read.",
    ),
    "problem.format.dtd": (
        "Delen {member} innehåller en DTD eller entiteter, som inte läses.",
        "The part {member} holds a DTD or entities, which are not read.",
    ),
    "problem.format.nul": (
        "Filen innehåller NUL-tecken: det är inte en textfil (CSV).",
        "The file holds NUL characters: it is not a text (CSV) file.",
    ),
    "problem.format.broken_xml": (
        "Delen {member} är inte korrekt XML: filen är trasig.",
        "The part {member} is not well-formed XML: the file is broken.",
    ),
    "problem.format.broken_parts": (
        "Filen är trasig: en del av den går inte att läsa som {kind}.",
        "The file is broken: a part of it cannot be read as {kind}.",
    ),
    "problem.format.csv_quotes": (
        "Filens citattecken går inte ihop: ett fält inom citattecken tar aldrig slut, eller ett citattecken står mitt i ett fält.",
        "The file's quotes do not match: a quoted field never ends, or a quote stands in the middle of a field.",
    ),
    "problem.limit.field": (
        "Ett fält inom citattecken är längre än {limit} KB; gränsen är {limit} KB.",
        "A quoted field is longer than {limit} KB; the limit is {limit} KB.",
    ),
    "problem.format.broken_xls": (
        "Filen är trasig: den går inte att läsa som en Excelfil från Excel 97–2003 (xls).",
        "The file is broken: it cannot be read as an Excel 97–2003 file (xls).",
    ),
    "problem.limit.text": (
        "Cellernas text blir mer än {limit} MB när upprepningarna räknas; gränsen är {limit} MB.",
        "The cells' text comes to more than {limit} MB when the repeats are counted; the limit is {limit} MB.",
    ),
    "problem.limit.strings": (
        "Filen säger sig ha {n} texter men kan rymma högst {limit}; den är trasig.",
        "The file declares {n} texts but can hold at most {limit}; it is broken.",
    ),
    # demo and real never mix; pages on whatever has been loaded (engineer "pages")
    "data.demo_removed": (
        "Demodata har tagits bort: nu visas bara era egna filer. Ångra inläsningen för att få tillbaka demodata.",
        "The demo data has been removed: only your own files are shown now. Undo the load to bring the demo back.",
    ),
    "col.undone_reason": ("Varför ångrad", "Why undone"),
    "col.retired_by": ("Ersatt vid inläsning", "Replaced by load"),
    "undone_reason.real_loaded": ("ersatt av riktiga data", "replaced by real data"),
    "undone_reason.demo_loaded": ("ersatt av demodata", "replaced by demo data"),
    "undone_reason.demo_replaced": ("ny demodata", "new demo data"),
    "error.page": (
        "Något gick fel när sidan skulle visas. Felet är loggat åt den som driver tjänsten; prova att byta urval eller ladda om sidan.",
        "Something went wrong while showing the page. The error is logged for whoever runs the service; try another selection or reload the page.",
    ),
    "error.regions": (
        "Filen data/regions.csv har ett fel på rad {line}: {problem}. Rätta raden (kolumnerna är region,kommun_kod,kommun) och ladda om sidan.",
        "The file data/regions.csv has an error on line {line}: {problem}. Correct the line (the columns are region,kommun_kod,kommun) and reload the page.",
    ),
    "regions.columns": (
        "kolumnerna ska vara region,kommun_kod,kommun",
        "the columns must be region,kommun_kod,kommun",
    ),
    "regions.fields": ("raden har {n} fält, inte 3", "the line has {n} fields, not 3"),
    "regions.encoding": ("filen är inte sparad som UTF-8", "the file is not saved as UTF-8"),
    "regions.no_region": ("regionens namn saknas", "the region's name is missing"),
    "regions.bad_code": ("{code!r} är ingen kommunkod", "{code!r} is not a municipality code"),
    "missing.targets": (
        "Inga mål (kommuntal, fördelningstal) är inlästa för {year}. Läs in kommuntalsfilen på sidan Data.",
        "No targets (kommuntal, fördelningstal) are loaded for {year}. Load the kommuntal file on the Data page.",
    ),
    "missing.arrivals": (
        "Inga mottagna är inlästa för {year}. Läs in Migrationsverkets fil över kommunmottagna på sidan Data.",
        "No people received are loaded for {year}. Load the Migration Agency's file of people received on the Data page.",
    ),
    "missing.capacity": (
        "Ingen kapacitet (platser och belagda) är inläst för {year}. Läs in en kapacitetsfil på sidan Data.",
        "No capacity (places and occupied) is loaded for {year}. Load a capacity file on the Data page.",
    ),
    "missing.county_targets": (
        "Inga länstal är inlästa för {year}. Läs in länstalen på sidan Data.",
        "No county targets are loaded for {year}. Load the county targets on the Data page.",
    ),
    "missing.go_data": ("Läs in filer på sidan Data", "Load files on the Data page"),
    # the deck's refusals (reception.deck): D codes
    "deck.refused": ("Inget har ändrats:", "Nothing has changed:"),
    "deck.stale": (
        "Någon annan har ändrat mötet (D1) sedan du öppnade det; här är det som det är nu. Gör din ändring igen.",
        "Someone changed the deck (D1) since you opened it; here is the current one. Make your change again.",
    ),
    "deck.where.slide": ("Bilden", "The slide"),
    "deck.where.file_slide": ("{name}, bild {number}", "{name}, slide {number}"),
    "deck.problem.no_title": ("rubriken saknas (D2).", "the title is missing (D2)."),
    "deck.problem.long_title": (
        "rubriken är längre än {n} tecken (D3).",
        "the title is longer than {n} characters (D3).",
    ),
    "deck.problem.no_link": ("länken saknas (D4).", "the link is missing (D4)."),
    "deck.problem.long_link": (
        "länken är längre än {n} tecken (D5).",
        "the link is longer than {n} characters (D5).",
    ),
    "deck.problem.outside": (
        "länken {url} leder utanför appen; bara appens sidor går (D6).",
        "the link {url} leads outside the app; only the app's pages can be used (D6).",
    ),
    "deck.problem.no_page": (
        "sidan {path} finns inte i appen (D7).",
        "the page {path} is not in the app (D7).",
    ),
    "deck.problem.bad_characters": (
        "länken {url} innehåller tecken som inte hör hemma i en vy (D8).",
        "the link {url} holds characters that don't belong in a view (D8).",
    ),
    "deck.problem.too_many_slides": (
        "Ett möte kan ha högst {n} bilder (D9).",
        "A meeting can have at most {n} slides (D9).",
    ),
    "deck.problem.not_json": (
        "{name} är inte en JSON-fil (D10: fel på rad {line}, tecken {column}).",
        "{name} is not a JSON file (D10: an error on line {line}, character {column}).",
    ),
    "deck.problem.not_text": (
        "{name} är inte en JSON-fil (D10: den är inte text i UTF-8).",
        "{name} is not a JSON file (D10: it is not text in UTF-8).",
    ),
    "deck.problem.unreadable": (
        "{name} går inte att läsa: ett tal i den är för långt (D10).",
        "{name} cannot be read: a number in it is too long (D10).",
    ),
    "deck.problem.too_large": (
        "{name} är större än {n} kB; en mötesfil är några kB (D18).",
        "{name} is larger than {n} kB; a meeting file is a few kB (D18).",
    ),
    "deck.problem.too_deep": (
        "{name}: listor och objekt ligger mer än {n} nivåer djupt; en mötesfil har tre (D19).",
        "{name}: lists and objects nest more than {n} levels deep; a meeting file has three (D19).",
    ),
    "deck.problem.more": ("… och {n} problem till.", "… and {n} more problems."),
    "deck.problem.not_a_deck": (
        "{name} är inte en mötesfil från den här appen (fältet format saknas, D11).",
        "{name} is not a meeting file from this app (the format field is missing, D11).",
    ),
    "deck.problem.version": (
        "{name}: versionen {version} känns inte igen, väntade {want} (D12).",
        "{name}: version {version} is not known, expected {want} (D12).",
    ),
    "deck.problem.deck_title": (
        "{name}: mötets rubrik saknas eller är för lång (D13).",
        "{name}: the meeting's title is missing or too long (D13).",
    ),
    "deck.problem.no_slides": (
        "{name}: listan slides saknas (D14).",
        "{name}: the slides list is missing (D14).",
    ),
    "deck.problem.file_too_many": (
        "{name}: {count} bilder, högst {n} går (D15).",
        "{name}: {count} slides, at most {n} can be used (D15).",
    ),
    "deck.problem.not_a_slide": (
        "är inte ett objekt med title och url (D16).",
        "is not an object with title and url (D16).",
    ),
    "deck.problem.file_refused": ("{name}: {reasons} (D17)", "{name}: {reasons} (D17)"),
    # the handout (the deck as a PDF)
    "handout.download": ("Ladda ner utdelning (PDF)", "Download handout (PDF)"),
    "handout.download_help": (
        "Mötets bilder som PDF, en bild per sida (A4 liggande), med diagram, sammanfattning och källa.",
        "The meeting's slides as a PDF, one slide a page (A4 landscape), with chart, summary and source.",
    ),
    "handout.foot": ("Sida {n} av {total} · Utskriven {date}", "Page {n} of {total} · Printed {date}"),
    "handout.no_chart": (
        "Den här sidan har inget eget diagram att skriva ut; visa den i appen: {url}",
        "This page has no chart of its own to print; show it in the app: {url}",
    ),
    "handout.no_slides": (
        "Mötet har inga bilder ännu: lägg till bilder på sidan Möte först.",
        "The meeting has no slides yet: add slides on the Meeting page first.",
    ),
    "handout.no_browser": (
        "Diagrammen kunde inte ritas, så utdelningen gjordes inte (webbläsaren chromium svarade inte: {reason}).",
        "The charts could not be drawn, so no handout was made (the chromium browser did not answer: {reason}).",
    ),
    "handout.no_font": (
        "Typsnittet för utdelningen saknas (Source Sans följer med Streamlit); installera om beroendena.",
        "The handout's font is missing (Source Sans comes with Streamlit); reinstall the dependencies.",
    ),
    # planning: scenarios (the Planering page and the command line)
    "page.planering": ("Planering", "Planning"),
    "plan.intro": (
        "Fördela ett länstal mellan länets kommuner och se vem som får för få platser. Scenarierna ändrar inga data.",
        "Share a county total between its municipalities and see who runs short of places. Scenarios change no data.",
    ),
    "plan.county": ("Län", "County"),
    "plan.year": ("År", "Year"),
    "plan.total_kind": ("Totalen", "The total"),
    "plan.total_kind.county": ("Länstal", "County total"),
    "plan.total_kind.national": (
        "Riksantal, fördelat efter länstalens andelar",
        "National total, shared by the county shares",
    ),
    "plan.total": ("Länstal (personer)", "County total (persons)"),
    "plan.national_total": ("Riksantal (personer)", "National total (persons)"),
    "plan.total_known": (
        "Länstalet {year} enligt {decision}: {total}.",
        "The county total for {year} by {decision}: {total}.",
    ),
    "plan.total_unknown": (
        "Inget länstal för {year} är känt ännu: skriv in det antal ni räknar med.",
        "No county total for {year} is known yet: enter the number you expect.",
    ),
    "plan.national_share": (
        "{lan} får {county} av {national} enligt länstalens andelar {year} (största restmetoden).",
        "{lan} gets {county} of {national} by the county shares of {year} (largest remainder).",
    ),
    "plan.key": ("Fördelningsnyckel", "Key"),
    "plan.key.share": ("Årets kommuntal (andelar)", "This year's municipal quotas (shares)"),
    "plan.key.population": ("Befolkning (andelar)", "Population (shares)"),
    "plan.key.equal": ("Lika många per kommun", "An equal number each"),
    "plan.key.file": ("Egen vikt från fil", "Own weights from a file"),
    "plan.key_basis.share": ("kommuntalen {year}", "the municipal quotas of {year}"),
    "plan.key_basis.population": ("befolkningen {year}", "the population of {year}"),
    "plan.key_basis.equal": ("lika delar", "equal shares"),
    "plan.key_basis.file": ("vikterna i {file}", "the weights in {file}"),
    "plan.upload": (
        "Fil med kommun och vikt (CSV eller Excel)",
        "File with municipality and weight (CSV or Excel)",
    ),
    "plan.upload_help": (
        "En rad per kommun i länet: namn eller kommunkod och en vikt. Rubrikrader och summarader hoppas över.",
        "One row per municipality in the county: name or code and a weight. Title and total rows are skipped.",
    ),
    "plan.bounds": ("Golv och tak per kommun (valfritt)", "Floors and caps per municipality (optional)"),
    "plan.bounds_help": (
        "Golv: minst så många. Tak: högst så många (t.ex. en kommun länet kommit överens om att skona). Tomt = inget.",
        "Floor: at least this many. Cap: at most this many (e.g. a municipality the county agreed to spare). Empty = none.",
    ),
    "plan.table_title": (
        "Scenario: {total} personer i {lan} {year}",
        "Scenario: {total} persons in {lan} {year}",
    ),
    "plan.method": (
        "Metod: varje kommuns exakta andel är totalen × dess vikt / summan av vikterna ({basis}). En kommun vars andel hamnar under golvet eller över taket får golvet eller taket, och resten fördelas på de övriga i samma proportioner. Alla får sin exakta andel avrundad nedåt; de platser som återstår går en i taget till de största resterna (största restmetoden). Lika rest: större vikt först, sedan lägre kommunkod. Summan blir exakt {total}, och ingen kommun hamnar mer än 1 från sin exakta andel.",
        "Method: each municipality's exact share is the total × its weight / the sum of the weights ({basis}). A municipality whose share falls below its floor or above its cap gets the floor or the cap, and the rest is shared among the others in the same proportions. Everyone gets their exact share rounded down; the places left go one at a time to the largest remainders (largest remainder method). Equal remainders: larger weight first, then the lower municipality code. The sum is exactly {total}, and no municipality is more than 1 from its exact share.",
    ),
    "plan.short_title": (
        "{n} av {m} kommuner får för få platser",
        "{n} of {m} municipalities run short of places",
    ),
    "plan.short_none_title": (
        "Alla kommuner har platser nog, med buffert",
        "Every municipality has places enough, with a buffer",
    ),
    "plan.short_summary": (
        "Med buffert för en 90:e-percentilmånad saknas {places} platser i länet; först ut är {kommun} från {month}. Månaderna fördelas efter länets säsongsmönster.",
        "Keeping a 90th-percentile month's buffer, the county lacks {places} places; first is {kommun} from {month}. The months are spread by the county's seasonal pattern.",
    ),
    "plan.short_none_summary": (
        "Scenariot och en buffert för en 90:e-percentilmånad ryms i de lediga platserna i alla kommuner med kapacitetsdata.",
        "The scenario and a 90th-percentile month's buffer fit the free places of every municipality with capacity data.",
    ),
    "plan.capacity_note": (
        "Lediga platser {month}; bufferten är den egna historikens 90:e percentil av en månad. Platser som frigörs under året räknas inte (den försiktiga kalkylen). Kommuner utan kapacitetsdata visas som okänt.",
        "Free places {month}; the buffer is the municipality's own 90th-percentile month. Places freed during the year are not counted (the cautious reckoning). Municipalities without capacity data show as unknown.",
    ),
    "plan.profile_equal": (
        "Ingen historik per månad: året fördelas jämnt på tolv månader.",
        "No monthly history: the year is spread evenly over twelve months.",
    ),
    "plan.map_title": ("Scenariot per kommun", "The scenario per municipality"),
    "plan.map_summary": ("Flest får {kommun} ({number}).", "{kommun} gets the most ({number})."),
    "plan.map_none": ("{n} kommuner får inga.", "{n} municipalities get none."),
    "plan.short_label": ("  saknas {n}", "  {n} short"),
    "plan.legend.number": ("Scenario", "Scenario"),
    "plan.legend.free": ("Lediga platser", "Free places"),
    "plan.legend.buffer": ("Buffert som behövs", "Buffer needed"),
    "plan.axis.places": ("Platser (personer)", "Places (persons)"),
    "plan.save_heading": ("Spara och jämför", "Save and compare"),
    "plan.name": ("Scenariots namn", "Scenario name"),
    "plan.save": ("Spara scenariot", "Save the scenario"),
    "plan.saved": ("Scenariot ”{name}” är sparat.", "The scenario '{name}' is saved."),
    "plan.save_stale": (
        "Någon annan sparade ”{name}” under tiden. Ladda om sidan och spara igen, eller välj ett annat namn.",
        "Somebody else saved '{name}' meanwhile. Reload the page and save again, or pick another name.",
    ),
    "plan.save_editors": ("Bara redaktörer kan spara scenarier.", "Only editors can save scenarios."),
    "plan.compare": ("Jämför sparade scenarier", "Compare saved scenarios"),
    "plan.compare_none": ("Inga sparade scenarier för {lan} ännu.", "No saved scenarios for {lan} yet."),
    "plan.current": ("Detta scenario", "This scenario"),
    "plan.download": ("⤓ Beslutsunderlag (xlsx)", "⤓ Decision draft (xlsx)"),
    "plan.pick_county": (
        "Välj ett län i urvalet (eller här) för att planera.",
        "Pick a county in the selection (or here) to plan.",
    ),
    "plan.refused.bad_total": (
        "Totalen måste vara ett helt tal, 0 eller mer (fick {total}).",
        "The total must be a whole number, 0 or more (got {total}).",
    ),
    "plan.refused.no_municipalities": (
        "Länet har inga kommuner att fördela på.",
        "The county has no municipalities to share between.",
    ),
    "plan.refused.negative_weight": (
        "En vikt är negativ (kommun {kommun_kod}).",
        "A weight is negative (municipality {kommun_kod}).",
    ),
    "plan.refused.negative_bound": (
        "Golv och tak kan inte vara negativa (kommun {kommun_kod}).",
        "Floors and caps cannot be negative (municipality {kommun_kod}).",
    ),
    "plan.refused.cap_below_floor": (
        "Taket {cap} är lägre än golvet {floor} (kommun {kommun_kod}).",
        "The cap {cap} is below the floor {floor} (municipality {kommun_kod}).",
    ),
    "plan.refused.floors_too_high": (
        "Golven är tillsammans {floors}, mer än totalen {total}: sänk några golv eller höj totalen.",
        "The floors add up to {floors}, more than the total {total}: lower some floors or raise the total.",
    ),
    "plan.refused.caps_too_low": (
        "Taken räcker bara till {caps} av {total}: höj några tak eller sänk totalen.",
        "The caps only reach {caps} of {total}: raise some caps or lower the total.",
    ),
    "plan.refused.no_weight": (
        "Alla vikter är 0: det finns inget att fördela efter.",
        "Every weight is 0: there is nothing to share by.",
    ),
    "plan.refused.no_kommuntal": (
        "Inga kommuntal finns för länet till och med {year}: välj en annan nyckel.",
        "No municipal quotas for the county up to {year}: pick another key.",
    ),
    "plan.refused.no_population": (
        "Ingen befolkning finns för länet till och med {year}: välj en annan nyckel.",
        "No population for the county up to {year}: pick another key.",
    ),
    "plan.refused.no_file": ("Ladda upp en fil med vikter först.", "Upload a file of weights first."),
    "plan.refused.unknown_key": (
        "Okänd nyckel {given}: välj population, share, equal eller en fil.",
        "Unknown key {given}: pick population, share, equal or a file.",
    ),
    "plan.refused.no_county_share": (
        "Inget länstal finns för län {lan_kod} att fördela riksantalet efter.",
        "No county total for county {lan_kod} to share the national total by.",
    ),
    "plan.refused.no_county": ("Okänt län {lan_kod}.", "Unknown county {lan_kod}."),
    "plan.refused.file_refused": (
        "{file} läses inte som viktfil: {reasons}",
        "{file} is not read as a weight file: {reasons}",
    ),
    "plan.refused.file_unknown": (
        "{n} namn i filen är inga kommuner: {names}. Rätta stavningen eller använd kommunkoden.",
        "{n} names in the file are not municipalities: {names}. Correct the spelling or use the code.",
    ),
    "plan.refused.file_twice": (
        "Filen har samma kommun två gånger: {names}.",
        "The file has the same municipality twice: {names}.",
    ),
    "plan.refused.file_negative": (
        "Vikten för {name} är negativ ({value}).",
        "The weight for {name} is negative ({value}).",
    ),
    "plan.refused.file_weight": (
        "Vikten för {name} ({value}) är för stor att räkna med; en vikt är högst 1 000 000 000 000.",
        "The weight for {name} ({value}) is too large to work with; a weight is at most 1,000,000,000,000.",
    ),
    "plan.refused.file_missing": (
        "{n} av länets kommuner saknas i filen: {names}. Ge dem en vikt (0 går bra).",
        "{n} of the county's municipalities are missing from the file: {names}. Give them a weight (0 will do).",
    ),
    "plan.refused.no_total": (
        "Inget länstal för {year} är känt: ange totalen (--total).",
        "No county total for {year} is known: give the total (--total).",
    ),
    "pc.heading": (
        "Per 1 000 invånare {year} (befolkning {population_year})",
        "Per 1,000 inhabitants {year} (population {population_year})",
    ),
    "pc.target": ("Mål per 1 000 inv.", "Target per 1,000 inh."),
    "pc.received": ("Mottagna per 1 000 inv.", "Received per 1,000 inh."),
    "pc.places": ("Platser per 1 000 inv.", "Places per 1,000 inh."),
    "pc.axis": ("Per 1 000 invånare", "Per 1,000 inhabitants"),
    "pc.map_title": (
        "Mottagna per 1 000 invånare {year} (befolkning {population_year})",
        "Received per 1,000 inhabitants {year} (population {population_year})",
    ),
    "pc.bars_title": (
        "Mål och mottagna per 1 000 invånare {year} (befolkning {population_year})",
        "Target and received per 1,000 inhabitants {year} (population {population_year})",
    ),
    "pc.summary": (
        "Per 1 000 invånare enligt SCB:s folkmängd 31 december {population_year}: det senaste året med siffror till och med det valda året.",
        "Per 1,000 inhabitants by Statistics Sweden's population on 31 December {population_year}: the latest year with figures up to the chosen year.",
    ),
    "pc.none": (
        "Ingen befolkning finns för urvalet: inga siffror per 1 000 invånare.",
        "No population for the selection: no figures per 1,000 inhabitants.",
    ),
    "plan.total_row": ("Totalt", "Total"),
    "plan.method_heading": ("Metod", "Method"),
    "col.number": ("Antal", "Number"),
    "col.share": ("Andel", "Share"),
    "col.exact": ("Exakt andel", "Exact share"),
    "col.floor": ("Golv", "Floor"),
    "col.cap": ("Tak", "Cap"),
    "col.key": ("Nyckel", "Key"),
    "col.short": ("Saknas", "Short"),
    "col.short_with_buffer": ("Saknas med buffert", "Short with buffer"),
    "col.short_from": ("Räcker inte från", "Short from"),
    "col.population": ("Befolkning", "Population"),
    "col.kommuntal": ("Kommuntal", "Municipal quota"),
}
