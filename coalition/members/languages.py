"""Languages people speak and organizations serve: codes stored, names in the viewer's language."""

from flask_babel import get_locale

from coalition.core.matching import name_key
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


def parse_language(text):
    """The code for a language written as a code or as its English or Spanish name, else None."""
    from babel import Locale

    wanted = name_key(text)
    if not wanted:
        return None
    for code in LANGUAGE_CODES:
        if wanted == code:
            return code
        for locale in (Locale("en"), Locale("es")):
            if wanted == name_key(language_name(code, locale)):
                return code
    if wanted in ("asl", "lengua de señas americana"):
        return "ase"
    return None


def replace_languages(collection, codes, make):
    """Make a language collection hold exactly these codes, keeping rows that stay."""
    wanted = list(dict.fromkeys(codes))
    for item in list(collection):
        if item.code not in wanted:
            collection.remove(item)
    present = {item.code for item in collection}
    collection.extend(make(code=code) for code in wanted if code not in present)
