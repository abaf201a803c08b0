from wagtail.contrib.forms.views import SubmissionsListView

from kopofo.exports import SafeCsvExportMixin


class ContactSubmissionsListView(SafeCsvExportMixin, SubmissionsListView):
    """The office's list of messages; its CSV export cannot smuggle in a formula."""
