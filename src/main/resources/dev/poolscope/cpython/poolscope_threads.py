"""PoolScope's tracer, the threads' part: a lane per thread the program runs, and its tasks.

Loaded by poolscope_tracer (its PATCHES join the tracer's). A thread tells PoolScope about
itself from inside, as it begins (threading.Thread._bootstrap_inner, 3.8 to 3.13): its OS
thread id (threading.get_native_id(), the TID of /proc/PID/task/TID, which PoolScope reads for
the thread's CPU), its name and its role. Then its work as bars, each message naming the TID:
  threading.Thread                   its target (or run()) is one bar; start(), join() and
                                     is_alive() are marks on the caller's lane, as for Process
  multiprocessing.pool.ThreadPool    its worker threads run multiprocessing.pool.worker over a
                                     queue.SimpleQueue: each item of each task is a bar
  concurrent.futures.ThreadPoolExecutor  submit() (and map(), which calls it) numbers each
                                     call as it is submitted; the call is a bar on the thread
                                     that ran it (concurrent.futures.thread._worker)
The pools' own helper threads (task and result handlers, the executor's manager, queue
feeders) and the tracer's own threads get no lane: they are not the program's work.
"""
import sys
import threading
import time

import poolscope_tracer as tracer
from poolscope_tracer import _call_text, _error_text, _pool_task_calls, _result_text, _safely, _send, _wrap_pool_task
from json.encoder import encode_basestring_ascii as _quote

# ThreadPoolExecutor calls are numbered per executor; the job numbers stay clear of Pool's (a
# count from 0) and of ProcessPoolExecutor's (poolscope_futures).
_EXECUTOR_JOBS = 1500000000
_jobs = [0]
_jobs_lock = threading.Lock()
_INTERNAL = ("threading", "multiprocessing", "concurrent", "queue", "asyncio", "poolscope_tracer",
             "poolscope_pool", "poolscope_threads", "poolscope_futures", "distributed", "dask", "tornado")


def _next_job(base):
    with _jobs_lock:
        _jobs[0] += 1
        return base + _jobs[0]


def _native_id():
    return threading.get_native_id()


# ---- threading.Thread ---------------------------------------------------------------------------

def patch_threading(mod):
    thread = mod.Thread
    bootstrap_inner, start, join, is_alive = thread._bootstrap_inner, thread.start, thread.join, thread.is_alive

    def _bootstrap_inner(self):
        role = _safely(_role_of, self)
        if role is None:
            return bootstrap_inner(self)
        _safely(_thread_begins, self, role)
        try:
            return bootstrap_inner(self)
        finally:
            _safely(_thread_ends)

    def start_(self):
        start(self)
        if getattr(self, "_poolscope_role", None) == "thread":
            _send("tmark", kind="start", by=_native_id(), tid=self.native_id, name=self.name,
                  label=getattr(self, "_poolscope_label", None))

    def join_(self, timeout=None):
        mine = _programs_call(self)
        if mine:
            _send("tmark", kind="join", by=_native_id(), tid=self.native_id, name=self.name, timeout=timeout)
        try:
            return join(self, timeout)
        finally:
            if mine:
                _send("tmark", kind="joined", by=_native_id(), tid=self.native_id, name=self.name,
                      alive=is_alive(self))

    def is_alive_(self):
        answer = is_alive(self)
        if getattr(self, "_poolscope_alive", None) != answer and _programs_call(self):
            self._poolscope_alive = answer  # a polling loop reports each change, not each call
            _send("tmark", kind="alive", by=_native_id(), tid=self.native_id, name=self.name, answer=answer)
        return answer

    thread._bootstrap_inner, thread.start, thread.join, thread.is_alive = _bootstrap_inner, start_, join_, is_alive_


def _programs_call(thread):
    """Whether the program itself (not threading or a pool) called join() or is_alive() on its thread."""
    if getattr(thread, "_poolscope_role", None) != "thread" or tracer._conn is None:
        return False
    caller = sys._getframe(2).f_globals.get("__name__", "")
    return caller.split(".")[0] not in _INTERNAL


def _module_of(function):
    return (getattr(function, "__module__", None) or "").split(".")[0]


def _role_of(thread):
    """'thread', 'threadpool' or 'executor' for a thread of the program's work; None for a helper."""
    if tracer._conn is None:
        return None
    target = getattr(thread, "_target", None)
    pool = sys.modules.get("multiprocessing.pool")
    if pool is not None and target is getattr(pool, "worker", None):
        return "threadpool"
    futures_thread = sys.modules.get("concurrent.futures.thread")
    if futures_thread is not None and target is getattr(futures_thread, "_worker", None):
        return "executor"
    if target is not None:
        return None if _module_of(target) in _INTERNAL else "thread"
    run = getattr(type(thread), "run", None)
    return None if run is None or _module_of(run) in _INTERNAL else "thread"


def _thread_begins(thread, role):
    thread._poolscope_role = role
    label = None
    if role == "thread":
        target = getattr(thread, "_target", None)
        if target is not None:
            label = _call_text(target, getattr(thread, "_args", ()), getattr(thread, "_kwargs", {}) or {})
        else:
            label = "%s.run()" % type(thread).__name__
        thread._poolscope_label = label
        thread.run = _TracedRun(thread, label)
    elif role == "threadpool":
        args = thread._args
        thread._args = (_ThreadPoolTasks(args[0], sys.modules["multiprocessing.pool"]),) + tuple(args[1:])
    _send("thread", tid=_native_id(), name=thread.name, role=role, label=label, daemon=thread.daemon)


