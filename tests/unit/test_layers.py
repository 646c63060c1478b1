"""Each module imports only from lower layers (STYLE.md §2.1)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "limber"
# Half steps order modules within one layer of STYLE.md's diagram.
LAYERS = {
    "diagnostics": 0, "config": 0, "fields": 0, "svg": 0,
    "yaml_reader": 1, "model": 1, "body": 1, "content": 1.5, "dosage": 1.5,
    "checker": 2, "schema": 2.5,
    "linking": 3,
    "view_models": 4, "markdown": 4, "jsonld": 4.5, "views": 4.7,
    "render": 5,
    "output": 6,
    "pipeline": 7,
    "serve": 8, "cli": 8.5,
}  # fmt: skip
TYPE_ONLY: set[tuple[str, str]] = set()  # imports for annotations only, if ever needed


def imports_of(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("limber"):
            found.add(node.module.split(".")[1] if "." in node.module else node.names[0].name)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("limber."))
    return found - {"__init__"}


def test_every_module_has_a_layer():
    assert {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"} == set(LAYERS)


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_imports_only_go_down(module):
    for imported in imports_of(module):
        if imported in ("__version__",):
            continue
        ok = LAYERS[imported] < LAYERS[module] or (module, imported) in TYPE_ONLY
        assert ok, f"{module} (layer {LAYERS[module]}) imports {imported} (layer {LAYERS[imported]})"


def test_model_and_linking_never_touch_jinja():
    for module in ("model", "linking", "schema", "content"):
        assert "jinja2" not in (PACKAGE / f"{module}.py").read_text()
