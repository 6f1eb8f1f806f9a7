"""Where the chunks of a batch run: local worker processes, this process, or a Dask cluster.

Every executor runs the same task, :func:`shelflife.batch.task.run_chunk` (which runs
:func:`shelflife.batch.work.analyze_folders`) on a chunk of study folders, and yields ``(chunk index, outcomes)`` as chunks finish, in whatever order
they finish (the runner sorts the table afterwards, so the order never shows in the
outputs). A chunk whose worker died yields ``(index, exception)`` instead; its studies are
reported with ``batch_worker_lost`` and redone by the next run.

- :class:`InProcessExecutor`: ``workers=1``, no extra process (simplest to debug).
- :class:`LocalExecutor`: a :class:`concurrent.futures.ProcessPoolExecutor` with
  ``workers`` processes, started with ``forkserver`` where available (``spawn`` on
  Windows): the workers never inherit the threads of the calling process (a Dask client, a
  progress bar, a notebook kernel), which ``fork`` would make unsafe.
- :class:`DaskExecutor`: a :class:`dask.distributed.Client` (given, or connected to a
  scheduler address); chunks go out with ``client.submit`` and come back through
  ``as_completed``. Dask is optional (``pip install "shelflife[distributed]"``).

Who writes the studies' output files: local workers always write their own (they share the
output folder). Dask workers write their own only when :meth:`DaskExecutor.sees` shows that
every one of them reads a token file the runner wrote into the output folder and can write
beside it (a ``LocalCluster``, or a cluster on a shared file system); otherwise the files'
contents travel back and the runner writes them. Either way the files are the same.

Chunks hold many studies (:func:`chunk_size`) so that the overhead per task (pickling, a
round trip to a worker or the scheduler) is spread over tens to hundreds of fits; they
depend on the list of studies only, never on the executor, so every executor computes the
same chunks and gives the same numbers.
"""

from __future__ import annotations

import math
import os
import socket
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import InputError

__all__ = [
    "SCHEDULER_TIMEOUT",
    "WORKERS_TIMEOUT",
    "MAX_CHUNK",
    "chunk_size",
    "make_chunks",
    "default_workers",
    "InProcessExecutor",
    "LocalExecutor",
    "DaskExecutor",
    "check_executor_args",
    "make_executor",
]

#: Time allowed to connect to a Dask scheduler [s].
SCHEDULER_TIMEOUT = 5.0
#: Time allowed for a Dask cluster without workers to get its first one [s].
WORKERS_TIMEOUT = 30.0
#: Largest chunk [studies].
MAX_CHUNK = 500
#: Smallest chunk when there are enough studies for it [studies].
MIN_CHUNK = 50
#: Tasks aimed at for a large batch (a few per worker on up to 16 workers).
TASKS = 64


def default_workers() -> int:
    """Worker processes used when none are asked for: the usable processor cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def chunk_size(n: int) -> int:
    """Studies per task, from the number of studies only: 50 to 500, up to 64 tasks.

    The chunks never depend on the number of workers or on the executor. The batch's
    per-study computation fits the studies of a chunk together, and its last bits may
    depend on which studies share a chunk; with chunks fixed by the study list, a run on 1
    or 8 local processes or on a Dask cluster gives byte-identical tables. 64 tasks keep a
    few tasks per worker on up to 16 workers (so that a slow chunk does not leave the
    others idle), and at most 500 studies per task keep each result message small.

    Parameters
    ----------
    n : int
        Number of studies to analyse.

    Returns
    -------
    int
        At least 1 (below 200 studies, four chunks).

    Examples
    --------
    >>> chunk_size(10), chunk_size(100), chunk_size(1000), chunk_size(27000), chunk_size(10**6)
    (3, 25, 50, 422, 500)
    """
    per_task = math.ceil(n / TASKS)
    floor = min(MIN_CHUNK, math.ceil(n / 4))
    return max(1, min(MAX_CHUNK, max(per_task, floor)))


def make_chunks(items: Sequence[str], size: int) -> list[list[str]]:
    """Split ``items`` into consecutive chunks of ``size`` (the last may be shorter)."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _task():
    from .task import run_chunk

    return run_chunk


