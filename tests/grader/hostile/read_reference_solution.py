# expect: error
# ruff: noqa
"""Import the reference solution of the exercise and return its answer."""
import importlib.util

spec = importlib.util.spec_from_file_location(
    "reference", "/work/main/content/genai-llm/01-foundations/softmax/solution.py"
)
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)


def double(x):
    return 2 * x
