"""`edgar-atm timeline`: one issuer's events in date order (owned by the store)."""
