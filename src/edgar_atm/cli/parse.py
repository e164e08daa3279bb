"""`edgar-atm parse FILE...`: parse local files, no network, no database (owned by extract)."""
