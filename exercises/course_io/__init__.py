"""Courses as files: read a course folder into checked specs, load it, dump it back.

    spec = read_course(path)        # parse and check everything; PackageError on a problem
    report = course_load(spec=spec) # one transaction; idempotent; unpublishes, never deletes
    course_dump(course=course, path=path)

See docs/authoring.md for the folder format.
"""

from exercises.course_io.dbspec import course_spec, exercise_spec
from exercises.course_io.dumper import DumpReport, course_dump
from exercises.course_io.loader import LoadReport, Tally, course_load
from exercises.course_io.reader import read_course, read_lesson
from exercises.course_io.specs import CourseSpec, ExerciseEntry, LessonSpec, StageSpec

__all__ = [
    "CourseSpec",
    "DumpReport",
    "ExerciseEntry",
    "LessonSpec",
    "LoadReport",
    "StageSpec",
    "Tally",
    "course_dump",
    "course_load",
    "course_spec",
    "exercise_spec",
    "read_course",
    "read_lesson",
]
