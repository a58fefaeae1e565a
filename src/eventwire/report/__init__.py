"""The dossier: assemble once from document and incident records, render as md, html or json."""

from eventwire.report.dossier import assemble
from eventwire.report.render import FORMATS, render, source_url_links

__all__ = ["FORMATS", "assemble", "render", "source_url_links"]
