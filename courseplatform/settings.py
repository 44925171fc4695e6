"""Settings for every environment, read from environment variables.

The defaults run the platform on one machine with SQLite and a local Redis; every
production value comes from the environment (see .env.example and docs/deploy.md).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = env(name, str(default)).strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_float(name: str, default: float) -> float:
    raw = env(name, str(default))
    try:
        return float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A public fallback key would let anyone forge sessions and password-reset links.
        raise ImproperlyConfigured(
            "Set the SECRET_KEY environment variable to a long random string (e.g. the "
            "output of: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=true on a developer machine to use a local-only key."
        )
    SECRET_KEY = "django-insecure-local-only"  # DEBUG only; flagged by check --deploy
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "accounts",
    "lessons",
    "exercises",
    "grader",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "courseplatform.urls"
WSGI_APPLICATION = "courseplatform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "courseplatform" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share one SQLite file: wait for the write lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        # WAL lets the web server read while a worker writes; NORMAL syncs at checkpoints
        # rather than at every commit, which is safe in WAL mode (no corruption on a crash).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so that a worker process started by the tests sees the test data.
    # One file per test run, so that two runs side by side never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / ".run" / f"test-db-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "lessons:course_list"
LOGOUT_REDIRECT_URL = "lessons:course_list"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "courseplatform" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/0")


def _next_redis_db(url: str) -> str:
    """The same Redis, next database number: the cache must never share the broker's
    database, because clearing a cache flushes its whole database."""
    base, _, db = url.rpartition("/")
    if base.startswith("redis") and db.isdigit():
        return f"{base}/{int(db) + 1}"
    return url


CACHES = {
    "default": {
        "BACKEND": env("CACHE_BACKEND", "courseplatform.cache.ResilientRedisCache"),
        "LOCATION": env("CACHE_URL", _next_redis_db(REDIS_URL)),
    }
}

# Security: strict by default, relaxed only where DEBUG says this is a developer machine.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Celery: the database is the source of truth; the broker only wakes a worker up.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A submit must not hang a web request when the broker is down: the sweep re-sends later.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "max_retries": 1}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Training runs (trained-model exercises, or limits past the quick cap) have a queue and
# workers of their own, so a quick verdict never waits behind one (docs/deploy.md).
CELERY_TASK_ROUTES = {
    "grader.grade_submission_long": {"queue": "grading-long"},
    "grader.validate_exercise_long": {"queue": "grading-long"},
    "grader.*": {"queue": "grading"},
}
CELERY_BEAT_SCHEDULE = {
    "grader-sweep-stuck": {
        "task": "grader.sweep_stuck_submissions",
        "schedule": timedelta(seconds=env_float("GRADER_SWEEP_SECONDS", 30.0)),
        "options": {"queue": "grading"},
    },
}

# Grading
GRADER_WALL_SECONDS = env_float("GRADER_WALL_SECONDS", 10.0)
GRADER_MEMORY_MB = int(env("GRADER_MEMORY_MB", "512"))
GRADER_THREADS = int(env("GRADER_THREADS", "1"))
# Author jobs (cases.py, reference and known-wrong solutions, in the sandbox): two of them
# prepare an exercise version inside one grading task (soft limit 60 s).
GRADER_AUTHOR_WALL_SECONDS = env_float("GRADER_AUTHOR_WALL_SECONDS", 20.0)
GRADER_AUTHOR_MEMORY_MB = int(env("GRADER_AUTHOR_MEMORY_MB", "1024"))
GRADER_UNSAFE_NO_SANDBOX = env_bool("GRADER_UNSAFE_NO_SANDBOX", False)
GRADER_STUCK_SECONDS = env_float("GRADER_STUCK_SECONDS", 120.0)
# The grading-long queue: caps per sandbox job (one case), and when its submissions count
# as stuck (above the long task's hard time limit, grader/tasks.py).
GRADER_LONG_WALL_SECONDS = env_float("GRADER_LONG_WALL_SECONDS", 120.0)
GRADER_LONG_MEMORY_MB = int(env("GRADER_LONG_MEMORY_MB", "1024"))
GRADER_LONG_STUCK_SECONDS = env_float("GRADER_LONG_STUCK_SECONDS", 1200.0)
GRADER_SLOT_UID_BASE = int(env("GRADER_SLOT_UID_BASE", "61000"))

# Submissions
SUBMISSION_MAX_BYTES = int(env("SUBMISSION_MAX_BYTES", str(100 * 1024)))
SUBMISSION_RATE = env("SUBMISSION_RATE", "30/m")
# Lesson code blocks run by learners (lessons/codeblocks.py): limits per run, in the sandbox.
LESSON_RUN_RATE = env("LESSON_RUN_RATE", "20/m")
LESSON_RUN_MAX_BYTES = int(env("LESSON_RUN_MAX_BYTES", str(20 * 1024)))
LESSON_RUN_WALL_SECONDS = env_float("LESSON_RUN_WALL_SECONDS", 20.0)
LESSON_RUN_CPU_SECONDS = env_float("LESSON_RUN_CPU_SECONDS", 10.0)
LESSON_RUN_MEMORY_MB = int(env("LESSON_RUN_MEMORY_MB", "512"))
LESSON_RUNS_KEPT = int(env("LESSON_RUNS_KEPT", "50"))  # per learner; older runs are deleted
CONTENT_DIR = Path(env("CONTENT_DIR", str(BASE_DIR / "content")))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

# Accounts (issue 8, items 1 and 2). API tokens authenticate only the views under /api/
# (exercises/api/http.py): no middleware turns a token into a user, so a token on an HTML
# page or in the admin is anonymous. Changing a password revokes the user's tokens.
AUTH_PASSWORD_VALIDATORS += [
    {"NAME": "accounts.password.RevokeApiTokensOnPasswordChange"},
]
# How many reverse proxies of ours stand in front of Django: the client address is taken
# from X-Forwarded-For only that deep (courseplatform/client_address.py, docs/deploy.md).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "courseplatform.client_address.client_address"
# Login throttling: django-axes locks a username out for one client address after
# AXES_FAILURE_LIMIT wrong passwords, for AXES_COOLOFF_TIME, on the site's login and the
# admin's. Attempts are kept in the database, so a lockout survives a cache outage.
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    # Both refuse before any password is checked: too many failures from the address (any
    # username), then a locked-out username at this address (axes).
    "accounts.login_throttle.AddressFailureCapBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE += [
    "accounts.login_throttle.AddressFailureCapMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes requires
]
# Wrong passwords per client address across all usernames ("password spraying").
LOGIN_FAILURES_PER_ADDRESS = env("LOGIN_FAILURES_PER_ADDRESS", "60/h")
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=env_float("LOGIN_LOCKOUT_MINUTES", 15.0))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = RATELIMIT_IP_META_KEY
AXES_LOCKOUT_CALLABLE = "accounts.views.login_locked_out"
# The start-up banner would go to every management command's stderr (grade --json users parse it).
AXES_VERBOSE = False
# Per-address and per-learner limits ("N/s", "N/m", "N/h" or "N/d"); every refusal is a
# 429 with Retry-After. SUBMISSION_RATE (per learner) is set above.
SUBMISSION_RATE_PER_ADDRESS = env("SUBMISSION_RATE_PER_ADDRESS", "120/m")
DRAFT_RATE = env("DRAFT_RATE", "60/m")
SIGNUP_RATE_PER_ADDRESS = env("SIGNUP_RATE_PER_ADDRESS", "5/h")
# Sign-up sends an activation link and password reset a reset link: production needs a
# mail server (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and these).
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# --- Serving through a Redis outage, CSP, verdict long poll (issue 8, items 3, 4 and 9) ---
from csp.constants import NONCE  # noqa: E402  (kept with the rest of this block)

# The cache (courseplatform/cache.py) falls back to per-process memory while Redis is
# down, so rate limits are counted per web process then; should even that fail, a limit
# lets the request through rather than refusing every learner.
RATELIMIT_FAIL_OPEN = True
# GET /api/submissions/{id}/?wait=S answers the moment the verdict is recorded, or after
# S seconds at most (exercises/verdicts.py; docs/api.md).
VERDICT_WAIT_MAX_SECONDS = env_float("VERDICT_WAIT_MAX_SECONDS", 30.0)
# Content-Security-Policy (django-csp; why not Django 6's built-in one: docs/deploy.md).
# No inline script anywhere, admin included, and no nonce for scripts. Style elements:
# files, plus CodeMirror's one <style> element on the exercise page, admitted by a
# per-response nonce (django-csp adds it only to responses that read request.csp_nonce).
INSTALLED_APPS += ["csp"]  # its system checks catch settings in django-csp 3's old format
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", NONCE],
        # Style attributes can neither run script nor load from elsewhere (img-src and
        # font-src are 'self'); Markdown tables align cells with them (nh3 keeps only
        # text-align), and Chromium's own editing writes them into the code editor.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
