"""Talking to EDGAR: the HTTP client, the shared rate limit, index/submissions readers, SGML."""
