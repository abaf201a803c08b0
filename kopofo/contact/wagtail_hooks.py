from wagtail import hooks

from .models import ContactPage


@hooks.register("filter_form_submissions_for_user")
def only_the_office_reads_contact_messages(user, editable_forms):
    """Editors may edit the contact page, but what people wrote in is for the office alone."""
    if user.has_perm("contact.view_contactsubmission"):
        return editable_forms
    return editable_forms.not_type(ContactPage)
