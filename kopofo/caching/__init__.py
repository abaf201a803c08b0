"""The page cache: readers get each page rendered once per change of content, not once per visit.

The rule is deliberately blunt. Every change that a page could show (a publish, an unpublish, a
move, a deletion, a snippet or a setting saved) makes every cached page stale at once, by giving
the cache a new *generation*; an entry of an older generation is never served. A small site
changes a few times a day and is read thousands of times, so nothing is gained by working out
which pages a change touches, and a rule that can't miss a page can't serve a stale one.

- `middleware.PageCacheMiddleware` answers readers (anonymous GET/HEAD) from the cache and fills
  it; staff, previews, form posts and private pages pass by it in both directions.
- `signals` starts a new generation when Wagtail publishes, unpublishes, moves or deletes a page,
  and when any model an app lists in its `page_cache.py` (kopofo.seams.page_cache) is saved or
  deleted.
- `services.invalidate()` does the same by hand, for a change that bypasses model signals
  (`QuerySet.update()`, raw SQL); `manage.py clear_page_cache` from the shell.
"""
