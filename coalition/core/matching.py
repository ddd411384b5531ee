"""The one way two names, or two emails, are compared to decide they are the same record.

Keys are computed in Python on both sides (a typed or imported value, and the stored
records), never with SQL lower(): SQLite's lower() folds only ASCII letters, and neither
database folds "ß" to "ss", so a key built in SQL disagrees with one built here.
A search compares search_key, stored beside the text it searches (core/search_keys.py).
"""

import unicodedata


def name_key(text):
    """A name as compared for identity: Unicode NFKC, case folded ("Straße" = "STRASSE"),
    whitespace trimmed and collapsed. For organizations, sectors, committees."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    # casefold can leave a string NFKC no longer holds (NFKC_Casefold normalizes again)
    return " ".join(unicodedata.normalize("NFKC", folded).split())


# Letters with a stroke are not decomposed by Unicode, so dropping accents leaves them;
# a Vietnamese, Polish or Danish reader types them plain: "Đặng" is found by "dang".
_STROKED = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ħ": "h"})


def search_key(text):
    """Text as a search compares it: name_key without accents ("José" = "jose",
    "Nguyễn" = "nguyen", "Straße" = "strasse"). Stored beside each searched text, and
    computed from what the reader types, so both databases match the same rows."""
    decomposed = unicodedata.normalize("NFKD", name_key(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_STROKED)


def email_key(text):
    """An email as stored and compared: trimmed, lower case, NFC (as email_validator leaves
    it); None when empty. Lower, not casefold: "straße@" and "strasse@" are different
    mailboxes, and a stored address must stay one that mail reaches."""
    return unicodedata.normalize("NFC", (text or "").strip().lower()) or None


def ids_by_key(pairs, key):
    """{key(value): [ids]} from (value, id) rows: two stored records may share a key (saved
    before names were compared this way), and a match must then say it is ambiguous."""
    found = {}
    for value, record_id in pairs:
        found.setdefault(key(value), []).append(record_id)
    return found


def other_with_name(rows, name, own_id=None):
    """The id of a record among (id, name) rows, other than `own_id`, whose name has the
    same name_key as `name`; or None."""
    wanted = name_key(name)
    return next((i for i, n in rows if i != own_id and name_key(n) == wanted), None)
