from kopofo.pages.staff import StaffPermissions
from kopofo.seams import staff_permissions

# The Redaktion tags with the Themen; the office decides which Themen there are.
staff_permissions.register(
    StaffPermissions(
        editors=("topics.view_topic",),
        office=(
            "topics.add_topic",
            "topics.change_topic",
            "topics.delete_topic",
            "topics.view_topic",
        ),
    )
)
