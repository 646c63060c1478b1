"""The base URL is used exactly as written, so only a clean absolute http(s) URL is accepted."""

from pathlib import Path

import pytest

from limber.build.pipeline import build
from limber.cli import main
from limber.model.site_config import normalise_base_url

ACCEPTED = {
    "https://example.org": "https://example.org/",
    "https://example.org/guide": "https://example.org/guide/",
    "https://example.org/guide/": "https://example.org/guide/",
    "http://localhost:8000/": "http://localhost:8000/",
    "http://127.0.0.1:8000/a/b/": "http://127.0.0.1:8000/a/b/",
    "https://[::1]:8443/": "https://[::1]:8443/",
    "https://sub.example-site.org/~team/my_guide.v2/%7E/": "https://sub.example-site.org/~team/my_guide.v2/%7E/",
}
REFUSED = [
    "https://example.org/guide/\r\nSitemap: https://evil.example/s.xml",
    "https://example.org/guide/\r",
    "https://example.org/\nDisallow: /",
    "https://example.org/gu\tide/",
    " https://example.org/",
    "https://example.org/ ",
    "https://example.org/my guide/",
    "https://exa mple.org/",
    "https://example.org/\x1b[2K/",
    "https://example.org/\x00/",
    "https://example.org/\x85/",
    "https://exam\u202eple.org/",
    "https://example.org/\u2028/",
    "https://user:secret@example.org/",
    "https://user@example.org/",
    "https://example.org/?a=1",
    "https://example.org/?",
    "https://example.org/#top",
    "https://example.org/#",
    "https://example.org//evil.example/",
    "https://example.org/a/../b/",
    "https://example.org/./",
    "https://example.org/guide/%2e%2E/limber/",
    "https://example.org/guide/%2e/",
    "https://example.org/guide/.%2e/",
    "https://example.org/guide/%2E./",
    "https://example.org/<script>/",
    'https://example.org/a"b/',
    "https://example.org/it's/",
    "https://example.org/%zz/",
    "https://example.org:99999/",
    "https://example.org:/",
    "https://-example.org/",
    "https://example.org./",
    "https://exämple.org/",
    "HTTPS://example.org/",
    "ftp://example.org/",
    "javascript://example.org/%0Aalert(1)",
    "//example.org/",
    "example.org",
    "https://",
    "https:///guide/",
]


@pytest.mark.parametrize("value", sorted(ACCEPTED))
def test_a_clean_absolute_url_is_accepted_with_a_trailing_slash(value):
    assert normalise_base_url(value) == ACCEPTED[value]


@pytest.mark.parametrize("value", REFUSED)
def test_anything_else_is_refused_as_written_not_cleaned(value):
    assert normalise_base_url(value) is None


@pytest.mark.parametrize(
    "value", [*REFUSED[:4], "https://example.org/my guide/", "https://example.org//evil.example/"]
)
def test_a_refused_base_url_builds_nothing(value, project: Path):
    out = project / "site"

    result = build(project, out, base_url=value)

    assert [d.code for d in result.diagnostics] == ["bad-base-url"]
    assert result.outputs == []
    assert not out.exists()


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ('"https://example.org/guide/\\rSitemap: https://evil.example/s.xml"', "control-character"),
        ('"https://example.org/my guide/"', "bad-base-url"),
        ('"https://user:secret@example.org/"', "bad-base-url"),
    ],
)
def test_a_bad_base_url_in_site_yaml_never_reaches_robots_sitemap_or_canonical(
    written, code, project: Path, capsys
):
    site_yaml = project / "content" / "site.yaml"
    site_yaml.write_text(
        site_yaml.read_text().replace("base_url: https://example.org/guide/", f"base_url: {written}")
    )

    exit_code = main(["build", "--project", str(project)])

    assert exit_code == 1
    assert not (project / "site").exists()
    assert f"content/site.yaml:4: error[{code}]: " in capsys.readouterr().err


def test_the_command_line_refuses_a_carriage_return_and_shows_it_escaped(project: Path, capsys):
    code = main(["build", "--project", str(project), "--base-url", "https://example.org/\rSitemap: x"])

    err = capsys.readouterr().err
    assert code == 2
    assert "\r" not in err
    assert "https://example.org/\\rSitemap: x" in err
    assert not (project / "site").exists()


@pytest.mark.parametrize("value", sorted(ACCEPTED))
def test_accepted_urls_give_clean_robots_sitemap_and_canonical(value, project: Path):
    out = project / "site"
    result = build(project, out, base_url=value)

    assert result.ok, result.diagnostics
    texts = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.suffix in (".html", ".xml", ".txt")
    }
    assert texts["robots.txt"].splitlines() == [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {ACCEPTED[value]}sitemap.xml",
    ]
    assert all("\r" not in text for text in texts.values())
    assert (
        f'<link rel="canonical" href="{ACCEPTED[value]}exercises/chin-tuck/">'
        in texts["exercises/chin-tuck/index.html"]
    )
