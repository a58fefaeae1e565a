"""Counts in news text, for the figures step.

- ``expressions``: numbers as written ("12,500", "1.2 million", "seventy", "between 50 and 60", "hundreds",
  "at least 60", "two-thirds") with their quantity;
- ``noncounts``: numbers that are not counts (dates, years, money, percentages, clock times, ages, labels);
- ``cues``: the lexicons of unit nouns, category cues and hedges, compiled once;
- ``counts``: each number's counted noun, unit and category, chosen by distance in the dependency tree;
- ``tree``: dependency-tree distances.
"""
