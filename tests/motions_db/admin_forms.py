"""What the admin's edit form of a record posts."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data


def edit_form(paper, attachments=(), **changes):
    return nested_form_data(
        {
            "title": paper.title,
            "kind": paper.kind,
            "date": paper.date.isoformat(),
            "reference": paper.reference,
            "slug": paper.slug,
            "live": "on",
            "organization": paper.organization_id,
            "group": paper.group_id,
            "authors": "",
            "outcome": "",
            "source_url": "",
            "teaser": paper.teaser,
            "text": paper.text,
            "image": "",
            "external_id": "",
            "legacy_slug": "",
            "attachments": inline_formset(list(attachments)),
            **changes,
        }
    )
