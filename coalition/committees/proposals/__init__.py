"""Proposals put to a committee or the whole coalition, and positions on them."""
