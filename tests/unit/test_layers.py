"""Each module imports only from lower layers (STYLE.md §2.1)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "limber"
# The stage packages group modules by the pipeline's stages; each of their modules has its own layer.
STAGES = ("model", "load", "link", "render", "build")
# Half steps order modules within one layer of STYLE.md's diagram.
# Any other subpackage (views/, serve/, figures/) is one entry: its modules share its layer.
LAYERS = {
    "diagnostics": 0, "model.fields": 0, "routes": 0, "build.memo": 0, "build.parallel": 0,
    "render.safe_svg": 0, "model.site_config": 0.5, "render.assets": 1,
    "model.vocabulary": 0.8, "model.dosage": 0.9,
    "load.yaml_reader": 1, "model.records": 1, "load.body_text": 1, "load.content_files": 1.2,
    "load.source_docs": 1.3, "load.sources": 1.5,
    "load.checker": 2, "link.related": 2, "link.references": 2, "load.front_matter": 2.5,
    "load.taxonomies": 2.6, "load.site_settings": 2.6,
    "link.linking": 3, "rules": 3.5,
    "figures": 0.2, "render.markdown": 4, "render.documents": 4.2, "search": 4.5,
    "build.loading": 4.6, "views": 4.7,
    "render.templates": 5, "render.offline_files": 5.2, "render.outputs": 5.5,
    "build.write": 6,
    "build.input_digests": 6.4, "build.state_files": 6.45, "build.cache": 6.5,
    "build.kept_site": 6.8, "build.result": 6.9, "build.pipeline": 7,
    "editors": 7.5, "serve": 8, "cli": 8.5,
}  # fmt: skip
TYPE_ONLY: set[tuple[str, str]] = set()  # imports for annotations only, if ever needed


def sources(module: str) -> list[Path]:
    path = PACKAGE.joinpath(*module.split("."))
    return sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]


def entry(dotted: str) -> str:
    """The LAYERS entry of a module named after `limber.`: a stage's module, or the top-level name."""
    parts = dotted.split(".")
    return ".".join(parts[:2]) if parts[0] in STAGES and len(parts) > 1 else parts[0]


def imports_of(module: str) -> set[str]:
    found = set()
    for node in (n for path in sources(module) for n in ast.walk(ast.parse(path.read_text()))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("limber"):
            named = node.module.removeprefix("limber").removeprefix(".")
            if not named or named in STAGES:  # from limber import x, from limber.load import x
                found.update(entry(f"{named}.{a.name}".lstrip(".")) for a in node.names)
            else:
                found.add(entry(named))
        elif isinstance(node, ast.Import):
            found.update(
                entry(a.name.removeprefix("limber.")) for a in node.names if a.name.startswith("limber.")
            )
    return found - {"__init__", "__version__", module}


def test_every_module_has_a_layer():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    for folder in (p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
        if folder.name in STAGES:
            modules |= {f"{folder.name}.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"}
            assert not [p for p in folder.iterdir() if (p / "__init__.py").exists()], folder
        else:
            modules.add(folder.name)
    assert modules == set(LAYERS)


def test_stage_packages_hold_only_their_modules():
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").read_text().count("\n") <= 3, (
            f"{stage}/__init__.py holds code"
        )


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_imports_only_go_down(module):
    for imported in imports_of(module):
        ok = LAYERS[imported] < LAYERS[module] or (module, imported) in TYPE_ONLY
        assert ok, f"{module} (layer {LAYERS[module]}) imports {imported} (layer {LAYERS[imported]})"


def test_model_and_linking_never_touch_jinja():
    for module in (
        "model",
        "link",
        "load",
        "views",
        "render.documents",
    ):
        assert all("jinja2" not in path.read_text() for path in sources(module))
