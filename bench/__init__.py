#: The bare view (bench/urls.py) that bench/load.py measures every page against.
BARE_PATH = "/bench/bare/"
