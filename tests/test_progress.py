"""Progress on long runs: a bar and a summary when standard error is a terminal, nothing of
it when piped or with --quiet.  The real CLI in a subprocess, its standard error on a real
pseudo-terminal (a person watching) or a pipe (a script)."""

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

REPORT = ("Militants attacked an army post near Gao on Sunday, killing three soldiers, officials said.\n"
          "Residents of Gao marched on Monday against the insecurity in the region.\n")


def _on_terminal(args: list[str], home: Path) -> tuple[int, str]:
    """Run `python -m sitrep ARGS` with standard error on a pseudo-terminal; what it showed there."""
    main, child = pty.openpty()
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=child, env=env)
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    return proc.wait(timeout=600), shown.decode("utf-8", "replace")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    (d / "gao.txt").write_text(REPORT, encoding="utf-8")
    return d


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_terminal_sees_the_run_and_quiet_silences_it(command, folder, tmp_path):
    code, shown = _on_terminal([command, str(folder), "--published", "2024-03-04", "--db", str(tmp_path / "a.db")],
                               tmp_path)
    assert code == 0
    assert "sitrep: 1 article" in shown and " events" in shown  # the summary line
    code, shown = _on_terminal([command, str(folder), "--published", "2024-03-04", "--db", str(tmp_path / "b.db"),
                                "--quiet"], tmp_path)
    assert code == 0
    assert "sitrep:" not in shown and "articles read" not in shown


def test_a_piped_ingest_tells_its_account_but_draws_no_bar(folder, tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(folder), "--published", "2024-03-04",
                           "--db", str(tmp_path / "c.db")], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0
    assert "1 articles read: 1 added" in proc.stderr
    assert "\r" not in proc.stderr and "art/s" not in proc.stderr  # no bar drawn into a pipe
