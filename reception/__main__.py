"""The command line: ``python -m reception demo | ingest PATH | recipes | loads | undo ID | export VIEW |
scenario | handout``.

Exit status 0 with a one-screen summary; 2 when a file or request is refused, with a message that
names file, row, column and value; 1 when something unexpected stopped it (one line; the traceback
only with ``--debug``). A refused request changes nothing.

Everything it prints is worded through the label table in the language of ``--lang`` (given before
or after the subcommand), numbers included, and passes :func:`reception.text.plain` on its way out:
a file name holding a terminal's escape sequence (``ESC[2J``) is printed without it. Every
subcommand runs under one top-level catch (:func:`main`): a new subcommand only raises refusals.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import logging
import sys
import time
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path

from reception import export, geo, i18n, ingest, store
from reception.i18n import fmt_int, fmt_num, t
from reception.ingest import guard, isolate, preview_text, recipes, recipes_text
from reception.meeting import deck
from reception.planning import from_store
from reception.planning.allocate import ScenarioRefused
from reception.refusal import Refusal
from reception.store import loadlog, startup
from reception.text import plain

VIEWS = store.CONTRACT_VIEWS
FORMATS = ("csv", "csv-excel", "xlsx", "parquet")
LOG = logging.getLogger("reception")


class Refused(Refusal):
    """A request the user can correct: a label (``cli.refused.<code>``, or another one given as
    ``label``) and its fields, worded in the user's language when it is printed."""

    def __init__(self, code: str, /, *, label: str | None = None, **fields: object):
        self.code = code
        self.label = label or f"cli.refused.{code}"
        self.fields = fields
        super().__init__(code)

    def message(self, lang: str | None = None) -> str:
        return t(self.label, lang, **self.fields)


def worded(refusal: Refusal, lang: str) -> str:
    """Any refusal a subcommand raises, in ``lang`` (each kind of refusal words itself)."""
    if isinstance(refusal, ingest.IngestRefused):
        return f"{t('problem.refused', lang)}\n{refusal.text(lang)}"
    if isinstance(refusal, ScenarioRefused):
        return from_store.refusal(refusal, lang)
    message = getattr(refusal, "message", None)
    return message(lang) if callable(message) else str(refusal)


def _progress(label: str):
    """A textual progress bar for work that takes more than a second, on a terminal only (it
    rewrites its line with CR, written past the output's filter: it holds no outside text)."""
    stream = getattr(sys.stderr, "stream", sys.stderr)
    if not stream.isatty():
        return None
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
        stream.write(f"{label} [{bar:<30}] {share:4.0%}{end}")
        stream.flush()

    return report


def _writable(out: Path) -> Path:
    """``out``, if its folder is there to write it in."""
    if not out.parent.is_dir():
        raise Refused("no_folder", name=out.name)
    return out


def cmd_demo(args: argparse.Namespace) -> None:
    from reception import demo  # the demo's builders only for this subcommand: a second's import

    ids = demo.load_demo(args.db)
    with store.connect_read(args.db) as con:
        rows = con.execute(
            "select load_id, source, rows from load_log where load_id >= ? order by load_id", [min(ids)]
        ).fetchall()
    print(t("cli.demo.loaded", args.lang))
    for load_id, source, count in rows:
        print(t("cli.demo.load", args.lang, id=load_id, source=source, n=fmt_int(count, args.lang)))


def cmd_ingest(args: argparse.Namespace) -> None:
    path = Path(args.path)
    if not path.is_file():
        raise Refused("no_file", name=path.name)
    said = {"dataset": args.dataset, "year": args.year, "month": args.month, "recipe": args.recipe}
    if args.dry_run:  # the preview, in a child process too: nothing is written
        shown = isolate.preview(path.name, path=path, limits=guard.COMMAND_LINE, store_path=args.db, **said)
        print("\n".join(preview_text.lines(shown, args.lang)))
        if not shown.loadable and shown.already_loaded is None:
            raise Refused("preview", label=preview_text.status(shown))
        return
    result = isolate.ingest(  # in a child process, under the command line's limits
        path.name,
        path=path,
        limits=guard.COMMAND_LINE,
        store_path=args.db,
        progress=_progress(t("cli.reading", args.lang)),
        **said,
    )
    print("\n".join(result.summary_lines(args.lang)))


def cmd_recipes(args: argparse.Namespace) -> None:
    if args.remove:
        if not recipes.remove(args.remove, args.db):
            raise Refused("recipe_unknown", label="problem.recipe_unknown", name=repr(args.remove))
        print(t("cli.recipe_removed", args.lang, name=args.remove))
        return
    good, broken = recipes.read_all(args.db)
    if not good and not broken:
        print(t("cli.no_recipes", args.lang))
    for recipe in good:
        print("\n".join(recipes_text.lines(recipe, args.lang)))
    for name, _ in broken:
        print(t("cli.recipe_broken", args.lang, name=name))


