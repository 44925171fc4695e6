"""A submission that could not be sent (broker down) goes at the very next sweep."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.utils import timezone

from exercises.models import WAITING_FOR_GRADER, Submission
from grader import services
from tests.factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_a_never_sent_submission_is_resent_at_once_and_says_it_waits():
    never_sent = SubmissionFactory()
    Submission.objects.filter(pk=never_sent.pk).update(enqueued_at=None)
    recent = SubmissionFactory()
    Submission.objects.filter(pk=recent.pk).update(enqueued_at=timezone.now())
    never_sent.refresh_from_db()
    assert never_sent.notice == WAITING_FOR_GRADER

    with patch.object(services, "submission_enqueue", return_value=True) as enqueue:
        resent = services.submission_sweep_stuck(older_than_seconds=120)

    assert resent == 1
    assert [c.kwargs["submission_id"] for c in enqueue.call_args_list] == [never_sent.pk]
    never_sent.refresh_from_db()
    assert never_sent.notice == ""  # sent: it is in the queue now


def test_a_sent_queued_submission_waits_for_the_stuck_delay():
    sent = SubmissionFactory()
    Submission.objects.filter(pk=sent.pk).update(enqueued_at=timezone.now() - timedelta(seconds=5))
    with patch.object(services, "submission_enqueue", return_value=True) as enqueue:
        assert services.submission_sweep_stuck(older_than_seconds=120) == 0
    enqueue.assert_not_called()
