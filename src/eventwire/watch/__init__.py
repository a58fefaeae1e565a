"""Watching feeds: poll RSS/Atom feeds, sitemaps and folders, ingest what is new, alert on what changed.

    from eventwire.watch.config import load_config
    from eventwire.watch.watcher import Watcher

    with Store.open(url) as store:
        watcher = Watcher(load_config("watch.toml"), store)
        watcher.run_once()          # or run_forever(); watcher.stop.set() ends it after the current batch

config (TOML, checked) → watcher (the loop) → fetch (polite HTTP) + sources (feed, sitemap, folder entries)
→ the readers and the ingest path → rules (pure) → alerting (outbox, webhook delivery) → display (log lines).
"""
