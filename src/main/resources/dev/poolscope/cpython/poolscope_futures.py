"""PoolScope's tracer, ProcessPoolExecutor's part: its worker processes, their calls, its failures.

Loaded by poolscope_tracer (its PATCHES join the tracer's). The places used, the same in CPython
3.8 to 3.13:
  ProcessPoolExecutor.submit        numbers each call as it is submitted (map() submits a chunk of
                                    items through _process_chunk: one number, an item each);
                                    the future's answer (BrokenProcessPool, cancelled) is told as
                                    it is set
  process._process_worker           the body of every worker process: each _CallItem it takes
                                    from the call queue runs through poolscope_pool._Item, one
                                    bar per item, timed in the worker (a future is marked
                                    running when it enters the call queue, not when it starts)
A worker is a pool worker to PoolScope (a lane, a new PID in it when max_tasks_per_child, 3.11+,
recycles it), told apart as an executor's by its role, since what follows a dead worker differs:
the executor fails every pending future with BrokenProcessPool, where Pool waits forever.
"""
import functools
import os
import threading

import poolscope_tracer as tracer
from poolscope_tracer import _call_text, _error_text, _safely, _send

# Job numbers of executors: clear of Pool's (a count from 0) and ThreadPoolExecutor's.
_JOBS = 1000000000
_job_of_queue = {}
_lock = threading.Lock()


def _job_for(call_queue):
    with _lock:
        job = _job_of_queue.get(id(call_queue))
        if job is None:
            job = _job_of_queue[id(call_queue)] = _JOBS + len(_job_of_queue) + 1
        return job


def role_of(process, target, args):
    """The role of a process the executor starts (None for any other process)."""
    mod = _module()
    if mod is None or target is not getattr(mod, "_process_worker", None) or len(args) < 4:
        return None
    call_queue, initializer = args[0], args[2]
    return {"kind": "pool", "executor": True, "pool": "%d:%d" % (os.getpid(), id(call_queue)),
            "job": _job_for(call_queue), "name": process.name,
            "maxtasks": args[4] if len(args) > 4 else None, "init": initializer is not None,
            "initName": getattr(initializer, "__name__", None), "ident": list(process._identity)}


def _module():
    import sys
    return sys.modules.get("concurrent.futures.process")


def patch(mod):
    original = mod._process_worker

    def _process_worker(call_queue, result_queue, initializer, initargs, *rest):
        role = _safely(_my_role)
        if tracer._conn is None or role is None:
            return original(call_queue, result_queue, initializer, initargs, *rest)
        import poolscope_pool
        if initializer is not None:
            initializer = poolscope_pool._TimedInitializer(initializer)
        else:
            _send("ready")
        calls = _TracedCalls(call_queue, role["job"], mod)
        try:
            # Results go to the caller only once what the worker did has gone to PoolScope.
            results = poolscope_pool._FlushingResults(result_queue, None)
            return original(calls, results, initializer, initargs, *rest)
        finally:
            maxtasks = role.get("maxtasks")
            tracer._worker_end = "sentinel" if calls.sentinel else (
                "maxtasks" if maxtasks is not None and calls.taken >= maxtasks else None)

    # Same module and name: a Process pickled for spawn still names process._process_worker.
    _process_worker.__module__ = original.__module__
    _process_worker.__name__ = _process_worker.__qualname__ = "_process_worker"
    mod._process_worker = _process_worker
    _patch_submit(mod)


def _my_role():
    import multiprocessing
    role = getattr(multiprocessing.current_process(), "_poolscope_role", None)
    return role if isinstance(role, dict) and role.get("executor") else None


class _TracedCalls(object):
    """A worker's call queue: each call it hands out runs its items through poolscope_pool._Item."""

    def __init__(self, inner, job, mod):
        self._inner = inner
        self._job = job
        self._mod = mod
        self.sentinel = False
        self.taken = 0

    def get(self, *args, **kwargs):
        item = self._inner.get(*args, **kwargs)
        if item is None:
            self.sentinel = True
        else:
            self.taken += 1
            _safely(self._trace, item)
        return item

    def _trace(self, item):
        import poolscope_pool
        chunk = _chunk_of(item.fn, item.args, self._mod)
        if chunk is None:
            item.fn = poolscope_pool._Item(item.fn, self._job, item.work_id)
        else:
            function, items = chunk
            item.fn = functools.partial(self._mod._process_chunk,
                                        poolscope_pool._Item(function, self._job, item.work_id, len(items)))

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _chunk_of(fn, args, mod):
    """(the user's function, its items) for a call map() made through _process_chunk, else None."""
    if not isinstance(fn, functools.partial) or fn.func is not mod._process_chunk:
        return None
    function = fn.args[0] if fn.args else fn.keywords.get("fn")
    items = args[0] if args else fn.keywords.get("chunk")
    return (function, items) if function is not None and items is not None else None


def _patch_submit(mod):
    executor = mod.ProcessPoolExecutor
    submit = executor.submit

    def submit_(self, fn, *args, **kwargs):
        keys = _safely(_submitting, self, fn, args, kwargs, mod)
        try:
            future = submit(self, fn, *args, **kwargs)
        except BaseException as error:
            if keys:
                _send("xfail", keys=keys, error=_error_text(error), at="submit")
            raise
        if keys:
            _safely(future.add_done_callback, functools.partial(_answered, keys, mod))
        return future

    submit_.__doc__ = submit.__doc__
    executor.submit = submit_


def _submitting(executor, fn, args, kwargs, mod):
    """Tells PoolScope of the call about to be submitted; returns its task keys."""
    if tracer._conn is None:
        return None
    job = _job_for(executor._call_queue)
    number = executor._queue_count  # the work id submit() gives it
    chunk = _chunk_of(fn, args, mod)
    if chunk is None:
        names = [_call_text(fn, args, kwargs)]
    else:
        function, items = chunk
        names = [_call_text(function, item, {}) for item in items]
    _send("queued", job=job, chunk=number, names=names)
    return [[job, number, k] for k in range(len(names))]


def _answered(keys, mod, future):
    """A future's end: a broken pool's answer (or a cancel) is told; a result comes from the worker."""
    if future.cancelled():
        _send("xfail", keys=keys, error="CancelledError: the future was cancelled before it ran", at="cancel")
        return
    error = future.exception()
    if isinstance(error, mod.BrokenProcessPool):
        _send("xfail", keys=keys, error=_error_text(error), at="broken")


PATCHES = {
    "concurrent.futures.process": patch,
}
# The messages this module adds to the tracer's (docs/tracer-protocol.md).
KINDS = ("xfail",)
