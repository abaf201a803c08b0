from kopofo.seams import staff_permissions

from .staff import StaffPermissions

# Running the site: the admin, the contact data, the panels, staff accounts and redirects.
staff_permissions.register(
    StaffPermissions(
        editors=("wagtailadmin.access_admin",),
        office=(
            "wagtailadmin.access_admin",
            "pages.change_contactsettings",
            "pages.change_panelsettings",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.view_user",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
        ),
    )
)
