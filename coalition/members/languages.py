"""Languages people speak and organizations serve: codes stored, names in the viewer's language."""

import re
from functools import cache

from flask_babel import get_locale

from coalition.core.matching import search_key
from coalition.web.i18n import _l, sorted_by_name

# The languages most often met in U.S. diversion programs; stored as their codes (ISO 639).
LANGUAGE_CODES = (
    "en",
    "es",
    "ase",
    "ar",
    "zh",
    "fr",
    "ht",
    "hmn",
    "ko",
    "pt",
    "ru",
    "so",
    "tl",
    "uk",
    "vi",
)
# Names the locale data does not carry in every language.
_OWN_NAMES = {"ase": _l("American Sign Language")}


def language_name(code, locale=None):
    """The language's name in the viewer's language (the code itself when unknown)."""
    if code in _OWN_NAMES:
        return str(_OWN_NAMES[code])
    names = (locale or get_locale()).languages
    name = names.get(code)
    return name[:1].upper() + name[1:] if name else code


def language_choices():
    """(code, name) pairs in the viewer's alphabetical order of the names."""
    return sorted_by_name(
        ((code, language_name(code)) for code in LANGUAGE_CODES), name=lambda choice: choice[1]
    )


def language_names(codes):
    """The names of these languages in the viewer's language and alphabetical order."""
    return sorted_by_name(language_name(code) for code in codes)


# Other names people write for a language on the list; the locale data gives the rest
# (its English and Spanish names, and its name in itself).
ALSO_CALLED = {
    "asl": "ase",
    "lengua de señas americana": "ase",
    "lenguaje de señas americano": "ase",
    "castellano": "es",
    "kreyòl": "ht",
    "mandarin": "zh",
    "filipino": "tl",
}
# A code with a region or script after it: "es-MX" (BCP 47), "es_ES" (POSIX), "zh-Hant-TW".
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})+$")
_BRACKETED = re.compile(r"\([^)]*\)")


@cache
def _codes_by_key():
    """{search_key(name or code): code} for every language the locale data names, the
    coalition's own list first, so its names win a clash."""
    from babel import Locale

    found = {search_key(name): code for name, code in ALSO_CALLED.items()}
    lists = [Locale("en").languages, Locale("es").languages]
    for code in LANGUAGE_CODES:
        for name in filter(None, [code, _own_name(code), *(each.get(code) for each in lists)]):
            found.setdefault(search_key(name), code)
    # The rest of the world's languages, so one the coalition does not write in is told apart
    # from a word that is no language; "Mexican Spanish" (es_MX) counts as Spanish.
    for names in lists:
        for code, name in names.items():
            language = code.split("_")[0].lower()
            found.setdefault(search_key(name), language)
            found.setdefault(language, language)
    return found


def _own_name(code):
    """The language's name in itself ("Tiếng Việt"), when the locale data has it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).languages.get(code)
    except (UnknownLocaleError, ValueError):
        return None


def any_language_code(text):
    """The code of any language written as a code, a tag with a region ("es-MX", "en_US"), or
    a name in English, Spanish or itself, with or without accents or a "(region)"; else None."""
    wanted = search_key(_BRACKETED.sub(" ", text or ""))
    tag = _TAG.match(wanted)
    return _codes_by_key().get(tag.group(1) if tag else wanted)


def parse_language(text):
    """The code of a language on the coalition's list, written as people write it, else None."""
    code = any_language_code(text)
    return code if code in LANGUAGE_CODES else None


def replace_languages(collection, codes, make):
    """Make a language collection hold exactly these codes, keeping rows that stay."""
    wanted = list(dict.fromkeys(codes))
    for item in list(collection):
        if item.code not in wanted:
            collection.remove(item)
    present = {item.code for item in collection}
    collection.extend(make(code=code) for code in wanted if code not in present)
