from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms

from .rights import grantable_groups


class GrantOnlyWhatYouHoldMixin:
    """Non-superusers see no superuser switch and may grant only their own groups.

    Dropping the field (not just hiding it) means a posted `is_superuser=on` never reaches the
    user; a group outside the choices is refused as an invalid choice.
    """

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        if not actor.is_superuser:
            self.fields.pop("is_superuser", None)
            groups = self.fields["groups"]
            groups.queryset = grantable_groups(actor)
            groups.help_text = _("Du kannst nur Gruppen vergeben, in denen du selbst bist.")


class UserCreationForm(GrantOnlyWhatYouHoldMixin, wagtail_forms.UserCreationForm):
    pass


class UserEditForm(GrantOnlyWhatYouHoldMixin, wagtail_forms.UserEditForm):
    pass
