from django.conf import settings

from kopofo.personal_data import PersonalDataSource
from kopofo.seams import personal_data

from .models import ContactSubmission

personal_data.register(
    PersonalDataSource(
        label="Nachrichten über das Kontaktformular",
        find=ContactSubmission.objects.from_email,
        export=ContactSubmission.get_data,
        retention=f"{settings.CONTACT_SUBMISSION_RETENTION_DAYS} Tage",
    )
)
