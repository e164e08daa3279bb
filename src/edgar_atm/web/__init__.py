"""The local web view (`edgar-atm serve`): Datasette with generated metadata and per-issuer charts."""
