"""The temporal tagger behind the times step: rules, normalisation, tense of the clause."""
