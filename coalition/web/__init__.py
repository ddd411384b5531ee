"""The web layer: what every view shares (DESIGN.md section 1), starting with the form cycle."""
