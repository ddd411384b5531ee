"""The core: configuration, extensions, engine settings, column types, domain errors, audit
events and emailed-link tokens; it knows nothing of requests or features (DESIGN.md section 1)."""
