"""The recovery-centered language check: terms as data, the checker, its pages.

Other pages call `services.check_text(text, language)` for the flags; nothing is refused
because of one.
"""