class InProcessExecutor:
    """Run the chunks one after the other in this process (``workers=1``)."""

    workers = 1
    shares_files = True
    description = "1 process (in-process)"

    def map_chunks(
        self,
        chunks: Sequence[list[str]],
        options: dict[str, Any],
        writes: Sequence[dict[str, Any] | None] | None = None,
    ) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, outcomes)`` per chunk, in order (see :func:`~.task.run_chunk`)."""
        task = _task()
        for i, chunk in enumerate(chunks):
            yield i, task(chunk, options, writes[i] if writes else None)

    def sees(self, folder: os.PathLike | str) -> bool:
        """True: this process writes into ``folder`` itself."""
        return True

    def close(self, abort: bool = False) -> None:
        """Nothing to release."""


def _mp_context():
    import multiprocessing as mp

    if sys.platform.startswith("win"):  # pragma: no cover
        return mp.get_context("spawn")
    try:
        ctx = mp.get_context("forkserver")
    except ValueError:  # pragma: no cover - platforms without forkserver
        return mp.get_context("spawn")
    # import the heavy modules once in the fork server, not once per worker
    ctx.set_forkserver_preload(["shelflife.batch._warm"])
    return ctx


@contextmanager
def _main_not_reimported() -> Iterator[None]:
    """Start worker processes without re-running the caller's ``__main__`` in them.

    ``forkserver`` and ``spawn`` workers normally import the parent's main script first,
    which runs a script that lacks an ``if __name__ == "__main__":`` guard again in every
    worker. The batch's task lives in :mod:`shelflife.batch.work`, so the workers never
    need the main script: while they start, ``__main__`` shows no file or spec.
    """
    main = sys.modules.get("__main__")
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if main and k in main.__dict__}
    try:
        if main is not None:
            main.__dict__.pop("__file__", None)
            main.__dict__["__spec__"] = None
        yield
    finally:
        if main is not None:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


class LocalExecutor:
    """Run the chunks in ``workers`` local processes.

    Parameters
    ----------
    workers : int
        Number of worker processes (at least 2; use :class:`InProcessExecutor` for 1).
    """

    def __init__(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.shares_files = True
        self.description = f"{workers} local worker processes"
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context())

    def map_chunks(
        self,
        chunks: Sequence[list[str]],
        options: dict[str, Any],
        writes: Sequence[dict[str, Any] | None] | None = None,
    ) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, outcomes or exception)`` per chunk, as chunks finish."""
        from concurrent.futures import as_completed

        task = _task()
        with _main_not_reimported():  # the workers start during the first submits
            futures = {
                self._pool.submit(task, chunk, options, writes[i] if writes else None): i
                for i, chunk in enumerate(chunks)
            }
        try:
            for fut in as_completed(futures):
                try:
                    yield futures[fut], fut.result()
                except Exception as exc:  # noqa: BLE001 - a dead worker, reported per study
                    yield futures[fut], exc
        finally:
            for fut in futures:
                fut.cancel()

    def sees(self, folder: os.PathLike | str) -> bool:
        """True: local workers share this machine's file system."""
        return True

    def close(self, abort: bool = False) -> None:
        """Shut the pool down; ``abort=True`` (an error or Ctrl-C) also stops running chunks."""
        if abort:
            for proc in list(getattr(self._pool, "_processes", {}).values()):
                proc.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)


def _import_distributed():
    try:
        import distributed  # noqa: F401
        from dask.distributed import Client
    except ImportError as exc:
        raise InputError("batch_dask_missing", reason=str(exc)) from None
    return Client


def _probe(address: str, timeout: float) -> None:
    """Fail fast on a ``tcp://host:port`` nobody listens on (before Dask retries for long)."""
    if not address.startswith("tcp://"):
        return
    hostport = address[len("tcp://") :].rstrip("/")
    host, sep, port = hostport.rpartition(":")
    if not sep or not port.isdigit():
        raise InputError(
            "batch_scheduler_unreachable",
            address=address,
            timeout=timeout,
            reason="no port number in the address",
        )
    host = host.strip("[]") or "127.0.0.1"
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            "batch_scheduler_unreachable", address=address, timeout=timeout, reason=reason
        ) from None


