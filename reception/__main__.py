"""The command line: ``python -m reception demo | ingest PATH | loads | undo ID | export VIEW | scenario |
handout``.

Exit status 0 with a one-screen summary; 2 when a file or request is refused, with a message that
names file, row, column and value. A refused request changes nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reception import export, geo, i18n, ingest, loadlog, store
from reception.i18n import t
from reception.ingest import guard, isolate, preview_text, recipes, recipes_text

VIEWS = store.CONTRACT_VIEWS
FORMATS = ("csv", "csv-excel", "xlsx", "parquet")


class Refused(Exception):
    """A request the user can correct; the message says what was wrong."""


def _progress(label: str):
    """A textual progress bar on stderr for work that takes more than a second."""
    started = time.monotonic()
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - started < 1.0 or (now - last[0] < 0.2 and done < total):
            return
        last[0] = now
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        end = "\n" if done >= total else "\r"
        sys.stderr.write(f"{label} [{bar:<30}] {share:4.0%}{end}")
        sys.stderr.flush()

    return report


def cmd_demo(args: argparse.Namespace) -> None:
    from reception import demo

    ids = demo.load_demo(args.db)
    with store.connect_read(args.db) as con:
        rows = con.execute(
            "select load_id, source, rows from load_log where load_id >= ? order by load_id", [min(ids)]
        ).fetchall()
    print("Demodata inläst (syntetiska siffror utom länstalen):")
    for load_id, source, count in rows:
        print(f"  inläsning {load_id}: {source}, {count:,} rader".replace(",", " "))


def cmd_ingest(args: argparse.Namespace) -> None:
    path = Path(args.path)
    if not path.is_file():
        raise Refused(t("cli.no_such_file", name=path.name))
    said = {"dataset": args.dataset, "year": args.year, "month": args.month, "recipe": args.recipe}
    try:
        if args.dry_run:  # the preview, in a child process too: nothing is written
            shown = isolate.preview(
                path.name, path=path, limits=guard.COMMAND_LINE, store_path=args.db, **said
            )
            print("\n".join(preview_text.lines(shown)))
            if not shown.loadable and shown.already_loaded is None:
                raise Refused(t(preview_text.status(shown)))
            return
        result = isolate.ingest(  # in a child process, under the command line's limits
            path.name,
            path=path,
            limits=guard.COMMAND_LINE,
            store_path=args.db,
            progress=_progress(t("cli.loading")),
            **said,
        )
    except ingest.IngestRefused as refused:
        raise Refused(f"{t('problem.refused')}\n{refused.text()}") from refused
    print("\n".join(result.summary_lines()))


def cmd_recipes(args: argparse.Namespace) -> None:
    if args.remove:
        if not recipes.remove(args.remove, args.db):
            raise Refused(t("problem.recipe_unknown", name=repr(args.remove)))
        print(t("cli.recipe_removed", name=args.remove))
        return
    good, broken = recipes.read_all(args.db)
    if not good and not broken:
        print(t("cli.no_recipes"))
    for recipe in good:
        print("\n".join(recipes_text.lines(recipe)))
    for name, _ in broken:
        print(t("cli.recipe_broken", name=name))


def cmd_loads(args: argparse.Namespace) -> None:
    with store.connect_read(args.db) as con:
        rows = con.execute(
            "select load_id, loaded_at, dataset, rows, source, is_demo, undone_at, undone_reason "
            "from loads order by load_id"
        ).fetchall()
    print(f"{'nr':>4}  {'inläst':16}  {'datamängd':14}  {'rader':>9}  {'status':18}  källa")
    for load_id, at, dataset, count, source, demo, undone, reason in rows:
        status = f"ångrad {undone:%Y-%m-%d %H:%M}" if undone else ("demo" if demo else "gäller")
        if reason:
            status = t(f"undone_reason.{reason}")
        print(
            f"{load_id:>4}  {at:%Y-%m-%d %H:%M}  {dataset:14}  {count:>9,}  {status:18}  {source}".replace(
                ",", " "
            )
        )


def cmd_undo(args: argparse.Namespace) -> None:
    try:
        undone = loadlog.undo(args.load_id, args.db)
    except loadlog.UndoRefused as refused:
        raise Refused(str(refused)) from refused
    print(f"Inläsning {undone['load_id']} ({undone['source']}, {undone['dataset']}) är ångrad.")


def cmd_export(args: argparse.Namespace) -> None:
    if args.view not in VIEWS:
        raise Refused(f"Okänd vy {args.view!r}. Välj en av: {', '.join(VIEWS)}.")
    out = Path(args.out)
    fmt = args.format or {".xlsx": "xlsx", ".parquet": "parquet"}.get(out.suffix.lower(), "csv")
    with store.connect_read(args.db) as con:
        # the view name is checked against VIEWS above: identifiers can't be parameters
        frame = con.execute(f"select * from {args.view}").df()
        loads = con.execute("select max(loaded_at) from loads where undone_at is null").fetchone()[0]
    builders = {
        "csv": export.to_csv,
        "csv-excel": export.to_csv_excel,
        "parquet": export.to_parquet,
        "xlsx": lambda df: export.to_xlsx(df, {"Vy": args.view, "Senaste inläsning": str(loads)}),
    }
    out.write_bytes(builders[fmt](frame))
    print(f"{len(frame):,} rader ur {args.view} skrivna till {out.name} ({fmt}).".replace(",", " "))


def cmd_handout(args: argparse.Namespace) -> None:
    from reception import deck, handout

    if args.deck and args.page:
        raise Refused("Ange antingen --deck eller --page, inte båda.")
    try:
        if args.page:
            chosen = handout.single_page(args.page, args.lang)
        elif args.deck:
            chosen = deck.read_file(Path(args.deck).name, path=Path(args.deck))
        else:
            chosen = deck.load(args.db)
        started = time.monotonic()
        pdf = handout.build(chosen, args.lang, args.db)
    except OSError as e:
        raise Refused(f"{args.deck}: filen går inte att läsa ({e.strerror}).") from e
    except deck.DeckRefused as refused:
        raise Refused(str(refused)) from refused
    except handout.HandoutFailed as failed:
        raise Refused(failed.message(args.lang)) from failed
    out = Path(args.out)
    out.write_bytes(pdf)
    seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
    pages = f"{len(chosen.slides)} sida" if len(chosen.slides) == 1 else f"{len(chosen.slides)} sidor"
    print(f"Utdelning med {pages} skriven till {out.name} på {seconds} s.")


def cmd_scenario(args: argparse.Namespace) -> None:
    from reception import plans
    from reception.scenario import ScenarioRefused

    try:
        spec, table, check, source = plans.make(
            args.db, args.year, args.county, args.total, args.key, args.national
        )
    except ScenarioRefused as refused:
        raise Refused(plans.refusal(refused)) from refused
    print("\n".join(plans.lines(spec, table, check, source=source)))
    if args.out:
        out = Path(args.out)
        out.write_bytes(plans.decision_file(spec, table, out.suffix.lower()))
        print(f"Skrivet till {out.name}.")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m reception", description="Mottagningsdashboardens datalager."
    )
    top.add_argument("--db", type=Path, default=None, help="databasfilen (annars RECEPTION_DB eller data/)")
    top.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default="sv",
        help="språket för meddelanden (sv eller en; sv om inget anges)",
    )
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="fyll databasen med demodata").set_defaults(run=cmd_demo)
    ing = sub.add_parser("ingest", help="läs in en fil från Migrationsverket eller länsstyrelsen")
    ing.add_argument("path")
    ing.add_argument("--dataset", choices=ingest.DATASETS)
    ing.add_argument("--year", type=int, help="året filen gäller, om filen inte säger det")
    ing.add_argument(
        "--month", type=int, help="månaden (1-12) en ställning hittills i år eller kapaciteten gäller"
    )
    ing.add_argument(
        "--recipe", help="läs filen med ett sparat recept (annars det recept som passar, om något)"
    )
    ing.add_argument(
        "--dry-run",
        action="store_true",
        help="visa förhandsvisningen: vad filen skulle bli; ingenting sparas",
    )
    ing.set_defaults(run=cmd_ingest)
    rec = sub.add_parser("recipes", help="visa sparade recept för filers upplägg, eller ta bort ett")
    rec.add_argument("--remove", metavar="NAME", help="ta bort receptet med det namnet")
    rec.set_defaults(run=cmd_recipes)
    sub.add_parser("loads", help="visa inläsningarna").set_defaults(run=cmd_loads)
    und = sub.add_parser("undo", help="ångra en inläsning")
    und.add_argument("load_id", type=int)
    und.set_defaults(run=cmd_undo)
    exp = sub.add_parser("export", help="spara en vy som fil")
    exp.add_argument("view")
    exp.add_argument("--out", required=True)
    exp.add_argument("--format", choices=FORMATS)
    exp.set_defaults(run=cmd_export)
    hand = sub.add_parser("handout", help="mötets bilder som PDF, en bild per sida")
    hand.add_argument("--deck", help="en sparad mötesfil (JSON); annars mötet som sparats i appen")
    hand.add_argument("--page", help="en enda sida, som länk eller sökväg (/mal?lan=20)")
    hand.add_argument("--lang", choices=("sv", "en"), default="sv")
    hand.add_argument("--out", required=True, help="PDF-filen som skrivs")
    hand.set_defaults(run=cmd_handout)
    sce = sub.add_parser("scenario", help="fördela ett länstal mellan länets kommuner (ändrar inga data)")
    sce.add_argument("--year", type=int, required=True)
    sce.add_argument("--county", required=True, help="länskoden, t.ex. 20 för Dalarna")
    sce.add_argument("--total", type=int, help="länstalet (annars det beslutade för året, om det finns)")
    sce.add_argument(
        "--national", action="store_true", help="--total är ett riksantal: fördela det först efter länstalen"
    )
    sce.add_argument("--key", required=True, help="population, share, equal eller en fil med kommun och vikt")
    sce.add_argument("--out", help="spara beslutsunderlaget (.xlsx eller .csv)")
    sce.set_defaults(run=cmd_scenario)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    previous = i18n.language()
    i18n.set_language(args.lang)
    args.db = args.db or store.db_path()
    try:
        if not getattr(args, "dry_run", False):  # a dry run changes nothing, not even an empty store
            try:
                store.prepare(args.db)
            except geo.RegionFileError as bad:  # the groupings stay as they were; loads go on
                print(str(bad), file=sys.stderr)
        args.run(args)
    except Refused as refused:
        print(str(refused), file=sys.stderr)
        return 2
    finally:
        i18n.set_language(previous)
    return 0


if __name__ == "__main__":
    sys.exit(main())
