from datetime import timedelta

from kopofo.scheduling import NO_RETRY, background_task, periodic

from . import services


@periodic(every=timedelta(minutes=5))
@background_task(retry=NO_RETRY)
def refresh_lists_when_events_end():
    return services.refresh_lists_when_events_end()
