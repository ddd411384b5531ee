"""Participants' feedback and "you said, we did"."""
