"""handbook: publish a community's handbook with MkDocs and keep its Discord in step with it."""

from __future__ import annotations


def _without_mkdocs() -> bool:
    """True where ProperDocs is installed without the mkdocs package (found, never imported)."""
    from importlib.util import find_spec

    try:
        return find_spec("mkdocs") is None
    except (ImportError, ValueError):
        return True


if _without_mkdocs():  # ProperDocs' shim maps every mkdocs.* import to properdocs.*
    try:
        import properdocs.replacement  # noqa: F401
    except ModuleNotFoundError:
        pass  # neither: the commands that need one say so


def __getattr__(name: str) -> str:
    # Looked up on demand: importlib.metadata costs more than the rest of `handbook check`'s imports.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("mkdocs-handbook")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'handbook' has no attribute {name!r}")
