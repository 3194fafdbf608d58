"""The Content-Disposition of a download named in Thai."""

from urllib.parse import quote


def content_disposition(name: str, ascii_name: str) -> str:
    """An attachment named in Thai (RFC 6266's filename*, UTF-8), with an ASCII name for clients that lack it.

    For example ("ข้อ.xlsx", "findings.xlsx") gives
    attachment; filename="findings.xlsx"; filename*=UTF-8''%E0%B8%82%E0%B9%89%E0%B8%AD.xlsx
    """
    if not ascii_name.isascii() or any(char in ascii_name for char in '"\\\r\n'):
        raise ValueError(f"Not a plain ASCII file name: {ascii_name!r}")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
