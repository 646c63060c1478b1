"""Each module imports only from lower layers (STYLE.md §2.1)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "limber"
# Half steps order modules within one layer of STYLE.md's diagram.
# A subpackage (views/, serve/, figures/) is one entry: its modules share its layer.
LAYERS = {
    "diagnostics": 0, "fields": 0, "routes": 0, "memo": 0, "parallel": 0, "safe_svg": 0, "config": 0.5, "assets": 1,
    "vocabulary": 0.8, "dosage": 0.9,
    "yaml_reader": 1, "model": 1, "body": 1, "content_files": 1.2, "source_docs": 1.3, "content": 1.5,
    "checker": 2, "related": 2, "references": 2, "front_matter": 2.5, "taxonomies": 2.6, "site_settings": 2.6,
    "linking": 3, "rules": 3.5,
    "figures": 0.2, "markdown": 4, "documents": 4.2, "search": 4.5, "loading": 4.6, "views": 4.7,
    "render": 5, "offline": 5.2, "outputs": 5.5,
    "output": 6,
    "input_digests": 6.4, "cache": 6.5,
    "kept_site": 6.8, "pipeline": 7,
    "editors": 7.5, "serve": 8, "cli": 8.5,
}  # fmt: skip
TYPE_ONLY: set[tuple[str, str]] = set()  # imports for annotations only, if ever needed


def sources(module: str) -> list[Path]:
    folder = PACKAGE / module
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{module}.py"]


def imports_of(module: str) -> set[str]:
    found = set()
    for node in (n for path in sources(module) for n in ast.walk(ast.parse(path.read_text()))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("limber"):
            found.add(node.module.split(".")[1] if "." in node.module else node.names[0].name)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("limber."))
    return found - {"__init__", module}


def test_every_module_has_a_layer():
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()
    }
    assert modules - {"__init__"} == set(LAYERS)


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_imports_only_go_down(module):
    for imported in imports_of(module):
        if imported in ("__version__",):
            continue
        ok = LAYERS[imported] < LAYERS[module] or (module, imported) in TYPE_ONLY
        assert ok, f"{module} (layer {LAYERS[module]}) imports {imported} (layer {LAYERS[imported]})"


def test_model_and_linking_never_touch_jinja():
    for module in (
        "model",
        "vocabulary",
        "linking",
        "front_matter",
        "taxonomies",
        "content",
        "views",
        "documents",
    ):
        assert all("jinja2" not in path.read_text() for path in sources(module))
