"""JSON Schemas (OpenAPI 3.1 dialect) of every body the API sends or accepts.

Objects are closed (`additionalProperties: false`) so that the tests, which validate every
response against these, catch a field sent without being documented.
"""

from __future__ import annotations


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, *, optional: tuple[str, ...] = (), description: str = "") -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
URL = {"type": "string", "format": "uri"}
TIME = {"type": ["string", "null"], "format": "date-time"}
SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}
KIND = {"type": "string", "enum": ["numpy", "torch", "python"]}
SCORE = {
    "type": ["number", "null"],
    "minimum": 0,
    "maximum": 1,
    "description": "Fraction of cases passed; null until graded.",
}


def _urls(*names: str) -> dict:
    properties = {name: URL for name in names}
    properties["html"] = {
        "type": ["string", "null"],
        "format": "uri",
        "description": "The web page (null if this deployment does not serve it).",
    }
    return obj(properties)


PROGRESS_FIELDS = {
    "attempts": {"type": "integer", "minimum": 0, "description": "Graded submits."},
    "best_score": SCORE,
    "solved": {"type": "boolean"},
    "solved_at": TIME,
    "last_attempt_at": TIME,
}

SCHEMAS: dict[str, dict] = {
    "Error": {
        "type": "object",
        "properties": {
            "error": {"type": "string", "description": "What went wrong, for a person."},
            "field": {"type": "string", "description": "The request field at fault (400)."},
            "retry_after": {"type": "integer", "description": "Seconds to wait (429)."},
            "allowed": array(STRING),
            "hint": STRING,
        },
        "required": ["error"],
        "additionalProperties": False,
    },
    "OpenApiDocument": {
        "type": "object",
        "description": "An OpenAPI 3.1 document.",
        "required": ["openapi", "info", "paths"],
    },
    "CourseSummary": obj({"slug": SLUG, "title": STRING, "summary": STRING, "urls": _urls("self")}),
    "CourseList": obj({"results": array(ref("CourseSummary"))}),
    "LessonSummary": obj(
        {"slug": SLUG, "title": STRING, "order": {"type": "integer"}, "urls": _urls("self")}
    ),
    "ExerciseSummary": obj(
        {
            "slug": SLUG,
            "title": STRING,
            "kind": KIND,
            "order": {"type": "integer"},
            "lesson": {
                "type": ["string", "null"],
                "description": "Slug of the lesson it practises.",
            },
            "urls": _urls("self"),
        }
    ),
    "Stage": obj(
        {
            "slug": SLUG,
            "title": STRING,
            "summary": STRING,
            "lessons": array(ref("LessonSummary")),
            "exercises": array(ref("ExerciseSummary")),
        }
    ),
    "CourseDetail": obj(
        {
            "slug": SLUG,
            "title": STRING,
            "summary": STRING,
            "urls": _urls("self"),
            "description": {"type": "string", "description": "Markdown."},
            "stages": array(ref("Stage")),
        }
    ),
    "LessonDetail": obj(
        {
            "slug": SLUG,
            "title": STRING,
            "order": {"type": "integer"},
            "urls": _urls("self"),
            "course": SLUG,
            "stage": SLUG,
            "body": {
                "type": "string",
                "description": "Markdown with $inline$ and $$display$$ math.",
            },
            "completed": {"type": "boolean", "description": "Whether you marked it complete."},
            "exercises": array(ref("ExerciseSummary")),
        }
    ),
    "ExerciseDetail": obj(
        {
            "slug": SLUG,
            "title": STRING,
            "kind": KIND,
            "order": {"type": "integer"},
            "lesson": NULLABLE_STRING,
            "urls": _urls("self", "submissions"),
            "course": SLUG,
            "stage": SLUG,
            "entry_point": {"type": "string", "description": "The function to define."},
            "statement": {"type": "string", "description": "Markdown."},
            "starter_code": STRING,
            "tolerance": obj(
                {"rtol": {"type": "number"}, "atol": {"type": "number"}},
                description="Values compare as |got - expected| <= atol + rtol * "
                "|expected|, in float64.",
            ),
            "limits": obj(
                {
                    "wall_seconds": {"type": "number"},
                    "cpu_seconds": {"type": "number"},
                    "memory_mb": {"type": "integer"},
                }
            ),
            "hints": array(STRING),
            "forbidden": array(
                {
                    "type": "string",
                    "description": "A call the solution must not "
                    "use (checked on a best-effort basis).",
                }
            ),
            "visible_cases": {
                **array(STRING),
                "description": "Names of the visible cases whose names are literal in the "
                "exercise's cases (hidden cases are never listed).",
            },
            "progress": obj(PROGRESS_FIELDS, description="Your progress on this exercise."),
        }
    ),
    "SubmissionCreate": {
        "type": "object",
        "properties": {
            "source_code": {
                "type": "string",
                "minLength": 1,
                "description": "One Python module defining the entry point; at "
                "most SUBMISSION_MAX_BYTES (default 100 KiB) of UTF-8, else 413.",
            },
            "mode": {
                "type": "string",
                "enum": ["submit", "run"],
                "default": "submit",
                "description": "`run` grades the visible cases only.",
            },
        },
        "required": ["source_code"],
        "additionalProperties": False,
    },
    "CaseResult": {
        "type": "object",
        "properties": {
            "name": STRING,
            "visible": {"type": "boolean"},
            "passed": {"type": "boolean"},
            "message": {"type": "string", "description": "Visible cases only: what differed."},
        },
        "required": ["name", "visible", "passed"],
        "additionalProperties": False,
        "description": "A hidden case carries only its name and whether it passed.",
    },
    "SubmissionSummary": obj(
        {
            "id": {"type": "integer"},
            "exercise": SLUG,
            "mode": {"type": "string", "enum": ["submit", "run"]},
            "status": {"type": "string", "enum": ["queued", "running", "done"]},
            "verdict": {
                "type": ["string", "null"],
                "enum": [
                    "passed",
                    "failed",
                    "error",
                    "timeout",
                    "memory_limit",
                    "output_limit",
                    None,
                ],
                "description": "Null until `status` is `done`.",
            },
            "score": SCORE,
            "created_at": TIME,
            "graded_at": TIME,
            "urls": _urls("self"),
        }
    ),
    "SubmissionList": obj(
        {
            "results": array(ref("SubmissionSummary")),
            "next": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "The next (older) page, or null.",
            },
        }
    ),
}

