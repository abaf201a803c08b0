"""The tests' own tasks: the scheduler and the retries are tested apart from the site's jobs."""

from kopofo.scheduling import background_task


@background_task()
def every_minute():
    return "minute"


@background_task()
def every_hour():
    return "hour"


class FlakyServiceDown(Exception):
    pass


@background_task()
def always_fails():
    raise FlakyServiceDown("the service is down")
