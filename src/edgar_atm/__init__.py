"""edgar-atm: at-the-market equity programs from SEC EDGAR 424B filings.

Data flows one way: discover -> fetch -> store raw -> parse -> store events.
"""

__version__ = "0.1.0"
