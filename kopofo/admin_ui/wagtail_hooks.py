from wagtail import hooks

from .dashboard import OwnDraftsPanel, WriteNewsPanel


@hooks.register("construct_homepage_panels")
def add_writing_panels(request, panels):
    panels[:0] = [WriteNewsPanel(), OwnDraftsPanel()]
