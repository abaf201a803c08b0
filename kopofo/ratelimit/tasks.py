from datetime import timedelta

from kopofo.scheduling import background_task, periodic

from . import services


@periodic(every=timedelta(hours=1))
@background_task()
def purge_expired_rate_limit_counters():
    return services.purge_expired()
