"""Which beacons count as a reader: the one rule the beacon view calls."""

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core.cache import cache

from portal.security import client_ip

_crawlers = CrawlerDetect()


def is_reader(request, article_id):
    """A person's browser on one of our pages, within the per-address cap.

    The beacon is sent by site.js, so most robots never call it; those that run scripts are told
    apart by their user agent (crawlerdetect's list). A page prefetched by a browser is not read.
    One address may count an article MOSTREAD_CAP_PER_HOUR times an hour: a whole office or a
    mobile network behind one address still counts, a script hammering the beacon does not.
    """
    headers = request.headers
    if headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
        return False
    if headers.get("Sec-Purpose") or headers.get("Purpose") == "prefetch":
        return False
    agent = headers.get("User-Agent", "")
    if not agent or _crawlers.isCrawler(agent):
        return False
    key = f"mostread:cap:{client_ip(request)}:{article_id}"
    cache.add(key, 0, 3600)
    try:
        return cache.incr(key) <= settings.MOSTREAD_CAP_PER_HOUR
    except ValueError:  # the key expired between add() and incr()
        return True
