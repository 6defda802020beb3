"""The site navigation in linear time: titles-only tables of contents.

Furo draws every page's sidebar from the whole site's table of contents,
asking Sphinx for ``toctree(titles_only=True, maxdepth=-1, ...)``.  Sphinx
answers by deep-copying *every* document's full section tree and only then
throwing the sections away, keeping each document's title and its
sub-toctrees.  With one page per catalog entry (each with many sections) that
is O(pages x sections) node copies per page, O(pages^2) per build: about a
third of a cold docs build went there.

This module gives the page context a ``toctree`` that, for titles-only
requests, hands Sphinx a view of the environment whose per-document tables of
contents are already cut down to what titles-only keeps (the top-level titles
and the toctrees under them, exactly Sphinx's own cut, applied once per build
instead of once per page and document).  Sphinx's own code still resolves the
tree, marks the current page and its ancestors, and makes the links relative,
so the sidebar is the same HTML as before (tests/docs/test_navigation.py
compares it); every other ``toctree`` request goes to Sphinx unchanged.

``natlat_sym.sphinxext`` sets this up; on its own, any site with a theme that
asks for titles-only trees can add ``"natlat_sym.sphinxext.navigation"`` to
``extensions``.

>>> from docutils import nodes
>>> from sphinx import addnodes
>>> section = nodes.bullet_list("", nodes.list_item("", addnodes.compact_paragraph("", "Sub")))
>>> toc = nodes.bullet_list("", nodes.list_item("", addnodes.compact_paragraph("", "Title"),
...                                             section))
>>> print(titles_only_toc(toc).astext())
Title
>>> len(list(toc.findall(nodes.list_item)))   # the environment's own toc is untouched
2
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

__all__ = ["NavigationTocs", "setup", "titles_only_toc"]


def titles_only_toc(toc: nodes.bullet_list) -> nodes.bullet_list:
    """A copy of one document's toc keeping only what ``titles_only`` keeps.

    For each top-level entry: its title, and (in place of its sections) the
    toctree nodes found anywhere under it; Sphinx's
    ``_entries_from_toctree`` applies the same cut after copying, so applying
    it before is invisible in the result (the cut is idempotent).
    """
    copy = toc.deepcopy()
    for top_level in copy.children:
        if len(top_level) > 1:
            subtrees = list(top_level.findall(addnodes.toctree))
            if subtrees:
                top_level[1][:] = subtrees
            else:
                top_level.pop(1)
    return copy


class _TitlesOnlyEnvironment:
    """The build environment, except that ``tocs`` holds titles-only tocs."""

    def __init__(self, env, tocs: dict):
        self._env = env
        self.tocs = tocs

    def __getattr__(self, name):
        return getattr(self._env, name)


class NavigationTocs:
    """Per-application state: the titles-only tocs of the current build.

    Connected to ``env-updated`` (forget the tocs: documents were re-read)
    and ``html-page-context`` (before the theme's handler, so the theme calls
    the fast ``toctree``).
    """

    def __init__(self):
        self._view = None

    def forget(self, app, env) -> list:
        self._view = None
        return []

    def _environment(self, env):
        if self._view is None or self._view._env is not env:
            tocs = {doc: titles_only_toc(toc) for doc, toc in env.tocs.items()}
            self._view = _TitlesOnlyEnvironment(env, tocs)
        return self._view

    def install(self, app, pagename, templatename, context, doctree) -> None:
        builder = app.builder
        original = context.get("toctree")
        if original is None or not hasattr(builder, "render_partial"):
            return
        # imported here: only html builders get this far
        from sphinx.environment.adapters.toctree import global_toctree_for_doc

        def toctree(collapse: bool = True, **kwargs) -> str:
            if not kwargs.get("titles_only"):
                return original(collapse=collapse, **kwargs)
            kwargs.setdefault("includehidden", False)
            if kwargs.get("maxdepth") == "":
                kwargs.pop("maxdepth")
            tree = global_toctree_for_doc(self._environment(app.env), pagename, builder,
                                          tags=builder.tags, collapse=collapse, **kwargs)
            return builder.render_partial(tree)["fragment"]

        context["toctree"] = toctree


def setup(app) -> dict:
    """Connect a :class:`NavigationTocs` of this application (its own, so
    two applications in one process never share tocs)."""
    navigation = NavigationTocs()
    app.connect("env-updated", navigation.forget)
    app.connect("html-page-context", navigation.install, priority=400)  # before the theme's
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
