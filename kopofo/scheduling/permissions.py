from kopofo.pages.staff import StaffPermissions
from kopofo.seams import staff_permissions

# The office watches the background queue (read-only: see wagtail_hooks.py).
staff_permissions.register(
    StaffPermissions(office=("django_tasks_database.view_dbtaskresult",)),
)
