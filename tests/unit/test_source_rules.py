"""Source rules that keep the output safe: checked in the code itself, so a change that breaks one fails here."""

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "limber"
SOURCES = sorted(PACKAGE.rglob("*.py"))
TEMPLATES = sorted((ROOT / "templates").rglob("*.*"))
SCRIPTS = sorted((ROOT / "assets").rglob("*.js"))
# Functions whose result may be marked safe: Markdown through nh3, and markup built from escaped parts.
HTML_PRODUCERS = {
    "convert",
    "convert_sections",
    "render_markdown",
    "qr_svg",
    "figure_svg",
    "muscle_map_svg",
    "body_map_svg",
    "figure_html",
    "muscle_map_html",
    "body_map_html",
    "qr_html",
}
# The only folders the code deletes whole: each one it made itself with tempfile.mkdtemp.
RMTREE_SITES = {
    ("build/write.py", "discard", "root"),
    ("build/write.py", "_swap", "retired"),
    ("serve/server.py", "serve", "temp"),
}


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def name_of(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        return name_of(node.value)
    if isinstance(node, ast.Call):
        return name_of(node.func)
    return ""


def test_the_sources_are_found():
    assert len(SOURCES) > 10
    assert any(p.suffix == ".html" for p in TEMPLATES)


def test_scripts_never_write_html_from_data():
    pattern = re.compile(r"\b(?:innerHTML|outerHTML|insertAdjacentHTML|document\.write(?:ln)?)\b")
    found = [f"{p.relative_to(ROOT)}:{m.group()}" for p in SCRIPTS for m in pattern.finditer(p.read_text())]

    assert found == []


def test_the_generator_never_marks_html_safe_itself():
    pattern = re.compile(r"\bMarkup\b|markupsafe|\|\s*safe\b|autoescape\s*=\s*False|\{%\s*autoescape\s+false")
    found = [f"{p.relative_to(ROOT)}:{m.group()}" for p in SOURCES for m in pattern.finditer(p.read_text())]

    assert found == []


def test_templates_mark_only_html_fields_safe_and_never_turn_autoescape_off():
    marked = re.compile(r"\{\{\s*([\w.]+)\s*\|\s*safe\s*\}\}")
    uses, allowed = [], []
    for path in TEMPLATES:
        text = path.read_text()
        uses += [f"{path.name}: {m.group()}" for m in re.finditer(r"\|\s*safe\b|filter\s+safe\b", text)]
        allowed += [m for m in marked.finditer(text) if re.fullmatch(r"[\w.]*(?:_html|\.html)", m.group(1))]
        assert "autoescape false" not in text.lower(), path.name

    assert allowed
    assert len(uses) == len(allowed), uses


def test_html_fields_are_filled_only_by_the_sanitiser_or_escaped_markup():
    wrong = []
    for path in SOURCES:
        for node in ast.walk(tree(path)):
            pairs: list[tuple[str, ast.AST]] = []
            if isinstance(node, ast.keyword) and node.arg and node.arg.endswith("_html"):
                pairs.append((node.arg, node.value))
            elif isinstance(node, ast.Assign):
                pairs += [(name_of(t), node.value) for t in node.targets if name_of(t).endswith("_html")]
            for name, value in pairs:
                if not _html_source(value):
                    wrong.append(
                        f"{path.relative_to(ROOT)}:{node.lineno if hasattr(node, 'lineno') else ''} {name}"
                    )

    assert wrong == []


def _html_source(value: ast.AST) -> bool:
    if isinstance(value, ast.IfExp):
        return _html_source(value.body) and _html_source(value.orelse)
    if isinstance(value, ast.Constant):
        return value.value == ""
    if isinstance(value, ast.Call):
        return name_of(value.func) in HTML_PRODUCERS
    return name_of(value).endswith(("_html", "html"))


def test_no_template_is_built_from_a_string():
    found = []
    for path in SOURCES:
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.Call) and name_of(node.func) in (
                "Template",
                "from_string",
                "compile_expression",
                "DictLoader",
                "FunctionLoader",
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name_of(node.func)}")
    environments = [
        f"{p.relative_to(ROOT)}"
        for p in SOURCES
        for node in ast.walk(tree(p))
        if isinstance(node, ast.Call) and name_of(node.func) == "Environment"
    ]

    assert found == []
    assert environments == ["limber/render/templates.py"]  # make_env: FileSystemLoader over templates/ only


def test_every_folder_deletion_is_of_a_folder_the_code_made():
    sites = set()
    for path in SOURCES:
        module = tree(path)
        made = {
            name_of(target)
            for node in ast.walk(module)
            if isinstance(node, ast.Assign) and "mkdtemp" in ast.dump(node.value)
            for target in node.targets
        }
        for function in ast.walk(module):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and name_of(node.func) in ("rmtree", "removedirs"):
                    target = name_of(node.args[0]) if node.args else ""
                    site = (path.relative_to(PACKAGE).as_posix(), function.name, target)
                    sites.add(site)
                    assert target in made, f"{site}: not a folder made with tempfile.mkdtemp"

    assert sites and sites <= RMTREE_SITES, sites - RMTREE_SITES
