"""SQL storage: models, engine/sessions, idempotent upserts, timeline queries, raw store."""
