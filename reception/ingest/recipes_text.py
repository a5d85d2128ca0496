"""A saved recipe in words: what the command line's ``recipes`` and the Data page's list show."""

from __future__ import annotations

from reception.i18n import t
from reception.ingest.choices import ColumnChoice
from reception.ingest.recipes import Recipe

SHOWN_TEXTS = 6


def column(letter: str, choice: ColumnChoice, lang: str | None = None) -> str:
    """'B: mål (Bosättningslagen (kommuntal))'."""
    words = t(f"preview.kind.{choice.kind}", lang)
    if choice.program:
        words += f" ({t(f'program.{choice.program}', lang)})" if choice.program != "settlement_county" else ""
    if choice.category:
        words += ": " + t(f"category.{choice.category}", lang).lower()
    return f"{letter}: {words}"


def layout(recipe: Recipe) -> str:
    """Each table's sheet and first header texts: "'kommuntal åååå': kommun | antal"."""
    parts = []
    for held in recipe.layouts:
        texts = [x for x in held.header if x][:SHOWN_TEXTS]
        more = " …" if len([x for x in held.header if x]) > SHOWN_TEXTS else ""
        sheet = f"{held.sheet!r}: " if held.sheet else ""
        parts.append(sheet + " | ".join(texts) + more)
    return "; ".join(parts)


def said(recipe: Recipe, lang: str | None = None) -> str:
    """What the recipe says: the municipality column, the dataset, the program, each column."""
    parts = []
    if recipe.choices.program:
        parts.append(t(f"program.{recipe.choices.program}", lang))
    for table in recipe.choices.tables:
        if table.skip:
            parts.append(t("recipes.skip", lang))
            continue
        if table.dataset:
            parts.append(t(f"dataset.{table.dataset}", lang))
        if table.area:
            parts.append(t("recipes.area", lang, column=table.area))
        if table.category:
            parts.append(t(f"category.{table.category}", lang))
        parts += [column(letter, choice, lang) for letter, choice in table.columns]
    return "; ".join(parts) or t("recipes.nothing", lang)


def lines(recipe: Recipe, lang: str | None = None) -> list[str]:
    who = t("recipes.saved_by", lang, who=recipe.saved_by) if recipe.saved_by else ""
    return [
        f"{recipe.name}{who}",
        "  " + t("recipes.layout", lang, layout=layout(recipe)),
        "  " + said(recipe, lang),
    ]
