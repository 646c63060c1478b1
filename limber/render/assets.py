"""Published asset names: each file under assets/ gets a content-hashed name.

`css/screen.css` is published as `css/screen.1a2b3c4d.css`, so a host may let browsers cache
`assets/` forever; render links the hashed names and write copies the files under them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

HASH_LENGTH = 8  # hex digits of the content hash in an asset's published name


def asset_names(assets: Path) -> dict[str, str]:
    """Each file under *assets* ("css/screen.css") -> its published name ("css/screen.1a2b3c4d.css").

    The hash is the first HASH_LENGTH hex digits of the file's SHA-256, before the last suffix
    ("icons/favicon.svg" -> "icons/favicon.<hash>.svg"). Hidden files and editor backups (`*~`)
    are not published. The same bytes always give the same name.
    """
    names: dict[str, str] = {}
    if not assets.is_dir():
        return names
    for path in sorted(assets.rglob("*")):
        relative = path.relative_to(assets)
        if (
            not path.is_file()
            or any(part.startswith(".") for part in relative.parts)
            or path.name.endswith("~")
        ):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]
        name = f"{path.stem}.{digest}{path.suffix}" if path.suffix else f"{path.name}.{digest}"
        names[relative.as_posix()] = relative.with_name(name).as_posix()
    return names
