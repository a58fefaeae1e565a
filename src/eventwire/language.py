"""The language of a document: the input's own ``lang`` when it gives one, else detected from the text.

Detection uses ``py3langid`` (a maintained fork of langid.py, numpy only), measured on short news text
against ``lingua-language-detector``: see README "Languages". The answer is an ISO 639-1 code; which spaCy
pipeline and which lexicons a language gets is decided in :mod:`eventwire.parse` and
:mod:`eventwire.lexicons`.
"""

from __future__ import annotations

import re
import threading

DETECT_CHARS = 1000  # the opening of a report is enough; longer texts only cost time
MIN_LETTERS = 3  # below this there is nothing to detect
_CODE = re.compile(r"^[A-Za-z]{2,3}$")


def normalise_code(lang: str | None) -> str | None:
    """'fr', 'FR', 'fr-FR', 'fr_CA' -> 'fr'; None for an empty or malformed code."""
    if not lang:
        return None
    head = re.split(r"[-_]", lang.strip(), maxsplit=1)[0]
    return head.lower() if _CODE.match(head) else None


_LOADED: list = []  # the identifier, once loaded
_LOADING = threading.Lock()


def _identifier():
    """py3langid's identifier, loaded once per process (by whichever thread asks first)."""
    with _LOADING:
        if not _LOADED:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _LOADED.append(LanguageIdentifier.from_model_file(MODEL_FILE))
    return _LOADED[0]


def prefetch() -> None:
    """Start loading the identifier in the background: most of it is decompressing the model, which frees the
    interpreter, so it overlaps the spaCy import and model load instead of following them."""
    if not _LOADED:
        threading.Thread(target=_identifier, name="eventwire-langid", daemon=True).start()


def detect(text: str, title: str | None = None) -> str | None:
    """The ISO 639-1 code of the language ``title`` and ``text`` are written in; None without letters."""
    sample = f"{title}\n{text}" if title else text
    sample = sample[:DETECT_CHARS]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS:
        return None
    code, _ = _identifier().classify(sample)
    return normalise_code(code)


def language_of(text: str, given: str | None = None, title: str | None = None) -> str | None:
    """The input's own code when it has a usable one, else the detected language."""
    return normalise_code(given) or detect(text, title)
