"""UNSAFE_CHARS, written as ranges for speed, finds exactly the characters content may not hold."""

from limber.diagnostics import _UNSAFE, UNSAFE_CHARS


def test_it_finds_every_unsafe_code_point_and_no_other():
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)

    found = [ord(match.group()) for match in UNSAFE_CHARS.finditer(every)]

    assert found == _UNSAFE
    assert 0x2028 in found and 0x10FFFF in found and 0xE0041 in found  # a separator, a noncharacter, a tag
    assert UNSAFE_CHARS.sub("", "tab\tnew\nline – é 😀\u202e") == "tab\tnew\nline – é 😀"
