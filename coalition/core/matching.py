"""The one way two names, or two emails, are compared to decide they are the same record.

Keys are computed in Python on both sides (a typed or imported value, and the stored
records), never with SQL lower(): SQLite's lower() folds only ASCII letters, and neither
database folds "ß" to "ss", so a key built in SQL disagrees with one built here.
"""

import unicodedata


def name_key(text):
    """A name as compared for identity: Unicode NFKC, case folded ("Straße" = "STRASSE"),
    whitespace trimmed and collapsed. For organizations, sectors, committees."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    # casefold can leave a string NFKC no longer holds (NFKC_Casefold normalizes again)
    return " ".join(unicodedata.normalize("NFKC", folded).split())


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
