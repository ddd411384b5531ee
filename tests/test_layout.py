"""Imports point one way: every module under coalition/ imports only from its own tier or
lower (DESIGN.md section 1), and packages of one tier form no loop.

KNOWN_VIOLATIONS lists what the layout has not untangled yet, each with why; it may only
shrink: a listed pair that no longer occurs fails too, so it leaves the list.
"""

import ast
import re
from pathlib import Path

from coalition import _rule_modules
from coalition.web import authz

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coalition"
TIERS = {
    "core": 0,
    "web": 1,
    "revisions": 2,
    "outbox": 2,
    "timeline": 2,
    "auth": 3,
    "members": 3,
    "committees": 4,
    "feedback": 4,
    "meetings": 5,
    "messaging": 5,
    "dashboard": 6,
    "demo": 6,
    "cli": 6,
    "": 6,  # coalition/__init__.py: the factory wires every package
}
# (importer, imported): why it is still allowed. Step 2 of issue 14 empties this.
KNOWN_VIOLATIONS = {}


def _module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _package(module):
    """The top-level package under coalition ("" for coalition itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imported(node, importer):
    """The coalition modules an import statement names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    assert not node.level, f"{importer}: import absolutely, so this test can read the tier"
    source = node.module
    return [
        f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source
        for alias in node.names
    ]


def _imports():
    """{(importer, imported)} for every import of a coalition module, at any depth."""
    pairs = set()
    for importer, path in MODULES.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                pairs.update(
                    (importer, imported)
                    for imported in _imported(node, importer)
                    if imported.split(".")[0] == "coalition"
                )
    return pairs


def _against_the_order(pairs):
    return {
        (importer, imported)
        for importer, imported in pairs
        if TIERS[_package(imported)] > TIERS[_package(importer)]
    }


def _same_tier_loops(pairs):
    """Pairs that join two packages of one tier importing each other."""
    edges = {
        (_package(a), _package(b))
        for a, b in pairs
        if _package(a) != _package(b) and TIERS[_package(a)] == TIERS[_package(b)]
    }
    return {
        (a, b)
        for a, b in pairs
        if (_package(a), _package(b)) in edges and (_package(b), _package(a)) in edges
    }


def test_every_package_has_a_tier():
    assert {_package(module) for module in MODULES} <= set(TIERS)


def test_imports_follow_the_order():
    pairs = _imports()
    found = _against_the_order(pairs) | _same_tier_loops(pairs)
    new = sorted(found - set(KNOWN_VIOLATIONS))
    assert not new, f"imports against DESIGN.md's order (import lower tiers only): {new}"


def test_every_known_violation_still_occurs():
    pairs = _imports()
    found = _against_the_order(pairs) | _same_tier_loops(pairs)
    gone = sorted(set(KNOWN_VIOLATIONS) - found)
    assert not gone, f"fixed: remove from KNOWN_VIOLATIONS: {gone}"


def test_every_rule_a_template_asks_for_has_one_home():
    """Templates ask `can("<rule>", ...)` or `authz.<rule>`; each rule lives in exactly one
    feature's module (a misspelt rule has none and fails here, not on a page)."""
    modules = [authz, *_rule_modules()]
    asked = set()
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        asked |= set(re.findall(r"\bauthz\.(\w+)", text))
        asked |= {f"can_{rule}" for rule in re.findall(r"\bcan\(\s*[\"'](\w+)[\"']", text)}
    homes = {name: [m.__name__ for m in modules if _defines(m, name)] for name in asked}
    assert {name: found for name, found in homes.items() if len(found) != 1} == {}


def _defines(module, name):
    """The module defines the function itself (not imported from another)."""
    return getattr(vars(module).get(name), "__module__", None) == module.__name__


def test_the_factory_registers_one_blueprint_per_package(app):
    """Sub-features nest under their package's blueprint; the development mailbox is the one
    extra, a tool that exists only where DEV_MAILBOX is on."""
    top_level = {name for name in app.blueprints if "." not in name}
    expected = {"auth", "members", "committees", "feedback", "meetings", "messaging"}
    expected |= {"timeline", "outbox", "dashboard"}
    assert top_level - {"devmail"} == expected
