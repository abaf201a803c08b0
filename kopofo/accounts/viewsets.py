from django.core.exceptions import PermissionDenied
from wagtail.users.views import groups as wagtail_groups
from wagtail.users.views import users as wagtail_users

from .forms import UserCreationForm, UserEditForm
from .rights import can_manage_user


class ActorFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}


class ManagedUserMixin:
    def get_object(self, queryset=None):
        user = super().get_object(queryset)
        if not can_manage_user(self.request.user, user):
            raise PermissionDenied
        return user


class IndexView(wagtail_users.IndexView):
    def get_edit_url(self, instance):
        # No link to a superuser for those who may not open one; the full rule (which costs
        # queries per row) is checked by the edit view itself.
        if instance.is_superuser and not self.request.user.is_superuser:
            return None
        return super().get_edit_url(instance)


class CreateView(ActorFormMixin, wagtail_users.CreateView):
    pass


class EditView(ManagedUserMixin, ActorFormMixin, wagtail_users.EditView):
    pass


class DeleteView(ManagedUserMixin, wagtail_users.DeleteView):
    pass


class UserViewSet(wagtail_users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class GroupViewSet(wagtail_groups.GroupViewSet):
    """Wagtail's group admin; GroupPermissionPolicy keeps it to superusers."""