SCHEMAS["SubmissionDetail"] = obj(
    SCHEMAS["SubmissionSummary"]["properties"]
    | {
        "cases": array(ref("CaseResult")),
        "message": {
            "type": "string",
            "description": "Overall feedback: a traceback of a "
            "visible failure, a hint when the mistake is recognised.",
        },
        "stdout": {"type": "string", "description": "Output of the visible cases, capped."},
        "warning": STRING,
        "exercise_version": {
            "type": "string",
            "description": "Content hash of the exercise version graded.",
        },
        "source_code": STRING,
        "started_at": TIME,
        "notice": {
            "type": "string",
            "description": "Empty, or why a queued submission waits: 'queued: it will be "
            "graded when the grader is back' while the grading queue is unreachable (the "
            "submission is stored and will be graded).",
        },
    }
)

SCHEMAS["LessonRunCreate"] = {
    "type": "object",
    "properties": {
        "block": {
            "type": "integer",
            "minimum": 1,
            "description": "Which Python block of the lesson, counting from 1.",
        },
        "source": {
            "type": "string",
            "minLength": 1,
            "description": "The block's code as it should run (the lesson's, or edited); at "
            "most LESSON_RUN_MAX_BYTES (default 20 KiB) of UTF-8, else 413.",
        },
    },
    "required": ["block", "source"],
    "additionalProperties": False,
}
SCHEMAS["LessonRunDetail"] = obj(
    {
        "id": {"type": "integer"},
        "course": SLUG,
        "lesson": SLUG,
        "block": {"type": "integer"},
        "status": {"type": "string", "enum": ["queued", "running", "done"]},
        "outcome": {
            "type": ["string", "null"],
            "enum": [
                "ok",
                "error",
                "timeout",
                "memory_limit",
                "output_limit",
                "unavailable",
                None,
            ],
            "description": "Null until `status` is `done`; `error` when the block (or an "
            "earlier block it builds on) raised.",
        },
        "output": {"type": "string", "description": "stdout and stderr, the first 16 KiB."},
        "error": {"type": "string", "description": "The traceback, if the block raised."},
        "message": {"type": "string", "description": "What the platform says about the run."},
        "wall_ms": {"type": ["number", "null"]},
        "figures": array(
            obj({"url": URL, "width": {"type": "integer"}, "height": {"type": "integer"}})
        ),
        "created_at": TIME,
        "finished_at": TIME,
        "urls": obj({"self": URL}),
    }
)

_STAGE_PROGRESS = obj(
    {
        "slug": SLUG,
        "title": STRING,
        "lessons_total": {"type": "integer"},
        "lessons_completed": {"type": "integer"},
        "exercises_total": {"type": "integer"},
        "exercises_solved": {"type": "integer"},
        "exercises": array(obj({"slug": SLUG, "title": STRING} | PROGRESS_FIELDS)),
    }
)
SCHEMAS["Progress"] = obj(
    {
        "courses": array(obj({"slug": SLUG, "title": STRING, "stages": array(_STAGE_PROGRESS)})),
    }
)
