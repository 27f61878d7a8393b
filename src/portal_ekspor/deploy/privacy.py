"""References that stand for a profile in the server's logs and records.

After a takedown, nothing the server keeps may still name the alumnus
(UU 27/2022). Logs and the takedown register therefore record a keyed hash of
the slug (HMAC-SHA256 with a random key kept in the server folder, readable by
its owner only): the technical team can still check whether a given profile
was the one taken down (`portal server ref SLUG`), but nobody reading a log or
a backup can recover the name from it, not even by trying every known slug
without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from .server import Server

KEY_FILE = ".kunci-rahasia"


def _key(server: Server) -> bytes:
    path = server.root / KEY_FILE
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    tmp = path.with_name(f"{KEY_FILE}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_hex(32) + "\n")
    try:
        os.link(tmp, path)  # first writer wins; a concurrent one reads the winner's key
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def reference(server: Server, slug: str) -> str:
    digest = hmac.new(_key(server), slug.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"profil-{digest[:16]}"


def references(server: Server, slugs) -> str:
    return ", ".join(reference(server, slug) for slug in sorted(slugs))
