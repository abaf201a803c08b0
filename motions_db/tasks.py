from datetime import timedelta

from kopofo.scheduling import NO_RETRY, background_task, periodic

from . import vocabulary


@periodic(every=timedelta(hours=24))
@background_task(retry=NO_RETRY)
def rebuild_vocabulary():
    return vocabulary.rebuild()
