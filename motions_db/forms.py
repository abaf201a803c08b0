"""The Datenbank search's parameters: everything a search is lives in its address.

Every value is checked; a wrong one (an unknown Kommune, a page that is not a number, a date
like 31.02.) is not applied, and a date gets a German message beside its field. A search
never fails because of its address.
"""

import datetime
import functools
from urllib.parse import quote_plus, urlencode

from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .facets import RUHR_AREA
from .finder import Filters, Names
from .models import AdministrativeRegion, Paper
from .query import MAX_QUERY_CHARACTERS, clean, parse

#: The kinds with their own address under /datenbank/ (the others are a facet away).
KIND_SEGMENTS = {
    Paper.Kind.INQUIRY: "anfragen",
    Paper.Kind.MOTION: "antraege",
    Paper.Kind.PRESS_RELEASE: "pressemitteilungen",
}
KIND_PLURALS = {
    Paper.Kind.INQUIRY: _("Anfragen"),
    Paper.Kind.MOTION: _("Anträge"),
    Paper.Kind.PRESS_RELEASE: _("Pressemitteilungen"),
}
RELEVANCE, NEWEST = "relevanz", "datum"
DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
#: The order of the parameters in every address the page makes, so each search has one.
PARAMETERS = ("q", "art", "thema", "kreis", "kommune", "fraktion", "region", "jahr", "von", "bis")


