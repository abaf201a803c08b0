from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import OwnDraftsPanel, WriteNewsPanel
from .views import HandbookView


@hooks.register("construct_homepage_panels")
def add_writing_panels(request, panels):
    panels[:0] = [WriteNewsPanel(), OwnDraftsPanel()]


@hooks.register("register_admin_urls")
def register_handbook_url():
    # Admin URLs are for staff only: Wagtail sends anyone else to the login.
    return [path("handbuch/", HandbookView.as_view(), name="admin_ui_handbook")]


@hooks.register("register_help_menu_item")
def register_handbook_menu_item():
    # First in "Hilfe", before Wagtail's English guides.
    return MenuItem("Handbuch", reverse("admin_ui_handbook"), icon_name="doc-full", order=10)
