import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from exercises.models import Exercise, Submission
from lessons.models import Course, Lesson, Stage

DOUBLE_CASES = """
import numpy as np

from grader.casekit import Case


def cases():
    yield Case("small vector", args=(np.array([1.0, 2.0]),), visible=True)
    yield Case("negative values", args=(np.array([-3.0, 0.5, 4.0]),))
"""


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"learner{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-42")


class StaffFactory(UserFactory):
    username = factory.Sequence(lambda n: f"instructor{n}")
    is_staff = True
    is_superuser = True


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = Course

    slug = factory.Sequence(lambda n: f"course-{n}")
    title = factory.Sequence(lambda n: f"Course {n}")


class StageFactory(DjangoModelFactory):
    class Meta:
        model = Stage

    course = factory.SubFactory(CourseFactory)
    slug = factory.Sequence(lambda n: f"stage-{n}")
    title = factory.Sequence(lambda n: f"Stage {n}")
    order = factory.Sequence(lambda n: n)


class LessonFactory(DjangoModelFactory):
    class Meta:
        model = Lesson

    stage = factory.SubFactory(StageFactory)
    course = factory.SelfAttribute("stage.course")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "# Heading\n\nSome text with $x^2$ math."
    order = factory.Sequence(lambda n: n)


class ExerciseFactory(DjangoModelFactory):
    class Meta:
        model = Exercise

    stage = factory.SubFactory(StageFactory)
    slug = factory.Sequence(lambda n: f"exercise-{n}")
    title = factory.Sequence(lambda n: f"Exercise {n}")
    kind = Exercise.Kind.NUMPY
    entry_point = "double"
    statement = "Return `2 * x`."
    starter_code = "def double(x):\n    raise NotImplementedError\n"
    reference_solution = "def double(x):\n    return 2 * x\n"
    cases_source = DOUBLE_CASES
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    order = factory.Sequence(lambda n: n)


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        model = Submission

    exercise = factory.SubFactory(ExerciseFactory)
    learner = factory.SubFactory(UserFactory)
    source_code = "def double(x):\n    return x + x\n"
