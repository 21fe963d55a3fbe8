"""Browser fixtures: Playwright's sync API driving Debian's chromium against `live_server`.

Reuse them in any browser test:

    @pytest.mark.e2e
    @pytest.mark.django_db(transaction=True)
    def test_something(signed_in_page, live_server):
        page = signed_in_page(user)
        page.goto(live_server.url + "/...")
        axe_check(page)
"""

from __future__ import annotations

import base64
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.factories import PASSWORD
from werkpad.accounts.models import User

# Playwright's sync API runs an event loop in this thread; Django refuses database work from a
# thread with a running loop unless told that this is safe (it is: the loop only drives chromium).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
BLOCKING_IMPACTS = {"serious", "critical"}


def chromium_executable() -> str:
    """Debian's chromium, never a downloaded browser; a missing one fails the test run."""
    path = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {path}. Install Debian's chromium "
            "(`apt-get install -y chromium`) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    browser = playwright_driver.chromium.launch(
        executable_path=chromium_executable(), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser: Browser, live_server: Any) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts on the live server; `bypass_csp` lets axe-core be injected."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options = {"base_url": live_server.url, "bypass_csp": True, "locale": "nl-NL", **options}
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_context: Callable[..., BrowserContext]) -> Page:
    """A fresh page on the live server in a Dutch desktop browser."""
    return new_context().new_page()


def axe_check(page: Page, *, context: str = "") -> None:
    """Run axe-core on the page as it is now; fail on any serious or critical violation."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})\n"
        + "\n".join(f"    {node['target']}: {node['html'][:200]}" for node in v["nodes"][:5])
        for v in blocking
    )
    if blocking:
        where = f" ({context})" if context else ""
        raise AssertionError(
            f"axe-core found accessibility violations on {page.url}{where}:\n{report}"
        )


def current_totp_code(device: TOTPDevice) -> str:
    """The code the user's app shows now; waits for a fresh one if this one was used."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    while totp.t() <= device.last_t:
        time.sleep(1)
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def secret_from_setup_page(page: Page) -> bytes:
    secret = re.sub(r"\s", "", page.get_by_test_id("totp-secret").inner_text())
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def log_in(page: Page, user: User, password: str = PASSWORD) -> None:
    """Log in through the pages as the user would: password, then the app's code."""
    page.goto("/accounts/inloggen/")
    page.locator("input[name=username]").fill(user.email)
    page.locator("input[name=password]").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    if "/inloggen/code/" in page.url:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        page.locator("input[name=token]").fill(current_totp_code(device))
        page.locator("main button[type=submit]").click()
    elif "/tweestapsverificatie/" in page.url:
        code = TOTP(secret_from_setup_page(page)).token()
        page.locator("input[name=token]").fill(f"{code:06d}")
        page.locator("main button[type=submit]").click()
    page.wait_for_url(lambda url: "/inloggen/" not in url and "/tweestapsverificatie/" not in url)


@pytest.fixture
def signed_in_page(
    new_context: Callable[..., BrowserContext], transactional_db: None
) -> Callable[..., Page]:
    """`signed_in_page(user, **context_options)`: a page of a user who completed both steps."""

    def make(user: User, **options: Any) -> Page:
        page = new_context(**options).new_page()
        log_in(page, user)
        return page

    return make
