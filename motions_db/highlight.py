"""What a hit's title and snippet mark, beyond what PostgreSQL's `ts_headline` marks.

`ts_headline` marks every word of the text that is one of the query's words. Two things a
visitor sees come out wrong that way:
- **a phrase's short words everywhere**: for `"der Rat"` it marks every "der" of the snippet,
  not only the one before "Rat". A stop word is searched for inside a phrase only (query.py),
  so a marked stop word keeps its mark only where the marked words around it are one of the
  query's phrases.
- **compounds found by their parts**: "Gebühren" finds "Kitagebühren" through the parts that
  indexing adds (text.py), but `ts_headline` sees only the whole word and marks nothing. Here
  a compound's last part is marked, "Kita[gebühren]", when it is one of the query's words in
  some ending; German puts a compound's head last, and that is what people search for. A run
  of parts at its start or inside it is marked when that is one of the query's long words as
  typed and plainly ends there: "[Klimaschutz]konzept", "Bürger[haushalt]sverfahren". A
  short word there, and a run that may end elsewhere ("Schulen|twicklung"), stay unmarked:
  telling them apart takes the word list that indexing splits with, a second of loading and
  80 MB in every web process.

Whether two forms are one word is judged without a stemmer, by German endings and umlauts
(`same_word`): "Gebühr" and "Gebühren", "Rat" and "Räte", not "Stand" and "Standort".

The text comes with ts_headline's marks (MARK_START, MARK_END), not yet escaped.
"""

import functools
import re

from .query import Query
from .text import MIN_HEAD, MIN_PART, STOP_WORDS, query_forms

#: Marks of a hit in ts_headline's output, from Unicode's private use area, so that escaping
#: the text and then turning them into <mark> can't be fooled by the text itself.
MARK_START, MARK_END = "\ue000", "\ue001"
#: What ts_headline puts between a snippet's two fragments (finder.HEADLINE_OPTIONS).
FRAGMENT_DELIMITER = "…"
#: A marked word, and what stands between two marked neighbours: anything but letters, digits
#: and the fragments' delimiter, as PostgreSQL's parser counts neighbours.
_MARKED = re.compile(f"{MARK_START}([^{MARK_END}]*){MARK_END}")
_BETWEEN_NEIGHBOURS = re.compile(rf"[^\w{FRAGMENT_DELIMITER}]*")
_LETTERS = re.compile(r"[^\W\d_]*")
#: Endings of German nouns and adjectives: what a form may have beyond another of the word.
ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
#: A run of a compound's parts before its last is marked for a searched word this long or
#: longer, not a shorter one: "[Land]schaft" is as often no part of the word as "[Rat]haus"
#: is one.
MIN_MARKED_RUN = 7
#: What an ending or a linking element begins with, but "s": after a searched word, these
#: letters may still belong to it ("Gesellschaft|er…", "Parkgebühr|en…"), so no mark ends
#: before them. An "s" with letters after it is the linking element ("Haushalt|s|plan"): the
#: word's own "s" endings stand at its end.
_ENDING_STARTS = ("e", "n")
_UMLAUTS = str.maketrans("äöü", "aou")


def without_marks(text: str) -> str:
    """The text with any of the marks' own characters taken out, before it is marked. Two
    replaces: `str.translate` took a tenth of a millisecond for a teaser, twenty on a page."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def refine(text: str, query: Query) -> str:
    """The text with the marks of stop words outside the query's phrases taken off, and the
    parts of compounds marked that one of the query's single words found them by."""
    return _mark_compound_parts(_unmark_stray_stop_words(text, query), query)


@functools.lru_cache(maxsize=10_000)
def _forms(word):
    """A word's forms without an ending, umlauts as plain vowels: "räte" -> {"rat", "rate"}."""
    word = word.lower().translate(_UMLAUTS)
    return frozenset([word, *(word[: -len(ending)] for ending in ENDINGS if word.endswith(ending))])


def same_word(one, other):
    """Whether two forms may be one word in different endings."""
    return not _forms(one).isdisjoint(_forms(other))


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
                if all(map(_stands_for, phrase, words[start : start + len(phrase)])):
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


def _stands_for(wanted, word):
    """Whether a marked word is this word of a phrase: a stop word as it is, another in any
    ending ("der Räte" for "der Rat"), as PostgreSQL matched it by its stem."""
    if wanted in STOP_WORDS or word in STOP_WORDS:
        return word == wanted
    return same_word(word, wanted)


def _mark_compound_parts(text, query):
    """Marks, in words not marked yet, a last part that is one of the query's single words,
    and a run of parts before it that is one of its long single words as typed."""
    forms = _single_words(query)
    if not forms:
        return text
    pieces, last = [], 0
    # The engine's fast search for the words, then the words around the few it finds.
    for found in _pattern_of(forms).finditer(text):
        start = found.start()
        while start and text[start - 1].isalpha():
            start -= 1
        end = _LETTERS.match(text, found.end()).end()
        letters_before = found.start() - start
        if (
            found.start() < last
            or text[start - 1 : start] == MARK_START
            or 0 < letters_before < MIN_HEAD
        ):
            continue
        if (
            letters_before
            and end - found.start() >= MIN_PART
            and any(same_word(text[found.start() : end], form) for form in forms)
        ):
            part_end = end
        else:
            part_end = _run_end(text, found.start(), end, forms)
        if part_end is not None:
            pieces.append(
                text[last : found.start()] + MARK_START + text[found.start() : part_end] + MARK_END
            )
            last = part_end
    pieces.append(text[last:])
    return "".join(pieces)


def _run_end(text, run_start, end, forms):
    """Where a run of a compound's parts that begins at `run_start` ends when it is one of the
    searched words as typed, or None. Only where the word can't go on: a searched word with an
    ending, or letters after it that an ending begins with, leave it unclear where the run ends
    ("Schulen|twicklung", "Parkgebühr|enordnung"), and such a compound stays unmarked."""
    for form in forms:
        run_end = run_start + len(form)
        if (
            len(form) >= MIN_MARKED_RUN
            and end - run_end >= MIN_PART
            and text[run_start:run_end].lower() == form
            and not form.endswith(ENDINGS)
            and not text[run_end].lower().startswith(_ENDING_STARTS)
        ):
            return run_end
    return None


@functools.lru_cache(maxsize=1000)
def _single_words(query):
    """The forms of the query's single words (not phrases), lower-case, the longest first: a
    run of parts is marked for the longest that fits, the same in every process."""
    forms = {form for term in query.terms if not term.phrase for form in query_forms(term.words[0])}
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


@functools.lru_cache(maxsize=1000)
def _pattern_of(forms):
    """A pattern for where one of these words may begin, without its ending: "gebühr"."""
    beginnings = {min(_forms(form), key=len) for form in forms}
    alternatives = "|".join(map(re.escape, sorted(beginnings, key=len, reverse=True)))
    return re.compile(_umlauts_either_way(alternatives), re.IGNORECASE)


def _umlauts_either_way(pattern):
    """ "rat" finds "Räte" too: each of a, o, u also as ä, ö, ü."""
    return pattern.translate(str.maketrans({"a": "[aä]", "o": "[oö]", "u": "[uü]"}))
