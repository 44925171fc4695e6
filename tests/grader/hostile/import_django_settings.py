# expect: error
# ruff: noqa
"""Import the Django settings (SECRET_KEY, DATABASES) and print them."""
import django
from django.conf import settings

import courseplatform.settings as project_settings


def double(x):
    django.setup()
    print(project_settings.SECRET_KEY, settings.DATABASES)
    return 2 * x
