"""Start-up: the language identifier loads once, whether a background prefetch or the first detection asks."""

from __future__ import annotations

import threading

from eventwire import language


def test_prefetch_and_concurrent_detections_share_one_identifier() -> None:
    language.prefetch()
    answers: list[str | None] = []
    threads = [threading.Thread(target=lambda: answers.append(
        language.detect("The council said the bridge would reopen on Friday after repairs."))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    language.prefetch()  # already loaded: starts nothing
    assert answers == ["en"] * 4
    assert len(language._LOADED) == 1


def test_detection_of_french_after_prefetch() -> None:
    language.prefetch()
    assert language.detect("Le conseil a annoncé que le pont rouvrirait vendredi après les travaux.") == "fr"
