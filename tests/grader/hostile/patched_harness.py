# expect: failed
# ruff: noqa
"""Patch the sandbox harness in memory so that every case 'returns' the input."""
import sys

for name in ("invoke", "harness"):
    module = sys.modules.get(name)
    if module is not None and hasattr(module, "to_data"):
        original = module.to_data
        module.to_data = lambda value, depth=0: original(value, depth)
harness = sys.modules.get("harness")
if harness is not None:
    harness.call_case = lambda fn, args, kwargs, grad_wrt, grad_output: {"value": args[0] if not hasattr(args[0], "detach") else args[0].detach().numpy()}


def double(x):
    return x
