"""What the visitor typed, read the way web searches read it.

`Kita OR Schule "weiter so" -Köln` means: (Kita or Schule) and the phrase "weiter so" and not
Köln. The parser never fails: unbalanced quotes close at the end, stray operators are dropped,
and anything that is not a word (SQL, emoji, punctuation) simply does not become a term.

It is also the search's first line of defence against expensive input: the text is cut to
MAX_QUERY_CHARACTERS before anything looks at it, and at most MAX_TERMS terms survive, so
neither PostgreSQL's parser nor the index ever sees more than that.
"""

import re
from dataclasses import dataclass

from .text import STOP_WORDS, words

#: Longer input is cut before parsing (a search box needs no more; an attacker gets no more).
MAX_QUERY_CHARACTERS = 200
#: Terms after parsing: each one is an index lookup, so their number bounds the work.
MAX_TERMS = 8
#: A phrase longer than this keeps its first words.
MAX_PHRASE_WORDS = 8
#: One word longer than this is not a word anybody searches for.
MAX_WORD_LENGTH = 60

OR_OPERATORS = frozenset({"OR", "ODER", "|"})
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase: its words, lower-cased."""

    words: tuple[str, ...]
    phrase: bool = False

    def __str__(self):
        text = " ".join(self.words)
        return f'"{text}"' if self.phrase else text


@dataclass(frozen=True)
class Query:
    #: All of these must match; each is a group of alternatives joined by OR.
    clauses: tuple[tuple[Term, ...], ...] = ()
    #: None of these may match.
    excluded: tuple[Term, ...] = ()
    #: True when the input was cut (too long, too many terms).
    shortened: bool = False

    def __bool__(self):
        return bool(self.clauses)

    @property
    def terms(self):
        return [term for clause in self.clauses for term in clause]

    @property
    def words(self):
        """The positive words, for highlighting and "Meinten Sie …?"."""
        return [word for term in self.terms for word in term.words]

    def __str__(self):
        parts = [" OR ".join(map(str, clause)) for clause in self.clauses]
        parts += [f"-{term}" for term in self.excluded]
        return " ".join(parts)

    def replacing(self, replacements):
        """The same query with some words swapped (for "Meinten Sie …?")."""

        def swap(term):
            return Term(tuple(replacements.get(word, word) for word in term.words), term.phrase)

        return Query(
            tuple(tuple(swap(term) for term in clause) for clause in self.clauses),
            self.excluded,
            self.shortened,
        )


def clean(value):
    """The raw text, bounded and without control characters (NUL included).

    Cut at the end of a word: the rest of a word cut in two ("St" of "Stadt") would be searched
    for as a word of its own.
    """
    cut = value[:MAX_QUERY_CHARACTERS]
    inside_a_word = not value[MAX_QUERY_CHARACTERS:][:1].isspace() and not cut[-1:].isspace()
    if len(value) > MAX_QUERY_CHARACTERS and inside_a_word and len(cut.split()) > 1:
        cut = cut.rsplit(maxsplit=1)[0]
    return "".join(char if char.isprintable() else " " for char in cut)


def _term(text, *, phrase):
    found = [word for word in words(text) if len(word) <= MAX_WORD_LENGTH]
    if phrase:
        found = found[:MAX_PHRASE_WORDS]
        # A phrase of one word is that word; it keeps it even if it is a stop word.
        return Term(tuple(found), phrase=len(found) > 1) if found else None
    # Outside quotes, function words only slow the search down ("die Miete" = "Miete").
    found = [word for word in found if word not in STOP_WORDS]
    if not found:
        return None
    # "Kita-Gebühren" or "C&A" typed as one token: its words must all match, in this order.
    return Term(tuple(found), phrase=len(found) > 1)


def _without_repeats(clauses, excluded):
    """The query without terms said again, which add nothing but work: "Stadt Stadt" is
    "Stadt", and so is "Stadt Stadt OR Kita" (Stadt, and Stadt or Kita)."""
    unique, said = [], set()
    for clause in clauses:
        clause = tuple(dict.fromkeys(clause))
        if frozenset(clause) not in said:
            said.add(frozenset(clause))
            unique.append(clause)
    alone = {clause[0] for clause in unique if len(clause) == 1}
    unique = [clause for clause in unique if len(clause) == 1 or not alone.intersection(clause)]
    return tuple(unique), tuple(dict.fromkeys(excluded))


def parse(value: str) -> Query:
    text = clean(value or "")
    shortened = len(value or "") > MAX_QUERY_CHARACTERS
    clauses, excluded = [], []
    join_with_previous = False
    seen = set()
    for match in TOKEN.finditer(text):
        negated, quoted, bare = match.groups()
        if bare is not None and bare.upper() in OR_OPERATORS:
            join_with_previous = bool(clauses)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        term = _term(quoted if quoted is not None else bare, phrase=quoted is not None)
        if term is None:
            continue
        # A term said again costs nothing (`_without_repeats`), so only new ones count.
        if (bool(negated), term) not in seen:
            if len(seen) == MAX_TERMS:
                shortened = True
                break
            seen.add((bool(negated), term))
        if negated:
            excluded.append(term)
        elif join_with_previous:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_with_previous = False
    return Query(*_without_repeats(clauses, excluded), shortened)
