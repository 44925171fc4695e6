"""The trained-model check: the trusted side checks the returned weights, then scores them.

Fast tests: no training. tests/fixtures/trained-course holds a trained-model exercise
whose threshold (4.6 nats) sits just above a uniform guess (log 96 = 4.564), so nearly
flat weights pass and loud random weights fail without any training run.
"""

from pathlib import Path

import numpy as np
import pytest

from exercises.package import PackageError, read_exercise
from grader.scorers import tiny_gpt
from grader.trained import TrainedModelCheck

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "trained-course"
PACKAGE = FIXTURE / "01-models" / "flat_gpt"
HELDOUT = {"a.txt": "The lamp burned all night.\n", "b.txt": "Bread wants time."}


def _check(**kwargs) -> TrainedModelCheck:
    config = {"scorer": "tiny_gpt", "threshold": 4.6, "heldout": ["a.txt", "b.txt"], **kwargs}
    return TrainedModelCheck.from_config(config, HELDOUT)


def _weights(scale: float = 1e-3, dtype=np.float32, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    return {
        name: (rng.normal(size=shape) * scale).astype(dtype)
        for name, shape in tiny_gpt.PARAMETERS.items()
    }


def _judge(value, visible=True, check=None):
    return (check or _check()).judge("case", visible, {"value": value})


def test_nearly_flat_weights_score_log_96_and_pass_below_the_threshold():
    result = _judge(_weights())

    assert result.passed, result.message
    model = result.as_dict()["model"]
    assert model["score"] == pytest.approx(np.log(96), abs=0.01)
    assert [item["text"] for item in model["heldout"]] == ["a", "b"]
    assert "passes below 4.60" in result.message and "4.56" in result.message


def test_loud_weights_fail_by_the_threshold_and_say_by_how_much():
    result = _judge(_weights(scale=3.0))

    assert not result.passed
    assert result.as_dict()["model"]["score"] > 4.6
    assert "not below 4.60" in result.message


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_float32_and_float64_weights_are_both_accepted(dtype):
    assert _judge(_weights(dtype=dtype)).passed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: w.pop("ln_f.bias"), "missing ln_f.bias"),
        (lambda w: w.update({"head.weight": w["tok_emb.weight"]}), "unexpected 'head.weight'"),
        (
            lambda w: w.update({"block.mlp.fc.weight": w["block.mlp.fc.weight"].T.copy()}),
            "block.mlp.fc.weight: expected shape (256, 64), got (64, 256)",
        ),
        (
            lambda w: w.update({"pos_emb.weight": w["pos_emb.weight"].astype(np.int64)}),
            "pos_emb.weight: expected dtype float32 or float64, got int64",
        ),
        (
            lambda w: w["block.ln1.weight"].__setitem__(3, np.nan),
            "block.ln1.weight: contains NaN or infinite values",
        ),
        (lambda w: w.update({"tok_emb.weight": [1.0, 2.0]}), "tok_emb.weight: expected a tensor"),
    ],
)
def test_names_shapes_dtypes_and_finiteness_are_checked_before_any_scoring(change, message):
    weights = _weights()
    change(weights)

    result = _judge(weights)

    assert not result.passed
    assert message in result.message
    assert "model" not in result.as_dict()  # nothing was scored


def test_a_result_that_is_not_a_dict_or_an_exception_fails_with_a_clear_message():
    assert "expected a dict of 16 named tensors, got None" in _judge(None).message
    raised = _check().judge("case", True, {"error": {"message": "boom"}})
    assert not raised.passed and raised.message == "boom"


def test_a_hidden_case_keeps_only_passed_or_failed():
    result = _judge(_weights(), visible=False)

    assert result.passed
    assert result.message == "" and "model" not in result.as_dict()
    assert result.raw_score is None


def test_declared_training_losses_become_a_curve_of_at_most_200_points():
    weights = _weights()
    weights["losses"] = np.linspace(4.6, 1.9, 1500)

    result = _judge(weights, check=_check(losses_key="losses"))

    curve = result.as_dict()["model"]["curve"]
    assert 100 <= len(curve) <= 200
    assert curve[0][1] == pytest.approx(4.6, abs=0.02) and curve[-1][0] == 1500
    assert curve[-1][1] == pytest.approx(1.9, abs=0.02)  # the mean of the last few steps


def test_training_losses_are_an_extra_key_only_when_the_exercise_declares_them():
    weights = _weights()
    weights["losses"] = np.linspace(4.6, 1.9, 10)

    assert "unexpected 'losses'" in _judge(weights).message
    bad = _weights()
    bad["losses"] = "going down"
    assert (
        "losses: expected a 1-d tensor or a list of numbers"
        in _judge(bad, check=_check(losses_key="losses")).message
    )


