from kopofo.seams import staff_permissions

from .staff import StaffPermissions

# Running the site: the admin itself, the contact data, staff accounts and redirects.
staff_permissions.register(
    StaffPermissions(
        editors=("wagtailadmin.access_admin",),
        office=(
            "wagtailadmin.access_admin",
            "pages.change_contactsettings",
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
