"""A fake SEC EDGAR on 127.0.0.1 for tests, benchmarks and the offline demo."""
