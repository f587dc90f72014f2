"""Where `-o`/`--out` points: a regular file is replaced atomically; anything else is not.

The attack run of issue 16 replaced a machine's ``/dev/full`` with a regular file through the
atomic rename, and as root ``sim report X -o /dev/null`` would have done the same to
``/dev/null``. A device or a FIFO is now written through, a directory refused on one line, a
symbolic link kept.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from simulator.cli import main
from simulator.render.files import write_atomically

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="device nodes and FIFOs")


def sim(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _is_char_device(path: str) -> bool:
    return stat.S_ISCHR(os.stat(path).st_mode)


def _device(folder: Path, name: str, minor: int) -> str:
    """A character device to write to: as root, a copy of ``/dev/<name>`` made in ``folder``, so
    a regression replaces that copy, never the machine's own; otherwise the real one, which no
    one but root could replace."""
    real = f"/dev/{name}"
    if not os.path.exists(real):
        pytest.skip(f"needs {real}")
    if os.geteuid() != 0:
        return real
    copy = folder / name
    try:
        os.mknod(copy, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        os.close(os.open(copy, os.O_WRONLY))
    except OSError:
        pytest.skip(f"cannot make a copy of {real} here to write to")
    return str(copy)


@pytest.fixture
def null(tmp_path: Path) -> str:
    return _device(tmp_path, "null", 3)


@pytest.fixture
def full(tmp_path: Path) -> str:
    return _device(tmp_path, "full", 7)


def test_a_regular_file_is_replaced_whole_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old")
    before = target.stat().st_ino
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_ino != before  # a new file renamed into place, not rewritten
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.html"]


def test_a_new_file_is_created(tmp_path: Path) -> None:
    write_atomically(tmp_path / "new.dot", b"digraph {}")
    assert (tmp_path / "new.dot").read_bytes() == b"digraph {}"


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.html"
    target.write_bytes(b"old")
    link = tmp_path / "link.html"
    link.symlink_to(target.name)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomically(folder, b"x")
    assert folder.is_dir()


def test_a_diagram_over_a_directory_is_one_line(wechat_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "path.dot").mkdir(parents=True)
    line = one_line_error(sim("run", str(wechat_path), "--out", str(out), "--format", "json"))
    assert line == f"sim: {out / 'path.dot'}: is a directory, not a file"
    assert (out / "path.dot").is_dir()


def test_diagrams_into_something_that_is_not_a_folder_are_refused(
    wechat_path: Path, tmp_path: Path
) -> None:
    file = tmp_path / "file"
    file.write_text("mine", encoding="utf-8")

    def whatif(out: str) -> str:
        return one_line_error(sim("whatif", str(wechat_path), "--format", "json", "--out", out))

    assert "is a file" in whatif(str(file))
    assert whatif(os.devnull) == f"sim: {os.devnull}: not a directory, so no diagrams written"
    assert file.read_text(encoding="utf-8") == "mine"


@unix_only
def test_dev_null_is_written_through_never_replaced(wechat_path: Path, null: str) -> None:
    assert sim("diagram", "machine", "--format", "dot", "--out", null).exit_code == 0
    assert sim("report", str(wechat_path), "-o", null).exit_code == 0
    assert _is_char_device(null)


@unix_only
def test_a_full_device_fails_on_one_line_and_stays_a_device(full: str) -> None:
    line = one_line_error(sim("diagram", "machine", "--format", "dot", "--out", full))
    assert line == f"sim: {full}: No space left on device"
    assert _is_char_device(full)


@unix_only
def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Opened for reading first, without blocking, so the writer never waits for a reader.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    finished = threading.Event()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk: bytes | None = os.read(reader, 65536)
            except BlockingIOError:
                chunk = None  # the writer is there, with nothing written yet
            if chunk:
                chunks.append(chunk)
            elif chunk == b"" and finished.is_set():
                return
            else:
                time.sleep(0.005)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    try:
        result = sim("diagram", "machine", "--format", "dot", "--out", str(fifo))
    finally:
        finished.set()
        thread.join()
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"".join(chunks).startswith(b"digraph")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]


@unix_only
def test_an_export_to_a_device_writes_through_and_into_a_folder_is_refused(
    wechat_path: Path, tmp_path: Path, null: str
) -> None:
    store = tmp_path / "cases.jsonl"
    assert sim("record", str(wechat_path), "--store", str(store)).exit_code == 0
    assert sim("export", str(store), "--format", "yaml", "--out", null).exit_code == 0
    assert _is_char_device(null)
    folder = tmp_path / "folder"
    folder.mkdir()
    line = one_line_error(sim("export", str(store), "--format", "yaml", "--out", str(folder)))
    assert "is a directory" in line
    assert folder.is_dir()
