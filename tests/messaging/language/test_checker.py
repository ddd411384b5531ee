"""The checker on the shipped list and on rows of its own, with sentences written here
(never the list's own examples): inflections, accents, context rules, Markdown, offsets."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition.messaging.language.checker import Checker, Rule
from coalition.messaging.language.starting_list import read_rows


def _lines(text):
    return tuple(line for line in text.splitlines() if line)


def _rules(rows):
    return [
        Rule(
            id=number,
            language=row["language"],
            terms=_lines(row["terms"]),
            suggestions=_lines(row["suggestions"]),
            flag_only_in=_lines(row["flag_only_in"]),
            never_in=_lines(row["never_in"]),
            note=row["note"],
        )
        for number, row in enumerate(rows, start=1)
    ]


SHIPPED = Checker(_rules(read_rows()))


def _found(text, language=None, checker=SHIPPED):
    languages = (language,) if language else ("en", "es")
    return [flag.text for flag in checker.check(text, languages)]


# --- English: plurals, inflections, spacing ---------------------------------------------


def test_english_plurals_and_capitals_are_flagged():
    text = "Three Junkies and a DRUGGIE spoke; one addict's mother listened."
    assert _found(text, "en") == ["Junkies", "DRUGGIE", "addict"]


def test_a_term_of_several_words_is_found_across_a_line_break_and_extra_spaces():
    text = "Our speaker, a recovering\n      addict from Elm Street, led the walk."
    flags = SHIPPED.check(text, ("en",))
    assert [flag.text for flag in flags] == ["recovering\n      addict"]
    assert flags[0].suggestions[0] == "person in recovery"


def test_the_longer_term_wins_over_the_one_inside_it():
    assert _found("Every ex-addict on the panel agreed.", "en") == ["ex-addict"]


def test_a_verb_form_is_not_a_noun_term():
    """ "convict" is listed as a noun: "convicted" is another word."""
    assert _found("The jury convicted nobody this spring.", "en") == []


def test_a_word_that_only_begins_with_a_term_is_not_flagged():
    assert _found("The felonious plan and the userland tools were discussed.", "en") == []


def test_a_text_without_terms_has_no_flags():
    assert SHIPPED.check("People in recovery lead our outreach on Fridays.") == []
    assert SHIPPED.check("") == []


# --- Spanish: gender and number, accents -------------------------------------------------


def test_spanish_gender_and_number_inflections_are_flagged():
    text = "La vecina dijo que ADICTAS y drogadicto no son palabras amables."
    assert _found(text, "es") == ["ADICTAS", "drogadicto"]


def test_accents_are_ignored_both_ways():
    text = "Ni toxicomanas ni Toxicómanos: hablamos de personas."
    assert _found(text, "es") == ["toxicomanas", "Toxicómanos"]


def test_a_spanish_plural_in_es_is_found():
    assert _found("Dos enfermos mentales llegaron al centro.", "es") == ["enfermos mentales"]


def test_offsets_point_at_the_original_text_with_its_accents_and_markup():
    text = "Ayer, **los alcohólicos** del barrio y una reclusa __ya__ libre."
    flags = SHIPPED.check(text, ("es",))
    assert [(flag.start, flag.end) for flag in flags] == [
        (text.index("alcohólicos"), text.index("alcohólicos") + len("alcohólicos")),
        (text.index("reclusa"), text.index("reclusa") + len("reclusa")),
    ]
    assert [text[flag.start : flag.end] for flag in flags] == ["alcohólicos", "reclusa"]


def test_decomposed_accents_stay_inside_the_flag():
    text = "un toxico\u0301mano"  # the accent as a separate combining character
    (flag,) = SHIPPED.check(text, ("es",))
    assert text[flag.start : flag.end] == "toxico\u0301mano"


# --- Context rules -----------------------------------------------------------------------


def test_a_term_inside_a_phrase_the_row_excludes_is_not_flagged():
    text = "At the fair we poured alcoholic drinks for no one; an alcoholic uncle came."
    assert _found(text, "en") == ["alcoholic"]
    assert _found("Her criminal records were sealed last year.", "en") == []
    assert _found("La feria no vendió bebidas alcohólicas.", "es") == []


def test_a_row_with_only_in_phrases_flags_those_phrases_only():
    text = "He stayed clean all winter. We want clean parks and cleaner streets."
    assert _found(text, "en") == ["stayed clean"]
    assert _found("The urine screen came back dirty twice.", "en") == ["came back dirty"]
    assert _found("Bring your dirty laundry to the shelter.", "en") == []


def test_a_number_in_figures_or_words_fills_n():
    assert _found("She has been clean for 90 days now.", "en") == ["clean for 90 days"]
    assert _found("Clean for twenty-two months, he said.", "en") == ["Clean for twenty-two months"]
    assert _found("Mi prima lleva once meses limpia.", "es") == ["lleva once meses limpia"]
    assert _found("Clean for the holidays, the hall looked new.", "en") == []


def test_an_optional_ending_in_brackets():
    assert _found("Outreach to heroin users and a meth user.", "en") == [
        "heroin users",
        "meth user",
    ]
    assert _found("Every user of the library app logged in.", "en") == []


def test_capitals_only_terms_match_only_in_capitals():
    assert _found("The MAT clinic moved; wipe your feet on the mat.", "en") == ["MAT"]


# --- Rows of our own: each kind of rule by itself ---------------------------------------

GIZMO = Rule(
    id=1,
    language="en",
    terms=("gizmo", "gadgetry"),
    suggestions=("device",),
    flag_only_in=(),
    never_in=("gizmo museum", "gizmo(s) for sale"),
    note="a test row",
)
WIDGET = Rule(
    id=2,
    language="en",
    terms=("widget",),
    suggestions=("part",),
    flag_only_in=("broken widget(s)", "widget for N weeks/days"),
)
LIBRO = Rule(id=3, language="es", terms=("cuaderno",), suggestions=("libreta",))
OWN = Checker([GIZMO, WIDGET, LIBRO])


def test_own_rows_plural_es_and_ies_and_exclusions():
    text = "Two gizmoes, some gadgetries, a gizmo museum and gizmos for sale."
    assert _found(text, checker=OWN) == ["gizmoes", "gadgetries"]


def test_own_rows_only_in_and_n():
    text = "A broken widget, a widget for three weeks, a widget for a day, widget for weeks."
    assert _found(text, checker=OWN) == [
        "broken widget",
        "widget for three weeks",
        "widget for a day",
    ]


def test_flags_carry_the_rows_suggestions_note_and_language():
    (flag,) = OWN.check("One gizmo.")
    assert (flag.term, flag.suggestions, flag.note, flag.language, flag.rule_id) == (
        "gizmo",
        ("device",),
        "a test row",
        "en",
        1,
    )


def test_the_texts_language_picks_the_rows_and_unknown_checks_both():
    text = "Un CUADERNO y un gizmo."
    assert _found(text, "es", OWN) == ["CUADERNO"]
    assert _found(text, "en", OWN) == ["gizmo"]
    assert _found(text, None, OWN) == ["CUADERNO", "gizmo"]


# --- Markdown ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A **gizmo** here.", "gizmo"),
        ("A _gizmo_ here.", "gizmo"),
        ("A `gizmo` here.", "gizmo"),
        ("A [gizmo](https://example.org/gizmo-museum) here.", "gizmo"),
        ("> a gizmo\n> here", "gizmo"),
        ("## Gizmo news", "Gizmo"),
        ("A <em>gizmo</em> here.", "gizmo"),
    ],
)
def test_markdown_markup_does_not_hide_a_term(text, expected):
    flags = OWN.check(text)
    assert [text[flag.start : flag.end] for flag in flags] == [expected]


def test_markup_inside_a_phrase_does_not_break_it():
    text = "A **broken** _widget_ again."
    (flag,) = OWN.check(text)
    assert text[flag.start : flag.end] == "broken** _widget"


# --- Never raises, always inside the text, and fast ---------------------------------------

PIECES = st.sampled_from(
    [
        "gizmo", "widget", "broken", " ", "\n", "**", "_", "`", "[", "](", ")", "<b>", "#",
        "> ", "é", "\u0301", "clean", "for", "12", "days", "adicto", "İ", "ß", "ﬁ", "'",
    ]
)  # fmt: skip


@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))
def test_the_checker_never_raises_and_flags_stay_inside_the_text(text):
    for checker in (SHIPPED, OWN):
        for flag in checker.check(text):
            assert 0 <= flag.start < flag.end <= len(text)
            assert text[flag.start : flag.end] == flag.text


def test_five_thousand_words_are_checked_in_well_under_100_ms():
    sentence = (
        "Our partners met the addicts' families, heard a former addict who stayed clean "
        "for two years, and shared clean water with 12 neighbours from the shelter today. "
    )
    text = sentence * (5000 // len(sentence.split()))
    assert len(text.split()) >= 4900
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        SHIPPED.check(text)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.1
