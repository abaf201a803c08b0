# syntax=docker/dockerfile:1
# One image for every process of the site: gunicorn by default; docker-compose.yml runs the same
# image as the one-off migration, the background workers and the scheduler.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=kopofo.settings.production \
    MEDIA_ROOT=/app/var/media

WORKDIR /app

# The dependencies come from pyproject.toml alone, in a layer of their own, so a change to the
# code does not reinstall them. psycopg[binary] brings its own libpq: no compiler, no apt-get.
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
# Editable, as `make install` does: BASE_DIR must be /app, where templates/ and static/ are;
# a copy of the packages in site-packages would look for them there.
RUN pip install --no-deps -e .

# Production settings refuse to load without these three. The values exist for this one RUN and
# are not stored in the image; collectstatic needs neither a real secret nor a database.
RUN SECRET_KEY=build-time-only-collectstatic-needs-no-real-secret \
    ALLOWED_HOSTS=localhost \
    WAGTAILADMIN_BASE_URL=http://localhost \
    python manage.py collectstatic --noinput --verbosity 0

# The code stays root's and read-only; the app writes uploads, and the file cache when no
# REDIS_URL is set (compose sets one). A named volume mounted on /app/var/media starts out with
# this owner.
RUN groupadd --system kopofo \
    && useradd --system --gid kopofo --home-dir /app --no-create-home --shell /usr/sbin/nologin kopofo \
    && mkdir -p /app/var/media /app/var/cache \
    && chown kopofo:kopofo /app/var/media /app/var/cache
USER kopofo

EXPOSE 8000
CMD ["gunicorn", "kopofo.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--no-control-socket", "--access-logfile", "-"]
