"""Wins, losses and milestones on a common timeline."""
