"""The fast titles-only navigation gives the theme the same sidebar as Sphinx.

Two tiny furo sites from the same sources, one with
``natlat_sym.sphinxext.navigation`` and one without, must have the same
sidebar tree on every page (current-page marks and relative links included),
and the fast one must follow a page added between incremental builds.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytest.importorskip("sphinx", reason="sphinx is not installed (pip install -e '.[docs]')")
pytest.importorskip("furo", reason="furo is not installed (pip install -e '.[docs]')")
bs4 = pytest.importorskip("bs4", reason="beautifulsoup4 (a furo dependency) is not installed")


def _page(title: str, sections: int, toctree: str = "") -> str:
    text = f"{title}\n{'=' * len(title)}\n\n"
    for k in range(sections):
        text += f"Part {k}\n{'-' * (6 + len(str(k)))}\n\nText {k}.\n\n"
        if k == 1 and toctree:  # a toctree inside a section, as on chapter pages
            text += toctree
    return text


def _toctree(entries, *, hidden=False) -> str:
    options = "   :hidden:\n" if hidden else ""
    return ".. toctree::\n" + options + "\n" + "".join(f"   {e}\n" for e in entries) + "\n"


def _write_site(src: Path, extensions: list[str]) -> None:
    (src / "chapter").mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(f"html_theme = 'furo'\nextensions = {extensions!r}\n")
    (src / "index.rst").write_text(_page("Home", 2, _toctree(["intro", "chapter/index"]))
                                   + _toctree(["extra"], hidden=True))
    (src / "intro.rst").write_text(_page("Intro", 4))
    (src / "extra.rst").write_text(_page("Extra", 1))
    (src / "chapter" / "index.rst").write_text(
        _page("Chapter", 3, _toctree([f"entry{k}" for k in range(4)])))
    for k in range(4):
        (src / "chapter" / f"entry{k}.rst").write_text(_page(f"Entry {k}", 5))


def _app(root: Path):
    from sphinx.application import Sphinx

    src = root / "src"
    return Sphinx(str(src), str(src), str(root / "out"), str(root / "doctrees"), "html",
                  status=None, warning=io.StringIO(), freshenv=True)


def _build(root: Path) -> Path:
    app = _app(root)
    app.build()
    return Path(app.outdir)


def _sidebars(out: Path) -> dict[str, str]:
    found = {}
    for page in sorted(out.rglob("*.html")):
        tree = bs4.BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
            class_="sidebar-tree")
        if tree is not None:
            found[str(page.relative_to(out))] = str(tree)
    return found


def test_sidebar_is_the_same_html_on_every_page(tmp_path):
    _write_site(tmp_path / "plain" / "src", [])
    _write_site(tmp_path / "fast" / "src", ["natlat_sym.sphinxext.navigation"])
    plain = _sidebars(_build(tmp_path / "plain"))
    fast = _sidebars(_build(tmp_path / "fast"))
    assert len(plain) == 10 and set(fast) == set(plain)
    for page in plain:
        assert fast[page] == plain[page], page
    # the current page is marked, and links are relative to the page
    entry = bs4.BeautifulSoup(fast["chapter/entry2.html"], "html.parser")
    current = entry.find("a", class_="current")
    assert current is not None and current.get_text() == "Entry 2"
    assert entry.find("a", string="Intro")["href"] == "../intro.html"
    # titles only: no section of any page is in the sidebar
    assert "Part 0" not in fast["index.html"]


def test_sidebar_follows_a_page_added_between_builds(tmp_path):
    # one application building twice (as sphinx-autobuild's does): the
    # titles-only tocs of the first build must not survive into the second
    sidebars = {}
    for name, extensions in (("plain", []), ("fast", ["natlat_sym.sphinxext.navigation"])):
        root = tmp_path / name
        _write_site(root / "src", extensions)
        app = _app(root)
        app.build()
        assert "Entry 9" not in _sidebars(Path(app.outdir))["chapter/index.html"]
        (root / "src" / "chapter" / "entry9.rst").write_text(_page("Entry 9", 2))
        (root / "src" / "chapter" / "index.rst").write_text(
            _page("Chapter", 3, _toctree([f"entry{k}" for k in (0, 1, 2, 3, 9)])))
        app.build()
        sidebars[name] = _sidebars(Path(app.outdir))
    assert sidebars["fast"] == sidebars["plain"]
    assert "Entry 9" in sidebars["fast"]["chapter/index.html"]
    assert "Entry 9" in sidebars["fast"]["chapter/entry9.html"]
