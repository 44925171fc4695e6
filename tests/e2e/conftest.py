"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Screenshots of each step go to test-artifacts/e2e/ (git-ignored) for people to look at.
"""

import os
from pathlib import Path

import pytest

from tests.lessons.web import make_staff, make_user

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def e2e_settings(settings, tmp_path_factory):
    settings.SECURE_SSL_REDIRECT = False
    # The live server speaks plain HTTP: cookies marked Secure would not come back.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # WhiteNoise warns on every new handler when STATIC_ROOT (collectstatic's output) is absent.
    settings.STATIC_ROOT = str(tmp_path_factory.getbasetemp() / "static-root")
    Path(settings.STATIC_ROOT).mkdir(exist_ok=True)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def live_server(e2e_settings):
    """A live server per test, started after e2e_settings: the security middleware reads
    SECURE_SSL_REDIRECT once, when the server's handler is built (pytest-django's own
    live_server is session-wide and may be built before any test's settings apply)."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class Shots:
    """Numbered full-page screenshots for one test."""

    def __init__(self, name: str):
        self.folder = ARTIFACTS / name
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.count = 0

    def __call__(self, page, label: str, *, full_page: bool = True) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{label}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def shots(request):
    return Shots(request.node.name)


# Reports each Content-Security-Policy violation of the page to the test (the binding is
# Playwright's, outside the page's CSP); the console listener below catches the rest.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || document.location.href}:${event.lineNumber} sample=${event.sample}`
  );
});
"""


@pytest.fixture
def new_page(browser, live_server):
    """Open pages in fresh browser contexts (one per person); all closed at the end.

    Fails the test if any page it visited reported a Content-Security-Policy violation
    (a page's `csp_violations` lists them; a test that provokes one on purpose clears it).
    """
    contexts = []
    pages = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 860})
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        violations: list[str] = []
        context.expose_binding(
            "__cspViolation",
            lambda source, text: violations.append(f"{text} ({source['page'].url})"),
        )
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda message: violations.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None,
        )
        page.js_errors = errors
        page.csp_violations = violations
        pages.append(page)
        return page

    yield make
    found = [violation for page in pages for violation in page.csp_violations]
    for context in contexts:
        context.close()
    if found:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(found))


@pytest.fixture
def e2e_learner(transactional_db):
    return make_user(username="grace")


@pytest.fixture
def e2e_staff(transactional_db):
    return make_staff(username="ada_instructor")
