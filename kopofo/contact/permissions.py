from kopofo.pages.staff import StaffPermissions
from kopofo.seams import staff_permissions

# What people write in is for the office alone; the Redaktion may still edit the contact page.
staff_permissions.register(
    StaffPermissions(
        office=("contact.view_contactsubmission", "contact.delete_contactsubmission"),
    )
)
