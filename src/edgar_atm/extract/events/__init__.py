"""One detector module per event type. Each module holds the named patterns for the ways
filings state that event, the boilerplate that must not make one, and a detector that turns
sentences into `Detection`s (extract/model.py); extract/assemble.py decides which to emit."""
