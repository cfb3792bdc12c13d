"""handbook: publish a community's handbook with MkDocs and keep its Discord in step with it."""

from __future__ import annotations

try:
    import mkdocs  # noqa: F401
except ModuleNotFoundError:  # ProperDocs without the mkdocs package: its shim maps mkdocs.* to properdocs.*
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
