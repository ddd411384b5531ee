"""Meetings, invitations, RSVPs and calendar export."""
