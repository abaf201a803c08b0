"""German words for the search, beyond what PostgreSQL's stemmer does.

PostgreSQL's German stemmer (Snowball) finds "Mieten" for "Miete", but not two things people
expect from a German search:
- **compounds by their parts**: "Gebühren" should find "Kitagebühren". We split compounds here,
  in Python, while indexing, against a German word list (wordfreq's, which ships with its
  package), and index the parts as an extra, low-weighted field. That needs no dictionary files
  on the database server, so it works on a managed PostgreSQL and on SQLite alike.
- **plurals the stemmer leaves alone**: Snowball strips an "s" only after certain consonants, so
  "Kitas" stays "kitas". We index the singular beside it and ask for both forms.

And one thing for speed: a quoted phrase of common words ("der Rat", "Weiter so") is checked
word position by word position in every record that holds all its words, a fifth of the
archive for "der Rat". Like Lucene's "common grams", each pair of neighbouring words with a stop
word in it is indexed as one extra term as well (`index_terms`); a phrase asks for its pairs
beside itself, and the index narrows the records to check to those that hold the pairs.
"""

import functools
import itertools
import math
import operator
import re

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: What PostgreSQL's parser gives a position: runs of letters and digits (a hyphenated word's
#: parts each get one, so do numbers; punctuation and spaces none).
TOKEN = re.compile(r"[^\W_]+")
LETTERS = re.compile(r"[^\W\d_]+")

#: A compound's first part may be short ("Rad", "Bus"), its other parts not: short inner parts are
#: mostly prefixes ("ver", "ein") that the word list also knows as words.
MIN_HEAD = 3
MIN_PART = 4
#: German linking elements ("Fugen"): Arbeit-s-markt, Kind-er-garten, Straße-n-bahn.
LINKS = ("s", "es", "n", "en", "er", "e")
#: Rarer entries of wordfreq's German list (below about one in ten million words) are mostly
#: misspellings, names and fragments, which would split compounds in the wrong places.
MIN_FREQUENCY = 1e-7


def _word_set(text):
    return frozenset(text.split())


#: Endings that the word list knows as words but that never make a useful part, and "halt":
#: "Haushalt", "Inhalt" and "Unterhalt" are no compounds of it, and split so, "Haus" found
#: every Haushalt and "Kreishaus" every Kreishaushalt.
NOT_A_PART = _word_set("chung erin halt heit igkeit keit lich schaft ssen ungen")

VOWELS = "aeiouäöüy"

