"""ATM programs from events: the pure fold (fold.py) and the identity helpers it compares
events with (identity.py). No I/O: the store and `edgar-atm programs` feed it events."""

from .fold import ACTIVE, STATUSES, SUSPENDED, TERMINATED, FoldEvent, Program, fold
from .identity import agent_key, event_date, security_class

__all__ = ["ACTIVE", "STATUSES", "SUSPENDED", "TERMINATED", "FoldEvent", "Program", "fold",
           "agent_key", "event_date", "security_class"]
