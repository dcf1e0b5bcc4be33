"""A pool of query worker processes, so that a query past the time limit can be stopped.

pyoxigraph cannot interrupt a running query from another thread, so every query runs in a
worker process holding the store open read-only. The server hands a job to an idle worker and
waits at most the time limit; a worker that has not answered by then is killed (the query with
it) and a fresh one is started in the background, while the other workers keep serving.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from unkg.config import Settings
from unkg.errors import StoreError, UnkgError
from unkg.serve.jobs import Answer, Failure, Job, run_job
from unkg.store import Endpoint

READY = "ready"
STARTUP_SECONDS = 60.0


class QueryTimeout(UnkgError):
    """A query ran past the time limit and was stopped."""


class ServerBusy(UnkgError):
    """Every worker stayed busy for the whole time limit."""


def worker_main(conn: Connection, store_dir: Path | Endpoint, settings: Settings) -> None:
    """The loop of one worker process: open the store read-only, then answer jobs until told to stop."""
    from unkg.store import open_store

    try:
        store = open_store(store_dir, read_only=True)
    except UnkgError as error:
        conn.send(Failure(500, str(error)))
        return
    conn.send(READY)
    with store:
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return  # the server went away
            if job is None:
                return
            try:
                answer: Answer = run_job(store, job, settings)
            except Exception as error:  # a bug must not take the worker down silently
                answer = Failure(500, f"{type(error).__name__}: {error}")
            conn.send(answer)


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection


class WorkerPool:
    """``size`` worker processes over the store at ``store_dir`` (a folder, or a remote SPARQL server);
    :meth:`run` does one job with a limit."""

    def __init__(self, store_dir: Path | Endpoint, settings: Settings, size: int = 2) -> None:
        self._context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self._store_dir = store_dir
        self._settings = settings
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        starting = [self._spawn() for _ in range(max(1, size))]
        for worker in starting:
            self._idle.put(self._await_ready(worker))

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=worker_main, args=(child, self._store_dir, self._settings), daemon=True, name="unkg-query"
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> _Worker:
        """Wait for a new worker to open the store; raise StoreError if it cannot."""
        message: object = None
        if worker.conn.poll(STARTUP_SECONDS):
            with contextlib.suppress(EOFError, OSError):
                message = worker.conn.recv()
        if message != READY:
            self._kill(worker)
            problem = message.message if isinstance(message, Failure) else "the worker did not start"
            raise StoreError(f"cannot serve the store at {self._store_dir}: {problem}")
        return worker

    def _replace(self) -> None:
        """Start a worker to take a killed one's place (in the background: requests need not wait)."""

        def start() -> None:
            if self._closed:
                return
            try:
                worker = self._await_ready(self._spawn())
            except StoreError:
                return
            if self._closed:
                self._kill(worker)
            else:
                self._idle.put(worker)

        threading.Thread(target=start, daemon=True, name="unkg-respawn").start()

    def _kill(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def run(self, job: Job, timeout: float) -> Answer:
        """Do ``job`` in a worker: QueryTimeout after ``timeout`` seconds, ServerBusy if none is free."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise ServerBusy(f"all query workers stayed busy for {timeout:g} s; try again later") from None
        try:
            worker.conn.send(job)
            if worker.conn.poll(timeout):
                answer: Answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError, BrokenPipeError):
            self._kill(worker)
            self._replace()
            return Failure(500, "the query worker stopped unexpectedly")
        self._kill(worker)
        self._replace()
        raise QueryTimeout(f"the query ran past the time limit of {timeout:g} s and was stopped")

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(timeout=2)
            self._kill(worker)