def _thread_ends():
    _send("thread_end", tid=_native_id())


def _task0(key, name):
    tracer._write('{"e":"ttask0","t":%d,"tid":%d,"key":[%d,%d,%d],"name":%s}\n' % (
        time.monotonic_ns(), _native_id(), key[0], key[1], key[2], _quote(name)))


def _task1(ok, result, error):
    if ok:
        tracer._write('{"e":"ttask1","t":%d,"tid":%d,"ok":true,"result":%s}\n' % (
            time.monotonic_ns(), _native_id(), "null" if result is None else _quote(result)))
    else:
        tracer._write('{"e":"ttask1","t":%d,"tid":%d,"ok":false,"error":%s}\n' % (
            time.monotonic_ns(), _native_id(), _quote(error)))


def _timed(key, name, function, args, kwargs):
    """Calls function as one bar on the calling thread's lane."""
    _safely(_task0, key, name)
    try:
        result = function(*args, **kwargs)
    except SystemExit as stop:
        ok = stop.code in (None, 0)
        _safely(_task1, ok, None, None if ok else "SystemExit: %s" % (stop.code,))
        raise
    except BaseException as error:
        _safely(_task1, False, None, _error_text(error))
        raise
    _safely(_task1, True, _result_text(result), None)
    return result


class _TracedRun(object):
    """A Thread's run(): one bar from the target's start to its end."""

    def __init__(self, thread, label):
        self._thread = thread
        self._label = label

    def __call__(self):
        thread = self._thread
        key = (-1, -1, 0)
        if type(thread).run is threading.Thread.run and thread._target is not None:
            # Thread.run itself, called here so the target's return value can be shown.
            try:
                return _timed(key, self._label, thread._target, thread._args, thread._kwargs)
            finally:
                del thread._target, thread._args, thread._kwargs
        return _timed(key, self._label, type(thread).run, (thread,), {})


# ---- multiprocessing.pool.ThreadPool --------------------------------------------------------------

def report_queued(task, mod):
    """A ThreadPool's task as the program queued it, each item numbered (poolscope_pool's queueing patch calls it)."""
    if tracer._conn is None:
        return
    job, chunk, names = _pool_task_calls(task, mod)
    for k, name in enumerate(names):
        _send("tqueued", key=[job, chunk, k], name=name)


class _ThreadPoolTasks(object):
    """A ThreadPool worker thread's task queue: each item of each task it hands out is a bar."""

    def __init__(self, inner, pool):
        self._inner = inner
        self._pool = pool

    def get(self, *args, **kwargs):
        task = self._inner.get(*args, **kwargs)
        if task is None:
            return None
        traced = _safely(self._trace, task)
        return task if traced is None else traced

    def _trace(self, task):
        # A thread's item is timed on its own, whatever the chunk's size.
        return _wrap_pool_task(task, self._pool, lambda f, job, chunk, count: _ThreadItem(f, job, chunk))

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _ThreadItem(object):
    """One call of the user's function on one item of a ThreadPool chunk."""

    def __init__(self, function, job, chunk):
        self._function = function
        self._job = job
        self._chunk = chunk
        self._k = 0

    def __call__(self, *args, **kwargs):
        k = self._k
        self._k += 1
        return _timed((self._job, self._chunk, k), _call_text(self._function, args, kwargs), self._function, args,
                      kwargs)


# ---- concurrent.futures.ThreadPoolExecutor --------------------------------------------------------

def patch_futures_thread(mod):
    executor = mod.ThreadPoolExecutor
    submit = executor.submit

    def submit_(self, fn, *args, **kwargs):
        call = _safely(_submitted, self, fn, args, kwargs)
        return submit(self, fn if call is None else call, *args, **kwargs)

    submit_.__doc__ = submit.__doc__
    executor.submit = submit_


def _submitted(executor, fn, args, kwargs):
    if tracer._conn is None or _module_of(type(executor)) in ("distributed", "dask"):
        return None
    job = getattr(executor, "_poolscope_job", None)
    if job is None:
        job = executor._poolscope_job = _next_job(_EXECUTOR_JOBS)
        executor._poolscope_calls = 0
    number = executor._poolscope_calls
    executor._poolscope_calls = number + 1
    name = _call_text(fn, args, kwargs)
    key = (job, number, 0)
    _send("tqueued", key=list(key), name=name, by=_native_id())
    return _SubmittedCall(fn, key, name)


class _SubmittedCall(object):
    """What the executor's worker thread calls in place of fn: fn, as one bar on that thread's lane."""

    def __init__(self, fn, key, name):
        self._fn = fn
        self._key = key
        self._name = name

    def __call__(self, *args, **kwargs):
        return _timed(self._key, self._name, self._fn, args, kwargs)


# The messages this module adds to the tracer's (docs/tracer-protocol.md).
KINDS = ("thread", "thread_end", "ttask0", "ttask1", "tqueued", "tmark")

PATCHES = {
    "threading": patch_threading,
    "concurrent.futures.thread": patch_futures_thread,
}


def join(patches, mine):
    """Adds the patches in mine to the tracer's table, after any patch it has for the same module."""
    for name, patch in mine.items():
        before = patches.get(name)
        patches[name] = patch if before is None else _both(before, patch)


def _both(first, then):
    def patch(module):
        _safely(first, module)
        then(module)
    return patch
