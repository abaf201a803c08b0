"""A Thema's name and description show in the menu, on news teasers and on /themen/."""

from kopofo.seams import page_cache

from .models import Topic

page_cache.register(Topic)
