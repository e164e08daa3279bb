"""Filing bytes -> ATM events. Pure: no network, no database."""
