try:
    from .celery import app as celery_app
except ImportError:  # the command-line client runs on laptops that have no Celery
    celery_app = None

__all__ = ["celery_app"]