def test_the_scorer_matches_a_float64_torch_model_built_from_the_contract():
    import torch
    import torch.nn.functional as F

    weights = _weights(scale=0.3, dtype=np.float64, seed=3)
    ids = tiny_gpt.encode("Hello, keeper.\nThe lamp is lit!")
    p = {k: torch.from_numpy(v) for k, v in weights.items()}
    T = len(ids)
    x = p["tok_emb.weight"][torch.from_numpy(ids)] + p["pos_emb.weight"][:T]
    h = F.layer_norm(x, (64,), p["block.ln1.weight"], p["block.ln1.bias"], 1e-5)
    q, k, v = (h @ p["block.attn.qkv.weight"].T + p["block.attn.qkv.bias"]).split(64, -1)
    q, k, v = (t.reshape(T, 4, 16).transpose(0, 1) for t in (q, k, v))
    a = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(0, 1).reshape(T, 64)
    x = x + a @ p["block.attn.proj.weight"].T + p["block.attn.proj.bias"]
    h = F.layer_norm(x, (64,), p["block.ln2.weight"], p["block.ln2.bias"], 1e-5)
    h = F.gelu(h @ p["block.mlp.fc.weight"].T + p["block.mlp.fc.bias"])
    x = x + h @ p["block.mlp.proj.weight"].T + p["block.mlp.proj.bias"]
    x = F.layer_norm(x, (64,), p["ln_f.weight"], p["ln_f.bias"], 1e-5)
    expected = (x @ p["tok_emb.weight"].T).numpy()

    np.testing.assert_allclose(tiny_gpt.logits(weights, ids), expected, rtol=1e-10, atol=1e-10)


def test_held_out_texts_are_cut_into_windows_of_65_with_stride_64():
    ids = np.arange(200) % 96

    windows = tiny_gpt.windows(ids)

    assert [len(w) for w in windows] == [65, 65, 65, 8]
    assert windows[1][0] == ids[64] and windows[3][-1] == ids[199]
    total, count = tiny_gpt.nll(_weights(), tiny_gpt.decode(ids))
    assert count == 199  # every character but the first is predicted exactly once


def test_the_alphabet_is_the_contracts():
    assert tiny_gpt.encode("\n ~A").tolist() == [0, 1, 95, 34]
    with pytest.raises(ValueError, match="outside the 96-symbol alphabet"):
        tiny_gpt.encode("café")


# -- the package format ----------------------------------------------------------------


def test_the_package_reads_data_files_with_their_roles(tmp_path):
    spec = read_exercise(PACKAGE)

    roles = {f.name: f.heldout for f in spec.data_files}
    assert roles == {"heldout_a.txt": True, "heldout_b.txt": True, "train_short.txt": False}
    assert spec.trained_model["scorer"] == "tiny_gpt" and spec.trained_model["threshold"] == 4.6


def _copy(tmp_path) -> Path:
    import shutil

    return Path(shutil.copytree(PACKAGE, tmp_path / "flat_gpt"))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('scorer = "tiny_gpt"', 'scorer = "my_scorer"', "not one of the platform's trusted"),
        ('"heldout_b.txt"]', '"heldout_c.txt"]', "which are not files of"),
        ("threshold = 4.6", 'threshold = "low"', "'threshold' must be float"),
        ("threshold = 4.6", "threshold = nan", "threshold must be a finite number"),
        ("seed_index = 1", "seed_index = 1\nwarmup = 3", "[trained_model] has unknown keys"),
    ],
)
def test_a_malformed_trained_model_table_names_the_problem(tmp_path, old, new, message):
    folder = _copy(tmp_path)
    toml = folder / "exercise.toml"
    toml.write_text(toml.read_text().replace(old, new))

    with pytest.raises(PackageError, match=None) as raised:
        read_exercise(folder)

    assert message in str(raised.value) and "exercise.toml" in str(raised.value)


def test_data_holds_only_plain_files(tmp_path):
    folder = _copy(tmp_path)
    (folder / "data" / "nested").mkdir()

    with pytest.raises(PackageError, match="data/ holds only plain files"):
        read_exercise(folder)


def test_the_content_hash_covers_the_held_out_texts_and_leaves_other_exercises_alone(tmp_path):
    folder = _copy(tmp_path)
    before = read_exercise(folder).content_hash()
    (folder / "data" / "heldout_a.txt").write_text("Another held-out text.\n")

    assert read_exercise(folder).content_hash() != before
    plain = read_exercise(FIXTURE.parent / "mini-course" / "01-basics" / "double")
    assert "data_files" not in plain.__dict__ or plain.data_files == []


@pytest.mark.sandbox
def test_devcheck_trains_each_file_in_the_sandbox_and_scores_it(capsys):
    from grader.devcheck import check_folder

    problems = check_folder(PACKAGE, [])

    assert problems == []
    out = capsys.readouterr().out
    assert "ok  solution.py" in out and "4.564, 4.564" in out
    assert "ok  wrong/loud_weights.py" in out


def test_validation_reseeds_a_case_frame_as_data_keeping_its_tensors():
    import torch

    from grader.sandbox.runtime import wire
    from grader.trained_validation import _reseeded

    ids = torch.arange(70, dtype=torch.int64)
    case = {"name": "c", "args": [ids, 2], "kwargs": {}, "grad_wrt": [], "grad_output": None}

    seed, frame = _reseeded(wire.encode(case), 1, 1000, "c")

    back = wire.decode(frame, make_tensors=True)
    assert seed == 1002 and back["args"][1] == 1002
    assert isinstance(back["args"][0], torch.Tensor) and torch.equal(back["args"][0], ids)
    assert {k: v for k, v in back.items() if k != "args"} == {
        k: v for k, v in case.items() if k != "args"
    }
    with pytest.raises(ValueError, match="argument 0 is not an int seed"):
        _reseeded(wire.encode(case), 0, 1000, "c")
    with pytest.raises(ValueError, match="argument 5 is not an int seed"):
        _reseeded(wire.encode(case), 5, 1000, "c")
