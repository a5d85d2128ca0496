"""The download builders: bytes that parse back to the same numbers, and nothing a spreadsheet would run."""

import io
from datetime import date

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
from openpyxl import load_workbook

from reception import export


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kommun": ["Malung-Sälen", '=HYPERLINK("x")', "Öckerö"],
            "mottagna": [1882, None, 7],
            "andel": [12.5, 0.25, np.nan],
        }
    )


def test_csv_round_trips_numbers_and_keeps_unknown_empty():
    back = pd.read_csv(io.BytesIO(export.to_csv(frame())))
    assert back["mottagna"].tolist()[0] == 1882
    assert pd.isna(back["mottagna"][1])
    assert back["andel"].tolist()[:2] == [12.5, 0.25]


def test_csv_for_swedish_excel_has_bom_semicolons_and_decimal_comma():
    data = export.to_csv_excel(frame())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "kommun;mottagna;andel"
    assert "Malung-Sälen;1882;12,5" in text
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["andel"].tolist()[:2] == [12.5, 0.25]


def test_formula_like_text_is_made_inert_in_every_spreadsheet_format():
    assert b"'=HYPERLINK" in export.to_csv(frame())
    assert "'=HYPERLINK" in export.to_csv_excel(frame()).decode("utf-8-sig")
    cell = load_workbook(io.BytesIO(export.to_xlsx(frame()))).active["A3"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ('=HYPERLINK("x")', "s", True)


def test_parquet_is_the_data_unaltered():
    back = pq.read_table(io.BytesIO(export.to_parquet(frame()))).column("kommun").to_pylist()
    assert back == ["Malung-Sälen", '=HYPERLINK("x")', "Öckerö"]


def test_negative_numbers_are_not_touched():
    df = pd.DataFrame({"förändring": [-3, 4], "text": ["-3 personer", "ok"]})
    back = pd.read_csv(io.BytesIO(export.to_csv(df)))
    assert back["förändring"].tolist() == [-3, 4]
    assert back["text"].tolist() == ["'-3 personer", "ok"]


def test_xlsx_has_data_and_about_sheets_with_empty_cells_for_unknown():
    data = export.to_xlsx(frame(), {"Källa": "kommunmottagande_2024.xlsx", "Urval": "GR 2024"})
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data", "Om data"]
    rows = list(book["Data"].iter_rows(values_only=True))
    assert rows[0] == ("kommun", "mottagna", "andel")
    assert rows[1] == ("Malung-Sälen", 1882, 12.5)
    assert rows[2][1] is None
    about = dict(list(book["Om data"].iter_rows(values_only=True))[1:])
    assert about["Källa"] == "kommunmottagande_2024.xlsx"


def test_the_about_sheet_speaks_the_readers_language():
    book = load_workbook(io.BytesIO(export.to_xlsx(frame(), {"Source": "a.xlsx"}, lang="en")))
    assert book.sheetnames == ["Data", "About the data"]
    assert next(book["About the data"].iter_rows(values_only=True)) == ("Item", "Value")


def test_parquet_round_trips():
    back = pq.read_table(io.BytesIO(export.to_parquet(frame()))).to_pandas()
    assert back["mottagna"].tolist()[0] == 1882


def test_filename_says_what_and_when_in_plain_ascii():
    name = export.filename("mottagande_mal", "GR", "2024", "csv", today=date(2026, 11, 22))
    assert name == "mottagande_mal_GR_2024_2026-11-22.csv"
    odd = export.filename(
        "kapacitet", "Göteborgsregionen / Öckerö", "2020–2024", "xlsx", today=date(2026, 1, 2)
    )
    assert odd == "kapacitet_Goteborgsregionen-Ockero_2020-2024_2026-01-02.xlsx"
