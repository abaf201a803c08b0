"""Debian's Chromium through Playwright, started for each browser test and closed after it."""

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Quiet Chromium: no sandbox (CI runs as root), no GPU, and none of its own calls home, so every
# request the browser makes comes from the page under test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser(live_server, monkeypatch):
    """Chromium for one test, started once the test database and the live server are ready.

    Not shared across the session, although that would save about half a second per test: while
    Playwright's sync API is running, its event loop runs in this thread, and Django then hands
    the thread a second set of database connections (asgiref treats it as async). A browser that
    outlived its test would leave every later test in this process on that second set, where
    serialized_rollback finds no migrated data to restore.
    """
    # Django refuses ORM calls from a thread with a running event loop; the test thread never
    # awaits anything while it talks to the database, so the guard protects nothing here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        # executable_path: Playwright must never download a browser of its own.
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # Connections the test opened while the loop ran are invisible once it stops: close them
        # now, or they keep the test database from being dropped at the end of the session.
        connections.close_all()


@pytest.fixture
def browser_context(browser):
    """A fresh visitor: no cookies, no cache, German, a desktop-sized window."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()
