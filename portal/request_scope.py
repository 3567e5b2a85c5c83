"""Values read at most once per request: the page cache middleware, the outermost of ours, opens
the scope; outside a request (a shell, a command, a test calling a function) each ask reads."""

import contextvars

_OUTSIDE = object()


class PerRequest:
    def __init__(self, name, read):
        self._read = read
        self._this_request = contextvars.ContextVar(name, default=_OUTSIDE)

    def get(self):
        known = self._this_request.get()
        if known is not _OUTSIDE and known is not None:
            return known
        value = self._read()
        if known is None:
            self._this_request.set(value)
        return value

    def forget(self):
        """This request changed the value: read it again on the next ask."""
        if self._this_request.get() is not _OUTSIDE:
            self._this_request.set(None)

    def open(self):
        """Start of a request; returns the token that ends it."""
        return self._this_request.set(None)

    def close(self, token):
        self._this_request.reset(token)
