from datetime import timedelta

from kopofo.scheduling import NO_RETRY, background_task, periodic

from . import services


@periodic(every=timedelta(minutes=5))
@background_task(retry=NO_RETRY)
def refresh_lists_when_events_end():
    return services.refresh_lists_when_events_end()


@background_task()
def refresh_programme_pdfs(programme_ids: list[int]):
    return services.refresh_programme_pdfs(programme_ids)


# The safety net: a change no receiver in signals.py announces (a bulk update with
# QuerySet.update(), a cover picture replaced) reaches the stored PDFs within the hour; the PDF's
# address builds a stale one afresh anyway.
@periodic(every=timedelta(hours=1))
@background_task(retry=NO_RETRY)
def refresh_all_programme_pdfs():
    return services.refresh_programme_pdfs()
