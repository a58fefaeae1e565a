"""PLOVER event coding over the dependency parse: lexicons, trigger finding, frames, arguments, linking."""
