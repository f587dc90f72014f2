"""The key that seals a store: from a file (``--key-file``) or the ``SIM_STORE_KEY`` variable.

A seal is an HMAC-SHA256 made with this key (`simulator.store.chain.seal_of`);
whoever holds the key can seal and check, and nobody else can make a seal
that checks, however well they can recompute the plain hashes. The key is
read as bytes (a file's trailing newline dropped, the variable as UTF-8) and
must be at least `MIN_LENGTH` bytes long.
"""

from __future__ import annotations

import os

from simulator.store.errors import StoreError

__all__ = ["ENVIRONMENT", "MIN_LENGTH", "load_key"]

#: The environment variable a key is read from when no key file is named.
ENVIRONMENT = "SIM_STORE_KEY"
#: The shortest key accepted: shorter ones can be guessed.
MIN_LENGTH = 16


def load_key(key_file: str | None) -> bytes | None:
    """The key in ``key_file``, else in ``SIM_STORE_KEY``, else None (the store is not sealed)."""
    if key_file is not None:
        try:
            with open(key_file, "rb") as file:
                key = file.read(1 << 16).rstrip(b"\r\n")
        except OSError as error:
            raise StoreError(f"cannot read the key: {error.strerror}", path=key_file) from None
        where = key_file
    else:
        text = os.environ.get(ENVIRONMENT, "")
        if not text:
            return None
        key, where = text.encode("utf-8", "surrogateescape"), f"${ENVIRONMENT}"
    if len(key) < MIN_LENGTH:
        raise StoreError(
            f"a key must be at least {MIN_LENGTH} bytes long, not {len(key)}", path=where
        )
    return key
