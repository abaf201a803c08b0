import os

from django.core.wsgi import get_wsgi_application

# Served by gunicorn in production; the environment names the settings module.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopofo.settings.production")

application = get_wsgi_application()
