"""Accounts: login, logout, settings, and coordinators' account administration."""
