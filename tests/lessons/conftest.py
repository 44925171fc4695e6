from tests.lessons.web import learner, other_learner, staff, web_settings  # noqa: F401
