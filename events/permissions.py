from kopofo.pages.staff import StaffPermissions
from kopofo.seams import staff_permissions

# The Redaktion writes events (pages, granted by the kernel), starts series and picks from the
# lists; the office keeps the lists and the notes that stand on every event page.
staff_permissions.register(
    StaffPermissions(
        editors=(
            "events.view_eventcategory",
            "events.view_coorganiser",
            "events.add_eventseries",
            "events.change_eventseries",
            "events.view_eventseries",
        ),
        office=(
            "events.add_eventcategory",
            "events.change_eventcategory",
            "events.delete_eventcategory",
            "events.view_eventcategory",
            "events.add_coorganiser",
            "events.change_coorganiser",
            "events.delete_coorganiser",
            "events.view_coorganiser",
            "events.add_eventseries",
            "events.change_eventseries",
            "events.delete_eventseries",
            "events.view_eventseries",
            "events.change_eventsettings",
        ),
    )
)