def cmd_loads(args: argparse.Namespace) -> None:
    lang = args.lang
    with store.connect_read(args.db) as con:
        rows = con.execute(
            "select load_id, loaded_at, dataset, rows, source, is_demo, undone_at, undone_reason "
            "from loads order by load_id"
        ).fetchall()
    heads = [t(f"cli.loads.{c}", lang) for c in ("id", "at", "dataset", "rows", "status", "source")]
    print(f"{heads[0]:>4}  {heads[1]:16}  {heads[2]:14}  {heads[3]:>9}  {heads[4]:18}  {heads[5]}")
    for load_id, at, dataset, count, source, demo, undone, reason in rows:
        if reason:
            status = t(f"undone_reason.{reason}", lang)
        elif undone:
            status = t("cli.loads.undone", lang, at=f"{undone:%Y-%m-%d %H:%M}")
        else:
            status = t("cli.loads.demo" if demo else "cli.loads.live", lang)
        shown = fmt_int(count, lang)
        print(f"{load_id:>4}  {at:%Y-%m-%d %H:%M}  {dataset:14}  {shown:>9}  {status:18}  {source}")


def cmd_undo(args: argparse.Namespace) -> None:
    undone = loadlog.undo(args.load_id, args.db)  # UndoRefused is worded at the top
    print(
        t("cli.undone", args.lang, id=undone["load_id"], source=undone["source"], dataset=undone["dataset"])
    )


def cmd_export(args: argparse.Namespace) -> None:
    if args.view not in VIEWS:
        raise Refused("unknown_view", view=repr(args.view), views=", ".join(VIEWS))
    out = _writable(Path(args.out))
    fmt = args.format or {".xlsx": "xlsx", ".parquet": "parquet"}.get(out.suffix.lower(), "csv")
    with store.connect_read(args.db) as con:
        # the view name is checked against VIEWS above: identifiers can't be parameters
        frame = con.execute(f"select * from {args.view}").df()
        loads = con.execute("select max(loaded_at) from loads where undone_at is null").fetchone()[0]
    about = {t("cli.about.view", args.lang): args.view, t("cli.about.loaded", args.lang): str(loads)}
    builders = {
        "csv": export.to_csv,
        "csv-excel": export.to_csv_excel,
        "parquet": export.to_parquet,
        "xlsx": lambda df: export.to_xlsx(df, about, lang=args.lang),
    }
    out.write_bytes(builders[fmt](frame))
    n = fmt_int(len(frame), args.lang)
    print(t("cli.exported", args.lang, n=n, view=args.view, name=out.name, format=fmt))


def cmd_handout(args: argparse.Namespace) -> None:
    from reception.meeting import handout  # fpdf2 and kaleido, for this subcommand only: a second's import

    if args.deck and args.page:
        raise Refused("deck_and_page")
    out = _writable(Path(args.out))
    if args.page:
        chosen = handout.single_page(args.page, args.lang)
    elif args.deck:
        path = Path(args.deck)
        if not path.is_file():
            raise Refused("no_file", name=path.name)
        chosen = deck.read_file(path.name, path=path)
    else:
        chosen = deck.load(args.db)
    started = time.monotonic()
    try:
        pdf = handout.build(chosen, args.lang, args.db)
    except handout.HandoutFailed as failed:
        raise Refused("handout", reason=failed.message(args.lang)) from failed
    out.write_bytes(pdf)
    n = len(chosen.slides)
    pages = t("cli.handout.one_page" if n == 1 else "cli.handout.pages", args.lang, n=fmt_int(n, args.lang))
    seconds = fmt_num(time.monotonic() - started, 1, args.lang)
    print(t("cli.handout.done", args.lang, pages=pages, name=out.name, seconds=seconds))


def cmd_scenario(args: argparse.Namespace) -> None:
    out = _writable(Path(args.out)) if args.out else None
    spec, table, check, source = from_store.make(
        args.db, args.year, args.county, args.total, args.key, args.national
    )
    print("\n".join(from_store.lines(spec, table, check, args.lang, source=source)))
    if out is not None:
        out.write_bytes(from_store.decision_file(spec, table, out.suffix.lower(), args.lang))
        print(t("cli.written", args.lang, name=out.name))


def _language_of(argv: list[str]) -> str:
    """The ``--lang`` given anywhere on the line (the help texts are worded before parsing)."""
    found = "sv"
    for word, following in zip(argv, [*argv[1:], ""], strict=True):
        value = (
            word.split("=", 1)[1] if word.startswith("--lang=") else following if word == "--lang" else None
        )
        if value in i18n.LANGUAGES:
            found = value
    return found