#: Function words left out of a search unless they stand in a quoted phrase. The index keeps
#: them (our text search configuration has no stop-word list), which is what lets a phrase
#: like "Weiter so" match exactly; a search for the bare word would only be slow and useless.
STOP_WORDS = _word_set(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
    auch auf aus bei beim bin bis bist da damit dann das dass dein deine dem den denn der des dessen
    dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen
    einer eines er es etwas euch euer eure für gegen hat hatte hatten haben hier hin hinter ich
    ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes jene
    jetzt kann
    kein keine keinem keinen keiner man mein meine mich mir mit muss nach nicht nichts noch nun nur
    ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche sollte sondern sonst
    um und uns unser unsere unter vom von vor war waren was weil welche welchem welchen welcher
    wenn wer werden wie wieder will wir wird wo zu zum zur über
    """
)


def words(text):
    """The words of `text`, lower-cased; hyphenated words also give their parts."""
    for match in WORD.finditer(text.lower()):
        word = match.group()
        if "-" in word:
            yield from word.split("-")
        else:
            yield word


@functools.cache
def frequencies():
    """German words and how often they occur, from wordfreq (it ships its lists; no download)."""
    from wordfreq import get_frequency_dict

    return {
        word: frequency
        for word, frequency in get_frequency_dict("de").items()
        if frequency >= MIN_FREQUENCY and len(word) >= MIN_HEAD and word.isalpha()
    }


def _part_forms(part, *, first):
    """`part` as a word, with or without its linking element, if the word list knows it."""
    known = frequencies()
    minimum = MIN_HEAD if first else MIN_PART
    for form in (part, *(part[: -len(link)] for link in LINKS if part.endswith(link))):
        if len(form) >= minimum and form in known and form not in NOT_A_PART:
            yield form


@functools.lru_cache(maxsize=200_000)
def _best_split(word, first=True):
    """(parts, pieces, score): Koehn and Knight's rule, the split whose parts are the most
    frequent words (geometric mean), with the unsplit word as one candidate.

    `pieces` are the word's own letters for each part, a linking element with the part before
    it: pieces ("arbeits", "markt", "politik") for parts ("arbeit", "markt", "politik").
    """
    known = frequencies()
    best = ((word,), (word,), known.get(word, 0.0))
    for cut in range(MIN_HEAD, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail not in known or tail in NOT_A_PART or tail in STOP_WORDS:
            continue
        for head_form in _part_forms(head, first=first):
            if head_form in STOP_WORDS:
                continue
            head_parts, head_pieces, _score = _best_split(head_form, first)
            tail_parts, tail_pieces, _score = _best_split(tail, False)
            parts = head_parts + tail_parts
            score = math.prod(known.get(part, 0.0) for part in parts) ** (1 / len(parts))
            if score > best[2]:
                # The head's form is the head without its linking element ("arbeit" of
                # "arbeits"): the element goes back onto the head's last piece.
                link = head[len(head_form) :]
                pieces = (*head_pieces[:-1], head_pieces[-1] + link, *tail_pieces)
                best = (parts, pieces, score)
    return best


def compound_parts(word):
    """What to index for a German compound so its parts find it; () if it is none.

    Each part, and each run of two parts or more as the word spells it, its last part without
    a linking element: "kitagebühren" -> ("kita", "gebühren"); "klimaschutzkonzept" ->
    ("klima", "schutz", "konzept", "klimaschutz", "schutzkonzept"), so that "Notstand" finds
    "Klimanotstand" (German puts the head last, and people search for it), and "Klimaschutz"
    "Klimaschutzkonzept" and "Haushalt" "Bürgerhaushaltsverfahren" (a compound's parts are
    often compounds themselves).
    """
    if len(word) < MIN_HEAD + MIN_PART:
        return ()
    parts, pieces, _score = _best_split(word)
    if len(parts) < 2:
        return ()
    runs = (
        "".join(pieces[start : end - 1]) + parts[end - 1]
        for start in range(len(parts))
        for end in range(start + 2, len(parts) + 1)
        if end - start < len(parts)
    )
    return (*parts, *runs)


def singular(word):
    """The singular Snowball misses: "kitas" -> "kita", "autos" -> "auto"; None otherwise."""
    if len(word) > 3 and word.endswith("s") and word[-2] in VOWELS and word[-3] not in VOWELS:
        return word[:-1]
    return None


#: `_extra_of` per word, for this process: an import meets the same words again and again.
_EXTRA_OF_WORD = {}
MAX_REMEMBERED_WORDS = 200_000


def _extra_of(word):
    """The parts of a compound and a missed singular: what a word adds to the index."""
    extra = _EXTRA_OF_WORD.get(word)
    if extra is None:
        one = singular(word)
        extra = (*compound_parts(word), one) if one else compound_parts(word)
        if len(_EXTRA_OF_WORD) < MAX_REMEMBERED_WORDS:
            _EXTRA_OF_WORD[word] = extra
    return extra


def index_terms(*texts):
    """(extra, pairs) for the texts of one record, from one pass over them:
    - extra: what to index beside the text so its compounds and plurals are found by their
      parts, as one string of words;
    - pairs: the neighbouring words with a stop word among them, as PostgreSQL's positions see
      them: {("der", "rat"), ("rat", "der"), ...}. The texts follow each other as in the search
      vector. Only pairs of two words of letters count: the phrase a visitor types holds no
      others.

    Indexing runs this over every record an import brings, so each step is one call into C
    where it can be (findall, set, map, compress) rather than a Python step per word.
    """
    tokens = TOKEN.findall(" ".join(texts).lower())
    # A token is a run of letters and digits; its words are its runs of letters.
    words, not_words = set(), set()
    for token in set(tokens):
        if token.isalpha():
            words.add(token)
        else:
            not_words.add(token)
            words.update(LETTERS.findall(token))
    extra = set()
    for word in words:
        extra.update(_extra_of(word))

    is_stop = list(map(STOP_WORDS.__contains__, tokens))
    beside_a_stop_word = map(operator.or_, is_stop, itertools.islice(is_stop, 1, None))
    neighbours = itertools.pairwise(tokens)
    pairs = set(itertools.compress(neighbours, beside_a_stop_word))
    if not_words:
        pairs = {pair for pair in pairs if not_words.isdisjoint(pair)}
    return " ".join(sorted(extra - words)), pairs


def phrase_pairs(phrase_words):
    """The pairs a phrase the visitor typed holds, the same way as `index_terms` finds them."""
    return [
        (first, second)
        for first, second in itertools.pairwise(phrase_words)
        if first in STOP_WORDS or second in STOP_WORDS
    ]


def query_forms(word):
    """The forms to search for one word the visitor typed: itself and a missed singular."""
    forms = [word]
    if one := singular(word):
        forms.append(one)
    return forms
