"""Word-level diff and merge: nobody's words are lost."""

from hypothesis import given
from hypothesis import strategies as st

from coalition.revisions.diff import diff_html, merge, tokenize


def test_tokens_join_back_to_the_text():
    text = "People who use drugs,\n  deserve care.  "
    assert "".join(tokenize(text)) == text


@given(st.text())
def test_any_text_survives_tokenizing(text):
    assert "".join(tokenize(text)) == text


def test_diff_marks_one_changed_word_with_a_text_cue():
    html = diff_html(
        "Addicts need treatment.",
        "People who use drugs need treatment.",
        removed_label="removed:",
        added_label="added:",
    )
    assert '<del><span class="visually-hidden">removed: </span>Addicts</del>' in html
    assert '<ins><span class="visually-hidden">added: </span>People who use drugs</ins>' in html
    assert html.endswith(" need treatment.")


def test_diff_escapes_html():
    html = diff_html("a", "<script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_edits_of_different_words_in_one_sentence_both_survive():
    base = "The coalition supports diversion for people arrested for drug possession."
    mine = "The coalition strongly supports diversion for people arrested for drug possession."
    theirs = "The coalition supports diversion for people stopped for drug possession."
    result = merge(base, mine, theirs)
    assert result.clean
    assert result.text == (
        "The coalition strongly supports diversion for people stopped for drug possession."
    )


def test_edits_of_the_same_words_conflict_and_keep_both_versions():
    base = "Meet on Tuesday."
    result = merge(base, "Meet on Wednesday.", "Meet on Thursday.")
    assert not result.clean
    assert result.conflicts == (("Wednesday", "Thursday"),)


@given(st.text(alphabet="ab .\n", max_size=40), st.text(alphabet="ab .\n", max_size=40))
def test_merging_an_unchanged_side_gives_the_other(base, edited):
    assert merge(base, base, edited).text == edited
    assert merge(base, edited, base).text == edited