def connect(address: str, timeout: float = SCHEDULER_TIMEOUT):
    """Connect a :class:`dask.distributed.Client` to ``address``, or fail with a coded error.

    Parameters
    ----------
    address : str
        Scheduler address, e.g. ``"tcp://192.168.1.10:8786"``.
    timeout : float, optional
        Seconds allowed to connect [s].

    Raises
    ------
    shelflife.errors.InputError
        ``batch_dask_missing`` or ``batch_scheduler_unreachable``, within about
        ``timeout`` seconds.
    """
    Client = _import_distributed()
    _probe(address, timeout)
    client = Client.__new__(Client)
    try:
        client.__init__(address, timeout=timeout, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - any failure to connect is the same to the user
        try:  # release what the half-built client holds, quietly and at once
            client.close(timeout=0.5)
        except Exception:  # noqa: BLE001, S110
            pass
        raise InputError(
            "batch_scheduler_unreachable",
            address=address,
            timeout=timeout,
            reason=str(exc) or type(exc).__name__,
        ) from None
    return client


class DaskExecutor:
    """Run the chunks on a Dask cluster.

    Parameters
    ----------
    client : dask.distributed.Client
        Connected client.
    own : bool
        Close the client in :meth:`close` (``True`` when the batch connected it itself).
    workers_timeout : float, optional
        Seconds to wait for a first worker before failing with
        ``batch_scheduler_no_workers`` [s].
    """

    def __init__(self, client: Any, *, own: bool, workers_timeout: float = WORKERS_TIMEOUT):
        self.client = client
        self._own = own
        address = getattr(client.scheduler, "address", None) or "?"
        try:
            n = len(client.scheduler_info(n_workers=-1).get("workers", {}))
        except TypeError:  # pragma: no cover - older distributed without n_workers
            n = len(client.scheduler_info().get("workers", {}))
        if n == 0:
            try:
                client.wait_for_workers(1, timeout=workers_timeout)
            except Exception:  # noqa: BLE001 - a timeout, in whichever class this version uses
                if own:
                    client.close()
                raise InputError(
                    "batch_scheduler_no_workers", address=address, timeout=workers_timeout
                ) from None
            n = len(client.scheduler_info().get("workers", {}))
        self.workers = max(1, n)
        self.shares_files = False  # until sees() shows that the workers see the output folder
        self.description = f"Dask cluster at {address} ({n} workers)"

    def sees(self, folder: os.PathLike | str) -> bool:
        """Whether every worker reads and writes ``folder`` (sets :attr:`shares_files`).

        The runner's token file (random content) must read back the same on every worker,
        and every worker must be able to create and remove a file beside it. Any failure
        (another machine, another user, a worker that does not answer within
        :data:`SCHEDULER_TIMEOUT`) means no: the contents then travel back to the runner.
        """
        import secrets

        token = secrets.token_hex(16)
        path = os.path.join(os.fspath(folder), f".shelflife-probe-{token}")
        try:
            with open(path, "x", encoding="ascii") as fh:
                fh.write(token)
            answers = self.client.run(_probe_folder, path, token, wait=True)
            self.shares_files = bool(answers) and all(a is True for a in answers.values())
        except Exception:  # noqa: BLE001 - any doubt: the runner writes the files
            self.shares_files = False
        finally:
            try:
                os.remove(path)
            except OSError:
                pass
        return self.shares_files

    def map_chunks(
        self,
        chunks: Sequence[list[str]],
        options: dict[str, Any],
        writes: Sequence[dict[str, Any] | None] | None = None,
    ) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, outcomes or exception)`` per chunk, as chunks finish.

        ``writes`` is given only when :meth:`sees` said yes; without it the outcomes come
        back with their files' contents.
        """
        from dask.distributed import as_completed

        task = _task()
        futures = [
            self.client.submit(task, chunk, options, writes[i] if writes else None, pure=False)
            for i, chunk in enumerate(chunks)
        ]
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            for fut in as_completed(futures):
                try:
                    yield index[fut.key], fut.result()
                except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: per-study error
                    yield index[fut.key], exc
                finally:
                    fut.release()
        finally:
            self.client.cancel([f for f in futures if not f.done()])

    def close(self, abort: bool = False) -> None:
        """Close the client if the batch opened it (running chunks were cancelled)."""
        if self._own:
            self.client.close()


def _probe_folder(path: str, token: str) -> bool:
    """On a Dask worker: read the runner's token at ``path`` and write a file beside it."""
    try:
        with open(path, encoding="ascii") as fh:
            if fh.read() != token:
                return False
        mine = f"{path}-{os.getpid()}-{socket.gethostname()}"
        with open(mine, "x", encoding="ascii") as fh:
            fh.write(token)
        os.remove(mine)
    except OSError:
        return False
    return True


def check_executor_args(workers: Any, scheduler: Any, client: Any) -> None:
    """Validate the executor settings (before anything else happens).

    Raises
    ------
    shelflife.errors.InputError
        ``batch_workers_invalid`` or ``batch_scheduler_and_client``.
    """
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise InputError("batch_workers_invalid", value=repr(workers))
    if scheduler is not None and client is not None:
        raise InputError("batch_scheduler_and_client")


def make_executor(
    workers: int | None = None, scheduler: str | None = None, client: Any = None
) -> InProcessExecutor | LocalExecutor | DaskExecutor:
    """The executor for a batch's settings (see the module notes).

    Parameters
    ----------
    workers : int, optional
        Local worker processes; default :func:`default_workers`; 1 runs in this process.
        Ignored on a Dask cluster.
    scheduler : str, optional
        Dask scheduler address.
    client : dask.distributed.Client, optional
        A connected client (not closed by the batch).

    Raises
    ------
    shelflife.errors.InputError
        ``batch_workers_invalid``, ``batch_scheduler_and_client``, ``batch_dask_missing``,
        ``batch_scheduler_unreachable``, ``batch_scheduler_no_workers``.
    """
    check_executor_args(workers, scheduler, client)
    if client is not None:
        return DaskExecutor(client, own=False)
    if scheduler is not None:
        return DaskExecutor(connect(scheduler), own=True)
    n = workers if workers is not None else default_workers()
    return InProcessExecutor() if n == 1 else LocalExecutor(n)
