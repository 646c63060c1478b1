"""`build` warns when the site would be published under a domain reserved for examples."""

import pytest

from limber.build.pipeline import build
from limber.cli import main

WARNING = (
    "content/site.yaml:4: warning[example-base-url]: base_url https://example.org/guide/ is on example.org, "
    "a domain reserved for examples: every QR code, canonical link and feed entry would lead nowhere; "
    "give the address the site is published at (in content/site.yaml, or with --base-url)"
)


def test_build_warns_at_the_base_url_line_and_still_builds(project, capsys):
    code = main(["build", "--project", str(project)])

    assert code == 0
    assert capsys.readouterr().err.splitlines() == [WARNING, "1 warning(s)."]
    assert (project / "site" / "index.html").is_file()


def test_a_strict_build_under_an_example_domain_fails_and_writes_nothing(project, capsys):
    code = main(["build", "--strict", "--project", str(project)])

    assert code == 1
    assert WARNING.replace("warning[", "error[") in capsys.readouterr().err
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        ("https://owner.github.io/limber/", False),
        ("https://guide.example.com/", True),
        ("https://limber.test/", True),
        ("https://example.organic.farm/", False),
    ],
)
def test_the_address_given_with_base_url_decides(project, capsys, url, warned):
    main(["build", "--project", str(project), "--base-url", url])

    assert ("warning[example-base-url]: --base-url" in capsys.readouterr().err) is warned


def test_the_preview_and_check_do_not_warn(project):
    for result in (build(project, write=False), build(project, project / "preview-site")):
        assert [d.code for d in result.diagnostics] == []
