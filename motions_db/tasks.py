from datetime import timedelta

from kopofo.scheduling import NO_RETRY, background_task, periodic

from . import services, vocabulary


@periodic(every=timedelta(hours=24))
@background_task(retry=NO_RETRY)
def rebuild_vocabulary():
    return vocabulary.rebuild()


@background_task()
def extract_attachment_text(attachment_id):
    return services.read_attachment(attachment_id)


@background_task()
def index_references(model_label, after_pk):
    """Wagtail's reference index for the names an import made (`after_pk`: the last before)."""
    return services.index_references(model_label, after_pk)
