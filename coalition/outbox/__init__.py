"""The outbox: email queued in the caller's transaction, delivered by a worker."""
