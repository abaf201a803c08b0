from kopofo.pages.staff import StaffPermissions
from kopofo.seams import staff_permissions


def _permissions(model, actions):
    return tuple(f"motions_db.{action}_{model}" for action in actions)


ALL = ("add", "change", "delete", "view")

# The Redaktion writes and publishes records and their attachments, and picks the Gremium and
# Fraktion from the lists; the office keeps those lists and may delete.
staff_permissions.register(
    StaffPermissions(
        editors=(
            *_permissions("paper", ("add", "change", "view")),
            *_permissions("attachment", ("add", "change", "view")),
            *_permissions("body", ("view",)),
            *_permissions("organization", ("view",)),
            *_permissions("parliamentarygroup", ("view",)),
        ),
        office=(
            *_permissions("paper", ALL),
            *_permissions("attachment", ALL),
            *_permissions("body", ALL),
            *_permissions("organization", ALL),
            *_permissions("parliamentarygroup", ALL),
        ),
    )
)
