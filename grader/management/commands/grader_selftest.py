import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from grader.sandbox import Sandbox


class Command(BaseCommand):
    help = (
        "Start a sandbox zygote with this worker's settings, run the fail-closed self-test "
        "inside a real job child and print every check. Exit 0 only when all pass."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--unsafe",
            action="store_true",
            help="test the unsafe development mode (always fails the isolation check)",
        )

    def handle(self, *args, unsafe: bool, **options):
        # A private Sandbox, not the worker's singleton: the test must start a fresh zygote.
        sandbox = Sandbox(
            unsafe=unsafe or settings.GRADER_UNSAFE_NO_SANDBOX,
            uid_base=settings.GRADER_SLOT_UID_BASE,
            threads=settings.GRADER_THREADS,
        )
        try:
            checks = sandbox.selftest()
        finally:
            sandbox.close()
        width = max((len(c.name) for c in checks), default=0)
        for check in checks:
            mark = "ok  " if check.ok else "FAIL"
            self.stdout.write(f"{mark} {check.name:<{width}}  {check.detail}")
        failed = [c for c in checks if not c.ok]
        if failed:
            self.stderr.write(f"{len(failed)} of {len(checks)} checks failed: do not grade here")
            sys.exit(1)
        self.stdout.write(f"all {len(checks)} checks passed")
