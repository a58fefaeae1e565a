"""Counts in news text, for the figures step.

- ``words``: number words, scales and fractions from the lexicons, and ``word_value`` for other steps;
- ``expressions``: numbers as written ("12,500", "1.2 million", "seventy", "between 50 and 60", "hundreds",
  "at least 60", "two-thirds") with their quantity;
- ``noncounts``: numbers that are not counts (dates, years, money, percentages, clock times, ages, labels);
- ``cues``: the lexicons of unit nouns, category cues and hedges, compiled once;
- ``model``: the ``Count`` record the steps below fill in;
- ``nouns``: the noun each number counts, and the numbers that count nothing (ages, labels, names, years);
- ``categories``: what happened to what is counted, from the cue nearest in the dependency tree;
- ``tree``: dependency-tree distances.
"""
