"""Language versions of a draft, each kept in step with the revision of the original it follows."""
