"""Goals, coalition-wide or a committee's, with progress and milestones."""
