"""A course folder as plain, checked data: what the reader builds and the loader stores."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from exercises.package import ExerciseSpec


@dataclass(frozen=True)
class LessonSpec:
    slug: str
    title: str
    order: int
    body: str
    path: Path | None = None  # where it was read from, for error messages
    figures: dict[str, bytes] = field(default_factory=dict)  # name -> bytes, checked


@dataclass(frozen=True)
class ExerciseEntry:
    """An exercise package and its place in the course (`order` already resolved)."""

    spec: ExerciseSpec
    order: int
    path: Path | None = None


@dataclass(frozen=True)
class StageSpec:
    slug: str
    title: str
    summary: str
    order: int
    lessons: list[LessonSpec] = field(default_factory=list)
    exercises: list[ExerciseEntry] = field(default_factory=list)
    path: Path | None = None


@dataclass(frozen=True)
class CourseSpec:
    slug: str
    title: str
    summary: str = ""
    description: str = ""
    stages: list[StageSpec] = field(default_factory=list)
    path: Path | None = None

    def lessons(self) -> list[LessonSpec]:
        return [lesson for stage in self.stages for lesson in stage.lessons]

    def exercises(self) -> list[ExerciseEntry]:
        return [entry for stage in self.stages for entry in stage.exercises]