def parser(lang: str = "sv") -> argparse.ArgumentParser:
    """The command line's arguments, their help worded in ``lang``."""

    def h(key: str) -> str:
        return t(f"cli.help.{key}", lang)

    # --lang and --debug are read before or after the subcommand; after it they leave the top
    # level's value alone unless given there (SUPPRESS), so `--lang en handout` speaks English
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help=h("lang"))
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=h("debug"))
    top = argparse.ArgumentParser(prog="python -m reception", description=h("description"))
    top.add_argument("--db", type=Path, default=None, help=h("db"))
    top.add_argument("--lang", choices=i18n.LANGUAGES, default="sv", help=h("lang"))
    top.add_argument("--debug", action="store_true", default=False, help=h("debug"))
    sub = top.add_subparsers(dest="command", required=True)

    def command(name: str, run, **kwargs) -> argparse.ArgumentParser:
        made = sub.add_parser(name, parents=[common], help=h(name), **kwargs)
        made.set_defaults(run=run)
        return made

    command("demo", cmd_demo)
    ing = command("ingest", cmd_ingest)
    ing.add_argument("path", help=h("path"))
    ing.add_argument("--dataset", choices=ingest.DATASETS)
    ing.add_argument("--year", type=int, help=h("year"))
    ing.add_argument("--month", type=int, help=h("month"))
    ing.add_argument("--recipe", help=h("recipe"))
    ing.add_argument("--dry-run", action="store_true", help=h("dry_run"))
    rec = command("recipes", cmd_recipes)
    rec.add_argument("--remove", metavar="NAME", help=h("remove_recipe"))
    command("loads", cmd_loads)
    und = command("undo", cmd_undo)
    und.add_argument("load_id", type=int)
    exp = command("export", cmd_export)
    exp.add_argument("view")
    exp.add_argument("--out", required=True)
    exp.add_argument("--format", choices=FORMATS)
    hand = command("handout", cmd_handout)
    hand.add_argument("--deck", help=h("deck"))
    hand.add_argument("--page", help=h("page"))
    hand.add_argument("--out", required=True, help=h("out_pdf"))
    sce = command("scenario", cmd_scenario)
    sce.add_argument("--year", type=int, required=True)
    sce.add_argument("--county", required=True, help=h("county"))
    sce.add_argument("--total", type=int, help=h("total"))
    sce.add_argument("--national", action="store_true", help=h("national"))
    sce.add_argument("--key", required=True, help=h("key"))
    sce.add_argument("--out", help=h("out_decision"))
    return top


class _Plain(io.TextIOBase):
    """A text stream that passes on what is written without escape sequences or control characters."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(plain(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", "utf-8")


@contextlib.contextmanager
def _quiet(debug: bool) -> Iterator[None]:
    """Printed output made plain; without ``--debug`` no warning or log line reaches the terminal."""
    out, err = sys.stdout, sys.stderr
    logger_state = LOG.handlers[:], LOG.propagate, LOG.level
    sys.stdout, sys.stderr = _Plain(out), _Plain(err)
    handler = logging.StreamHandler(sys.stderr) if debug else logging.NullHandler()
    LOG.handlers, LOG.propagate = [handler], False
    LOG.setLevel(logging.DEBUG if debug else logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            if not debug:
                warnings.simplefilter("ignore")
            yield
    finally:
        sys.stdout, sys.stderr = out, err
        LOG.handlers, LOG.propagate = logger_state[0], logger_state[1]
        LOG.setLevel(logger_state[2])


def _failure(error: BaseException) -> Refused | None:
    """An error of the machine the user can act on, in words; None for one that is a bug."""
    if isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Refused("no_permission", name=Path(error.filename or "").name or "?")
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return Refused("disk_full")
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = _language_of(argv)
    previous = i18n.language()
    debug = "--debug" in argv
    with _quiet(debug):
        args = parser(lang).parse_args(argv)
        i18n.set_language(args.lang)
        args.db = args.db or store.db_path()
        try:
            if not getattr(args, "dry_run", False):  # a dry run changes nothing, not even an empty store
                try:
                    startup.prepare(args.db)
                except geo.RegionFileError as bad:  # the groupings stay as they were; loads go on
                    print(str(bad), file=sys.stderr)
            args.run(args)
        except Refusal as refused:
            print(worded(refused, args.lang), file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(t("cli.interrupted", args.lang), file=sys.stderr)
            return 130
        except Exception as error:  # noqa: BLE001 - the top of the command line: one line, or --debug
            known = _failure(error)
            if known is not None:
                print(known.message(args.lang), file=sys.stderr)
                return 2
            if args.debug:
                traceback.print_exc()
            print(t("cli.failed", args.lang), file=sys.stderr)
            return 1
        finally:
            i18n.set_language(previous)
    return 0


if __name__ == "__main__":
    sys.exit(main())
