"""The filters of the events list: every value is checked, a wrong one is simply not applied."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from kopofo.topics.models import Topic

from . import dates
from .models import EventCategory, EventPage


class EventFilterForm(forms.Form):
    kategorie = forms.ModelChoiceField(
        label=_("Art"),
        queryset=EventCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle"),
    )
    format = forms.ChoiceField(
        label=_("Form"), choices=[("", _("alle")), *EventPage.Format.choices], required=False
    )
    # Named as every list of tagged content names it (kopofo.pages.models.TOPIC_PARAMETER).
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle"),
    )
    monat = forms.ChoiceField(label=_("Monat"), required=False)

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the months that have events of this list (upcoming, or past) are offered.
        months = events.order_by().dates("start", "month")
        self.fields["monat"].choices = [("", _("alle"))] + [
            (f"{month:%Y-%m}", dates.month_name(month)) for month in months
        ]
        self.fields["thema"].queryset = Topic.objects.filter(
            pk__in=events.order_by().values("topics")
        )
        self.fields["kategorie"].queryset = EventCategory.objects.filter(
            pk__in=events.order_by().values("category")
        )

    def chosen(self):
        """The valid filters: a junk value in one field leaves the others in force."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        month = data.get("monat")
        return {
            "category": data.get("kategorie"),
            "event_format": data.get("format") or None,
            "topic": data.get("thema"),
            "month": datetime.date.fromisoformat(f"{month}-01") if month else None,
        }

    def query_string(self):
        """The chosen filters for the pagination's links ("&kategorie=…")."""
        data = getattr(self, "cleaned_data", {})
        values = {
            "kategorie": data.get("kategorie") and data["kategorie"].slug,
            "format": data.get("format"),
            "thema": data.get("thema") and data["thema"].slug,
            "monat": data.get("monat"),
        }
        chosen = {name: value for name, value in values.items() if value}
        return "&" + urlencode(chosen) if chosen else ""
