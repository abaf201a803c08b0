"""What a hit's title and snippet mark, beyond what PostgreSQL's `ts_headline` marks.

`ts_headline` marks every word of the text that is one of the query's words. Two things a
visitor sees come out wrong that way:
- **a phrase's short words everywhere**: for `"der Rat"` it marks every "der" of the snippet,
  not only the one before "Rat". A stop word is searched for inside a phrase only (query.py),
  so a marked stop word keeps its mark only where the marked words around it are one of the
  query's phrases.
- **compounds found by their parts**: "Gebühren" finds "Kitagebühren" through the parts that
  indexing adds (text.py), but `ts_headline` sees only the whole word and marks nothing. Here
  the part is marked, "Kita[gebühren]", when the word splits there as indexing splits it.

The text comes with ts_headline's marks (MARK_START, MARK_END), not yet escaped.
"""

import functools
import re

from .query import Query
from .text import MIN_HEAD, MIN_PART, STOP_WORDS, compound_parts, query_forms

#: Marks of a hit in ts_headline's output, from Unicode's private use area, so that escaping
#: the text and then turning them into <mark> can't be fooled by the text itself.
MARK_START, MARK_END = "\ue000", "\ue001"
#: A marked word, and what stands between two marked neighbours: anything but letters and
#: digits, as PostgreSQL's parser counts neighbours.
_MARKED = re.compile(f"{MARK_START}([^{MARK_END}]*){MARK_END}")
_BETWEEN_NEIGHBOURS = re.compile(r"[\W_]*")
#: A word long enough to be a compound of two parts.
MIN_COMPOUND = MIN_HEAD + MIN_PART
_LETTERS = re.compile(r"[^\W\d_]*")


def refine(text: str, query: Query) -> str:
    return _mark_compound_parts(_unmark_stray_stop_words(text, query), query)


def _unmark_stray_stop_words(text, query):
    """Takes the mark off each stop word that isn't where one of the query's phrases stands."""
    phrases = [term.words for term in query.terms if term.phrase]
    if not phrases:
        # Outside a phrase a stop word is marked only when it is searched for alone.
        return text
    searched_alone = {term.words[0] for term in query.terms if not term.phrase}
    marks = list(_MARKED.finditer(text))
    kept = set()
    for run in _runs_of_neighbours(text, marks):
        words = [marks[index].group(1).lower() for index in run]
        for phrase in phrases:
            for start in range(len(run) - len(phrase) + 1):
                if _stands_here(phrase, words[start : start + len(phrase)]):
                    kept.update(run[start : start + len(phrase)])
    result, last = [], 0
    for index, mark in enumerate(marks):
        word = mark.group(1).lower()
        if word in STOP_WORDS and word not in searched_alone and index not in kept:
            result.append(text[last : mark.start()] + mark.group(1))
            last = mark.end()
    result.append(text[last:])
    return "".join(result)


def _runs_of_neighbours(text, marks):
    """The marks' indexes in runs of marked words with nothing but spaces and punctuation
    between them."""
    runs = []
    for index, mark in enumerate(marks):
        if index and _BETWEEN_NEIGHBOURS.fullmatch(text, marks[index - 1].end(), mark.start()):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _stands_here(phrase, words):
    """Whether these marked words are the phrase: its stop words as they are (the others
    PostgreSQL matched by their stems, so they may differ: "der Räte" for "der Rat")."""
    return all(
        word == wanted
        for wanted, word in zip(phrase, words, strict=True)
        if wanted in STOP_WORDS or word in STOP_WORDS
    )


def _mark_compound_parts(text, query):
    """Marks, in words not marked yet, a part that one of the query's single words finds."""
    beginnings = _beginnings(query)
    if not beginnings:
        return text
    pieces, last = [], 0
    # The engine's fast search for the beginnings, then the words around the few it finds.
    for found in _any_of(beginnings).finditer(text):
        start = found.start()
        while start and text[start - 1].isalpha():
            start -= 1
        end = _LETTERS.match(text, found.end()).end()
        if start < last or end - start < MIN_COMPOUND or text[start - 1 : start] == MARK_START:
            continue
        span = _found_part(text[start:end].lower(), beginnings)
        if span:
            part_start, part_end = start + span[0], start + span[1]
            pieces.append(text[last:part_start] + MARK_START + text[part_start:part_end] + MARK_END)
            last = part_end
    pieces.append(text[last:])
    return "".join(pieces)


@functools.lru_cache(maxsize=1000)
def _beginnings(query):
    """What a part must begin with to be one of the query's single words, in any ending: the
    word without its last two letters, at least four ("gebühr" for "Gebühren", "kita")."""
    return frozenset(
        form[: max(4, len(form) - 2)]
        for term in query.terms
        if not term.phrase
        for form in query_forms(term.words[0])
    )


@functools.lru_cache(maxsize=1000)
def _any_of(beginnings):
    return re.compile("|".join(map(re.escape, sorted(beginnings))), re.IGNORECASE)


def _found_part(word, beginnings):
    """(start, end) of the first part of the word that is one of the query's words, as
    `compound_parts` splits it; None if there is none."""
    for part in compound_parts(word):
        if any(part.startswith(beginning) for beginning in beginnings):
            start = word.find(part)
            if start >= 0:
                return start, start + len(part)
    return None
