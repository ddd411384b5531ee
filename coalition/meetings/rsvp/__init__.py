"""Invitations to meetings and their answers: inviting, personal links (and asking for a lost
one), answering yes, maybe or no, the waiting list, reminders, and the organizer's view."""
