"""A small, realistic course for the browser tests."""

from dataclasses import dataclass

from exercises.models import Exercise
from lessons.models import Course, Lesson
from tests.factories import (
    DOUBLE_CASES,
    CourseFactory,
    ExerciseFactory,
    LessonFactory,
    StageFactory,
)

VECTORS_BODY = r"""
Vectors are the data structure of machine learning: an embedding, a row of features and
a gradient are all vectors.

## The Euclidean norm

The length of $x \in \mathbb{R}^n$ is

$$
\|x\|_2 = \sqrt{\sum_{i=1}^{n} x_i^2}
$$

and scaling a vector scales its norm: $\|2x\|_2 = 2\|x\|_2$.

```python
import numpy as np

x = np.array([3.0, 4.0])
print(np.linalg.norm(x))  # 5.0
```

| operation | NumPy |
|-----------|-------|
| sum       | `x.sum()` |
| scale     | `2 * x` |

## Check yourself

1. What is the norm of $(6, 8)$?
2. Why does doubling every entry double the norm?
"""

STATEMENT = r"""
Write `double(x)` that returns $2x$ for a NumPy array `x` of any shape.

```python
>>> double(np.array([1.0, 2.0]))
array([2., 4.])
```

The result must have the same shape and dtype as `x`.
"""


@dataclass
class E2ECourse:
    course: Course
    lesson: Lesson
    second_lesson: Lesson
    exercise: Exercise


def build_e2e_course() -> E2ECourse:
    course = CourseFactory(
        slug="numpy-by-hand",
        title="Numerical Python, by hand",
        summary="Vectors, probabilities and gradients, implemented one function at a time.",
    )
    foundations = StageFactory(
        course=course,
        slug="foundations",
        title="Foundations",
        order=10,
        summary="Linear algebra and the NumPy toolkit.",
    )
    probability = StageFactory(
        course=course,
        slug="probability",
        title="Probability",
        order=20,
        summary="Distributions, expectations and the softmax.",
    )
    lesson = LessonFactory(
        stage=foundations,
        course=course,
        slug="vectors",
        title="Vectors and norms",
        body=VECTORS_BODY,
        order=10,
    )
    LessonFactory(
        stage=foundations,
        course=course,
        slug="matrices",
        title="Matrices",
        order=20,
        body="A matrix maps vectors to vectors: $y = Ax$.",
    )
    second = LessonFactory(
        stage=probability,
        course=course,
        slug="softmax",
        title="The softmax",
        order=10,
        body="$$\\mathrm{softmax}(z)_i = e^{z_i} / \\sum_j e^{z_j}$$",
    )
    exercise = ExerciseFactory(
        stage=foundations,
        lesson=lesson,
        slug="double",
        title="Double a vector",
        entry_point="double",
        statement=STATEMENT,
        cases_source=DOUBLE_CASES,
        starter_code="import numpy as np\n\n\ndef double(x):\n    raise NotImplementedError\n",
        hints=[
            "Multiplying an array by a number multiplies every entry.",
            "`2 * x` keeps the shape and the dtype.",
        ],
        forbidden=["np.multiply"],
        order=10,
    )
    ExerciseFactory(
        stage=probability,
        lesson=None,
        slug="softmax",
        title="A stable softmax",
        entry_point="softmax",
        order=90,
    )
    return E2ECourse(course=course, lesson=lesson, second_lesson=second, exercise=exercise)
