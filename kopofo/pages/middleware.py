from django.http.request import split_domain_port

from kopofo.caching.services import current_generation

#: The Host header is the visitor's to choose: no more hosts than this are remembered.
MAX_REMEMBERED_HOSTS = 20

#: (generation, {(hostname, port): site}) in this process.
_remembered = (None, {})


class SiteMiddleware:
    """Finds the request's Wagtail site once per generation per process, not once per request.

    Which site answers depends only on the host, the port and the Site rows, and saving a Site
    starts a new generation (pages/page_cache.py). A request that needs its site and finds none
    remembered lets Wagtail look it up (`Site.find_for_request` keeps it in `_wagtail_site`),
    and the next request to the same host gets it from here; one that never asks (robots.txt,
    a static file) costs nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _remembered
        generation = current_generation(request)
        remembered = _remembered  # once: another thread may start a new generation meanwhile
        if remembered[0] != generation:
            remembered = _remembered = (generation, {})
        sites = remembered[1]
        key = (split_domain_port(request._get_raw_host())[0], request.get_port())
        if key in sites:
            request._wagtail_site = sites[key]
        response = self.get_response(request)
        found = key not in sites and hasattr(request, "_wagtail_site")
        if found and len(sites) < MAX_REMEMBERED_HOSTS:
            sites[key] = request._wagtail_site
        return response
