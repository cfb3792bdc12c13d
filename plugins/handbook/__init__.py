"""handbook: publish a community's handbook with MkDocs and keep its Discord in step with it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mkdocs-handbook")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
