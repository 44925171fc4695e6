"""The host's handle on one zygote: start it, talk to it, stop it."""

from __future__ import annotations

import array
import json
import select
import socket
import subprocess
import tempfile
import time

from grader.sandbox import layout
from grader.sandbox.types import SandboxUnavailable

READY_TIMEOUT = 120.0  # importing torch on a cold, busy machine
MAX_MESSAGE = 1 << 16


class ZygoteProcess:
    def __init__(self, *, confined: bool, uid: int, threads: int, cgroup_fd: int | None) -> None:
        self.confined = confined
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.sock = parent_end
        self.errors = tempfile.TemporaryFile()
        spec = layout.build(
            confined=confined,
            uid=uid,
            threads=threads,
            control_fd=child_end.fileno(),
            cgroup_fd=cgroup_fd,
        )
        fds = [child_end.fileno()] + ([cgroup_fd] if cgroup_fd is not None else [])
        started = time.perf_counter()
        try:
            # env=spec.env is the whole environment: nothing of the worker's is inherited.
            self.process = subprocess.Popen(
                spec.argv,
                env=spec.env,
                pass_fds=fds,
                close_fds=True,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self.errors,
                start_new_session=True,
            )
        except OSError as exc:
            parent_end.close()
            raise SandboxUnavailable(f"could not start the sandbox: {exc}") from exc
        finally:
            child_end.close()
        self.ready = self.receive(timeout=READY_TIMEOUT)
        if self.ready is None or self.ready.get("op") != "ready":
            detail = self.error_text()
            self.stop()
            raise SandboxUnavailable(f"the sandbox did not start: {detail or 'no ready message'}")
        self.start_ms = (time.perf_counter() - started) * 1000.0

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, message: dict, fds: list[int] = ()) -> None:
        data = [json.dumps(message).encode()]
        try:
            if fds:
                self.sock.sendmsg(
                    data, [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))]
                )
            else:
                self.sock.sendmsg(data)
        except OSError as exc:
            raise SandboxUnavailable(f"the sandbox is gone ({exc})") from exc

    def receive(self, timeout: float | None) -> dict | None:
        """One message, or None when the zygote closed the channel (or `timeout` passed)."""
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            return None
        try:
            data = self.sock.recv(MAX_MESSAGE)
        except OSError:
            return None
        if not data:
            return None
        message = json.loads(data)
        return message if type(message) is dict else None

    def error_text(self) -> str:
        try:
            self.errors.seek(0)
            return self.errors.read()[-2000:].decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def stop(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.errors.close()

    def forget(self) -> None:
        """In a forked worker: drop inherited handles, leave the parent's zygote running."""
        for handle in (self.sock, self.errors):
            try:
                handle.close()
            except OSError:
                pass
        self.process.returncode = 0  # never wait for or kill a process that is not ours
