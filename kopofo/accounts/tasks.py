from datetime import timedelta

from kopofo.scheduling import background_task, periodic

from . import services


@periodic(every=timedelta(hours=1))
@background_task()
def purge_expired_login_failures():
    return services.purge_expired_login_failures()