class QuickSelect(forms.Select):
    """A select written in Python. Django renders it through a template per option and per
    attribute list: 1.7 ms for each of the search page's selects, which every search renders
    (bench/datenbank_search.py); this takes a tenth of that. The same HTML."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        options = "".join(
            f'<option value="{escape(option)}"'
            f"{' selected' if str(option) in chosen else ''}>{escape(label)}</option>"
            for option, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')


class QuickDateInput(forms.DateInput):
    """A date's text box written in Python, for the same reason as `QuickSelect`."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        attributes = {
            "type": self.input_type,
            "name": name,
            **({"value": value} if value not in (None, "") else {}),
            **self.build_attrs(self.attrs, attrs),
        }
        return mark_safe(f"<input{flatatt(attributes)}>")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Suchbegriffe"), required=False, strip=True)
    art = forms.ChoiceField(
        label=_("Art"),
        required=False,
        choices=[("", _("alle Arten")), *Paper.Kind.choices],
        widget=QuickSelect,
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        widget=QuickSelect,
        choices=[
            ("", _("ganz NRW")),
            (RUHR_AREA, _("Ruhrgebiet")),
            *[
                (key, _("Regierungsbezirk %s") % label)
                for key, label in AdministrativeRegion.choices
            ],
        ],
    )
    # Plain text, not type="date": the browsers' date pickers differ and can't show back a
    # wrong entry such as 31.02.2024 with its message (GOV.UK's advice for dates, too).
    von = forms.DateField(
        label=_("von"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("z. B. 1.1.2024"),
        widget=QuickDateInput(attrs={"inputmode": "numeric", "size": 10}, format="%d.%m.%Y"),
    )
    bis = forms.DateField(
        label=_("bis"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("z. B. 31.12.2024"),
        widget=QuickDateInput(attrs={"inputmode": "numeric", "size": 10}, format="%d.%m.%Y"),
    )
    sortierung = forms.ChoiceField(
        label=_("Sortierung"),
        required=False,
        choices=[(RELEVANCE, _("beste Treffer zuerst")), (NEWEST, _("neueste zuerst"))],
        widget=QuickSelect,
    )
    # Facets chosen by link: checked against what exists in `state()`.
    thema = forms.CharField(required=False, max_length=100)
    kommune = forms.CharField(required=False, max_length=120)
    kreis = forms.CharField(required=False, max_length=120)
    fraktion = forms.CharField(required=False, max_length=120)
    jahr = forms.IntegerField(required=False, min_value=1990, max_value=2100)

    error_messages = {"invalid_date": _("Bitte gebt ein Datum ein, etwa 31.12.2024.")}

    def __init__(self, data, *, kind=None, names: Names):
        data = data.copy()
        data["q"] = data.get("q", "")[: MAX_QUERY_CHARACTERS * 2]
        if kind:
            data["art"] = kind
        super().__init__(data)
        self.kind_page = kind
        self.names = names
        for name in ("von", "bis"):
            self.fields[name].error_messages["invalid"] = self.error_messages["invalid_date"]

    def state(self):
        """The search this address asks for, with what could not be applied left out."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        names = self.names
        topic_id = names.topic_id(data.get("thema"))
        body_id = names.body_id(data.get("kommune"))
        district_id = names.body_id(data.get("kreis"))
        group_ids = names.group_ids(data.get("fraktion"))
        year = data.get("jahr")
        date_from, date_to = data.get("von"), data.get("bis")
        if year:
            date_from = max(filter(None, [date_from, datetime.date(year, 1, 1)]))
            date_to = min(filter(None, [date_to, datetime.date(year, 12, 31)]))
        typed = " ".join(clean(self.data.get("q", "")).split())
        query = parse(typed)
        filters = Filters(
            kind=data.get("art", ""),
            topic_id=topic_id,
            body_id=body_id,
            district_id=district_id,
            region=data.get("region", ""),
            group_ids=group_ids,
            date_from=date_from,
            date_to=date_to,
        )
        # What stays in the address: the applied values, in their canonical spelling.
        applied = {
            # As typed (its spelling, its capitals), so the box and a shared address show it.
            "q": typed,
            "art": filters.kind,
            "thema": data.get("thema") if topic_id else "",
            "kommune": data.get("kommune") if body_id else "",
            "kreis": data.get("kreis") if district_id else "",
            "fraktion": data.get("fraktion") if group_ids else "",
            "region": filters.region,
            "jahr": year or "",
            "von": data["von"].isoformat() if data.get("von") else "",
            "bis": data["bis"].isoformat() if data.get("bis") else "",
        }
        sort = data.get("sortierung") or (RELEVANCE if query else NEWEST)
        return SearchState(query, filters, applied, by_date=sort == NEWEST or not query, sort=sort)


@functools.cache
def _search_path(kind):
    """The search's address for a kind (its own, if it has one); worked out once, as a page
    of results makes a link for every facet value."""
    if kind in KIND_SEGMENTS:
        return reverse(f"motions_db:search_{kind}")
    return reverse("motions_db:search")


class SearchState:
    """A search as an address: the links of facets, sorting and pages are made from it."""

    def __init__(self, query, filters, applied, *, by_date, sort):
        self.query = query
        self.filters = filters
        self.applied = applied
        self.by_date = by_date
        self.sort = sort

    def url(self, **changes):
        path, pairs = self._address(changes)
        query = urlencode(pairs)
        return f"{path}?{query}" if query else path

    def urls_with(self, name, values):
        """`url(name=value)` for each value: the links of a facet, hundreds on some pages, so
        the rest of the address is encoded once."""
        if name == "art":  # a kind may have an address of its own
            return [self.url(art=value) for value in values]
        path, pairs = self._address({name: ""})
        position = PARAMETERS.index(name)
        split = sum(1 for other, _ in pairs if other in PARAMETERS[:position])
        before = f"{path}?{urlencode(pairs[:split])}&" if split else f"{path}?"
        after = f"&{urlencode(pairs[split:])}" if pairs[split:] else ""
        # quote_plus as urlencode() would, without its work per call for one pair.
        return [f"{before}{name}={quote_plus(str(value))}{after}" for value in values]

    def _address(self, changes):
        """The path and the (name, value) pairs of the search with these changes."""
        values = {**self.applied, **changes}
        kind = values.get("art", "")
        path = _search_path(kind)
        if kind in KIND_SEGMENTS:
            values["art"] = ""
        if "sortierung" not in changes and self.sort != (RELEVANCE if self.query else NEWEST):
            values["sortierung"] = self.sort
        pairs = [(name, values[name]) for name in (*PARAMETERS, "sortierung") if values.get(name)]
        return path, pairs

    def page_query(self):
        """The pagination's "&…" for the current search (its links keep the path)."""
        values = {**self.applied}
        if values.get("art") in KIND_SEGMENTS:
            values["art"] = ""
        if self.sort != (RELEVANCE if self.query else NEWEST):
            values["sortierung"] = self.sort
        pairs = [(name, values[name]) for name in (*PARAMETERS, "sortierung") if values.get(name)]
        return "&" + urlencode(pairs) if pairs else ""

    @property
    def url_relevance(self):
        return self.url(sortierung=RELEVANCE)

    @property
    def url_newest(self):
        return self.url(sortierung=NEWEST)

    @property
    def narrowed(self):
        return bool(self.filters)
