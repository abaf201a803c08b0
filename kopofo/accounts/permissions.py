from kopofo.pages.staff import StaffPermissions
from kopofo.seams import staff_permissions

# The office decides whether staff must log in with a second factor.
staff_permissions.register(StaffPermissions(office=("accounts.change_twofactorsettings",)))
