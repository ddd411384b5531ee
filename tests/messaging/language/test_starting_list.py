"""The starting list as rows: context rules parsed into phrase columns, remarks into notes."""

from coalition.messaging.language.patterns import problem
from coalition.messaging.language.starting_list import parse_line, read_rows

COLUMNS = ("language", "term", "suggest instead", "flag when", "do not flag when", "source")


def _line(*values):
    return dict(zip(COLUMNS, values, strict=True))


def test_the_shipped_list_becomes_about_fifty_rows_with_unique_keys():
    rows = read_rows()
    assert 45 <= len(rows) <= 60
    assert len({row["key"] for row in rows}) == len(rows)
    assert {row["language"] for row in rows} == {"en", "es"}


def test_every_term_and_phrase_of_the_list_can_be_looked_for():
    for row in read_rows():
        for column in ("terms", "flag_only_in", "never_in"):
            for line in row[column].splitlines():
                assert problem(line) is None, (row["key"], line)


def test_quoted_phrases_become_context_columns_and_free_text_the_note():
    row = parse_line(
        _line(
            "en",
            "gadget, gadgets (said of a thing)",
            "device; tool",
            '"broken gadget(s)", "gadget for N days/weeks"',
            '"gadget shop" when naming a store',
            "a made-up guide",
        )
    )
    assert row["terms"] == "gadget\ngadgets"
    assert row["suggestions"] == "device\ntool"
    assert row["flag_only_in"] == "broken gadget(s)\ngadget for N days/weeks"
    assert row["never_in"] == "gadget shop"
    assert row["note"] == 'said of a thing; not when: "gadget shop" when naming a store'
    assert row["source"] == "a made-up guide"
    assert row["key"] == "en-gadget"


def test_always_with_a_remark_keeps_the_remark_and_a_condition_stays_a_note():
    always = parse_line(_line("es", "cachivache", "objeto", "siempre (consejo)", "", "x"))
    assert (always["flag_only_in"], always["note"]) == ("", "consejo")
    condition = parse_line(_line("en", "doohickey", "part", "a noun for a thing", "", "x"))
    assert (condition["flag_only_in"], condition["note"]) == ("", "a noun for a thing")


def test_an_optional_ending_stays_in_the_term_and_commas_in_brackets_do_not_split():
    row = parse_line(_line("en", "gizmo(s), widget (of a, b or c)", "part", "always", "", "x"))
    assert row["terms"] == "gizmo(s)\nwidget"
    assert row["note"] == "of a, b or c"
