from pathlib import Path

import pytest

from tests.courses.helpers import copy_course


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    """A private, editable copy of tests/fixtures/mini-course."""
    return copy_course(tmp_path / "mini-course")
