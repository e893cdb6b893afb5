"""``--self-test`` as operators and CI run it: from the virtual environment and from the frozen
build, offscreen, over TLS with a test CA, and with values that are wrong."""

from __future__ import annotations

import copy
from pathlib import Path

from inspector.demo import DEFAULT_IMAGE_ID
from inspector.demo.data import DEMO_IMAGES
from inspector.demo.server import DemoServer
from tests.frozen.https_server import HttpsApi
from tests.frozen.runner import run_app

CHECKED = (
    f"ok    rendered {DEFAULT_IMAGE_ID}",
    "ok    window icon: ",
    "ok    Qt text services (ICU): ",
    f"ok    ID: {DEFAULT_IMAGE_ID}",
    "ok    name: ubuntu-22-04-office",
    "ok    status badge: ",
    "ok    storage size: 20 GiB",
    "ok    storage size in bytes: 21,474,836,480 bytes",
    "ok    created, with nanoseconds: ",
    "ok    labels: 10 labels (10 rows)",
)


def test_demo_self_test_passes_offscreen(app_command: list[str], tmp_path: Path) -> None:
    run = run_app(
        app_command, ["--demo", "--self-test"], tmp_path, {"QT_QPA_PLATFORM": "offscreen"}
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # First what it fetches from where, then the first paint (the benchmark times that line).
    header, painted = run.stdout.splitlines()[:2]
    assert header.startswith(f"self-test: {DEFAULT_IMAGE_ID} from http://127.0.0.1:")
    assert painted == "ok    window painted"
    for line in CHECKED:
        assert line in run.stdout
    assert ".123456789" in run.stdout
    assert run.stdout.rstrip().endswith("self-test passed")
    assert not run.leftover_processes
    assert run.leftover_temp_files == []


def test_self_test_needs_no_display(app_command: list[str], tmp_path: Path) -> None:
    no_display = {"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}
    run = run_app(app_command, ["--demo", "--self-test"], tmp_path, no_display)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-test passed" in run.stdout


def test_self_test_fetches_over_tls_trusting_the_given_ca(
    app_command: list[str], tmp_path: Path
) -> None:
    with HttpsApi(tmp_path) as api:
        args = ["--self-test", "--image-id", DEFAULT_IMAGE_ID, "--endpoint", api.base_url]
        trusted = run_app(app_command, [*args, "--ca-file", str(api.ca_file)], tmp_path / "ok")
        untrusted = run_app(app_command, args, tmp_path / "refused")
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    assert f"from {api.base_url}" in trusted.stdout
    assert "ok    storage size in bytes: 21,474,836,480 bytes" in trusted.stdout
    assert untrusted.returncode == 1
    assert "FAIL  the fetch failed" in untrusted.stdout
    assert "certificate" in untrusted.stdout.lower()


def test_self_test_names_each_value_that_is_wrong(app_command: list[str], tmp_path: Path) -> None:
    body = copy.deepcopy(DEMO_IMAGES[DEFAULT_IMAGE_ID].body)
    assert body is not None
    body["name"] = "not-the-demo-name"
    body["storageSize"] = "1024"
    with DemoServer() as server:
        server.put_image(DEFAULT_IMAGE_ID, body)
        run = run_app(app_command, ["--self-test", "--endpoint", server.base_url], tmp_path)
    assert run.returncode == 1
    assert "FAIL  name shows 'not-the-demo-name', expected ubuntu-22-04-office" in run.stdout
    assert "FAIL  storage size shows '1 KiB', expected 20 GiB" in run.stdout
    assert "ok    labels: 10 labels" in run.stdout
    assert "self-test failed: name shows" in run.stderr
    assert not run.leftover_processes
