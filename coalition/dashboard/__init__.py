"""The home page after login; reads from every package, imported by none."""
