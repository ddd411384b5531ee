"""The hostile-values world and the inspection of what it renders (issue 11)."""
