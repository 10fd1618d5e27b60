"""PoolScope's tracer, the Pool's part: its workers' task items, its queueing, its results.

Loaded by poolscope_tracer when multiprocessing.pool is imported. In a worker, each task the
worker takes runs its items through _Item (one bar per item, also inside mapstar/starmapstar
chunks); in the process that owns the Pool, each task is reported as it is queued, and each
result as the caller can have it.
"""
from time import monotonic_ns as _now

import poolscope_threads
import poolscope_tracer as tracer
from poolscope_tracer import _call_text, _call_texts, _error_text, _pool_task_calls, _result_text, _safely, _send, _write
from poolscope_tracer import _quote, _task1_line, _wrap_pool_task


def patch(mod):
    original = mod.worker

    def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None, wrap_exception=False):
        if tracer._conn is None or not hasattr(inqueue, "_writer"):
            # A ThreadPool's worker thread (or no PoolScope): nothing of its own to show.
            return original(inqueue, outqueue, initializer, initargs, maxtasks, wrap_exception)
        if initializer is not None:
            initializer = _TimedInitializer(initializer)
        else:
            _send("ready")
        tasks = _TracedTasks(inqueue, mod)
        original(tasks, _FlushingResults(outqueue, tasks), initializer, initargs, maxtasks, wrap_exception)
        tracer._worker_end = "sentinel" if tasks.sentinel else "eof" if tasks.eof else "maxtasks"

    # Same module and name: a Process pickled for spawn still names multiprocessing.pool.worker.
    worker.__module__, worker.__name__, worker.__qualname__ = original.__module__, "worker", "worker"
    mod.worker = worker

    exception_with_traceback = mod.ExceptionWithTraceback

    def ExceptionWithTraceback(exc, tb):
        # What the caller re-raises shows the worker's traceback: the program's frames, not the tracer's.
        return exception_with_traceback(exc, _safely(tracer.without_tracer_frames, tb) or tb)

    mod.ExceptionWithTraceback = ExceptionWithTraceback
    _patch_queueing(mod)
    import poolscope_pool_calls
    poolscope_pool_calls.patch(mod)
    for cls, kind in ((mod.ApplyResult, "apply"), (mod.MapResult, "map"),
                      (mod.IMapIterator, "imap"), (mod.IMapUnorderedIterator, "unordered")):
        _patch_result(cls, kind)


def _patch_queueing(mod):
    """
    The caller's side: each task as the program submits it, so tasks are numbered in submission
    order (map's item order, apply_async's call order) before any of them runs. map, starmap and
    their async forms are told from the calling thread, with every item; imap's items, which may
    come from a generator, as the Pool's task-handler thread takes them.
    """
    pool = mod.Pool
    generate, apply_async, map_async = pool._guarded_task_generation, pool.apply_async, pool._map_async

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        if not hasattr(iterable, "__len__"):
            iterable = list(iterable)  # as CPython's own _map_async does first
        result = map_async(self, func, iterable, mapper, chunksize, callback, error_callback)
        if not isinstance(self, mod.ThreadPool):
            _safely(_report_map, result, func, iterable, mapper is mod.starmapstar)
        return result

    def _guarded_task_generation(self, result_job, func, iterable):
        # Runs in the Pool's task-handler thread, which feeds the workers' queue (before a
        # ThreadPool's worker threads can take the task). A ThreadPool's tasks are told item by
        # item, for its thread lanes (poolscope_threads); a process Pool's map was told already.
        thread_pool = isinstance(self, mod.ThreadPool)
        report = poolscope_threads.report_queued if thread_pool else _report_queued
        told = not thread_pool and isinstance(self._cache.get(result_job), mod.MapResult)
        for task in generate(self, result_job, func, iterable):
            if not told:
                _safely(report, task, mod)
            yield task

    def apply_async_(self, func, args=(), kwds={}, callback=None, error_callback=None):
        result = apply_async(self, func, args, kwds, callback, error_callback)
        # Told after it is queued: a worker may start it first, but that start comes before
        # anything about the next call, so the calls keep the order the program made them in.
        report = poolscope_threads.report_queued if isinstance(self, mod.ThreadPool) else _report_queued
        _safely(report, (result._job, 0, func, args, kwds), mod)
        return result

    pool._guarded_task_generation, pool.apply_async, pool._map_async = _guarded_task_generation, apply_async_, _map_async


def _report_map(result, function, items, star):
    if tracer._conn is None:
        return
    names = _call_texts(function, items, star)
    _send("queued", job=result._job, chunksize=result._chunksize, names=names)


def _report_queued(task, mod):
    if tracer._conn is None:
        return
    job, chunk, names = _pool_task_calls(task, mod)
    _send("queued", job=job, chunk=chunk, names=names)


class _TimedInitializer(object):
    def __init__(self, function):
        self._function = function

    def __call__(self, *args):
        _send("init0", name=_call_text(self._function, args, {}))
        try:
            self._function(*args)
        except BaseException as error:
            _send("init1", error=_error_text(error))
            raise
        _send("init1", error=None)
        _send("ready")


class _TracedTasks(object):
    """The worker's task queue: each task it hands out runs its items through _Item."""

    def __init__(self, inner, pool):
        self._inner = inner
        self._pool = pool
        self._poller = None
        #: A result put just now saw work waiting: the next get() need not ask again.
        self.work_seen = False
        self.sentinel = False
        self.eof = False

    def work_waits(self):
        """Whether a task (or the end) waits in the queue: one poll(2), not Connection.poll's selector."""
        try:
            if self._poller is None:
                import select
                self._poller = select.poll()
                self._poller.register(self._inner._reader.fileno(), select.POLLIN)
            return bool(self._poller.poll(0))
        except Exception:
            return self._inner._reader.poll()

    def get(self):
        try:
            if self.work_seen:
                self.work_seen = False  # (if another worker took it meanwhile, the flusher sends within 4 ms)
            elif not self.work_waits():
                tracer.flush()  # about to wait for work: PoolScope hears at once that it is ready
            task = self._inner.get()
        except (EOFError, OSError):
            self.eof = True
            raise
        if task is None:
            self.sentinel = True
            return None
        try:
            return _wrap_pool_task(task, self._pool, _Item)
        except Exception:
            return task

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _FlushingResults(object):
    """
    The worker's result queue. What the worker did goes to PoolScope before a result the caller
    may act on by terminating the Pool (the end of a with-block after the last result; an
    exception raised out of map or imap): before a failure, and before any result once no more
    work waits for this worker. While work waits, batches go as they fill (the flusher thread).
    """

    def __init__(self, inner, tasks):
        self._inner = inner
        self._tasks = tasks

    def put(self, obj):
        tasks = self._tasks
        try:
            waits = obj[2][0] and tasks.work_waits()  # (job, i, (success, value))
        except Exception:
            waits = False
        if waits:
            tasks.work_seen = True
        else:
            tracer.flush()
        return self._inner.put(obj)

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _Item(object):
    """
    One call of the user's function on one item of a chunk: one bar. Inside a chunk the next
    item starts at once, so an item's end is sent together with the next item's start (one
    write instead of two); the last item's end, and any failure, is sent at once.
    """

    __slots__ = ("_function", "_job", "_chunk", "_count", "_k", "_ended")

    def __init__(self, function, job, chunk, count=1):
        self._function = function
        self._job = job
        self._chunk = chunk
        self._count = count
        self._k = 0
        self._ended = ""

    def __call__(self, *args, **kwargs):
        # The hot path (two messages an item): formatted here, no helper called for them. No name
        # in task0: the caller named the item when it was submitted ("queued").
        k = self._k
        self._k = k + 1
        _write('%s{"e":"task0","t":%d,"job":%d,"chunk":%d,"k":%d}\n' % (self._ended, _now(), self._job, self._chunk, k))
        self._ended = ""
        try:
            result = self._function(*args, **kwargs)
        except BaseException as error:
            _write(_task1_line(False, None, _error_text(error)))
            raise
        end = '{"e":"task1","t":%d,"ok":true,"result":%s}\n' % (
            _now(), "null" if result is None else _quote(_result_text(result)))
        if k + 1 < self._count:
            self._ended = end
        else:
            _write(end)
        return result


def _patch_result(cls, kind):
    original = cls.__dict__["_set"]

    def _set(self, i, obj):
        # Once per result: what is not needed is not looked at (getattr with a default raises inside).
        before = getattr(self, "_index", 0) if kind == "imap" else 0
        if kind == "map" and not hasattr(self, "_poolscope_items"):
            self._poolscope_items = len(self._value)  # before a failure replaces the value list
        try:
            ok = obj[0]
        except Exception:
            ok = False
        if not ok and _safely(_unsent, self, obj):
            # The Pool's task-handler thread could not send this chunk to a worker (an unpicklable
            # function or argument): its items never run, and the caller gets this error.
            _send("result", job=self._job, unsent=[i], error=_error_text(obj[1]))
        try:
            return original(self, i, obj)
        finally:
            if kind != "map" or getattr(self, "_number_left", 0) == 0:  # a map tells only its end
                _safely(_report_result, self, kind, i, before)

    cls._set = _set


def _unsent(result, obj):
    """A failed result set by the Pool's own task-handler thread: the chunk never reached a worker."""
    if obj[0] or tracer._conn is None:
        return False  # the common case, a success: nothing more is looked at
    import threading
    return threading.current_thread() is getattr(getattr(result, "_pool", None), "_task_handler", None)


def _report_result(result, kind, i, before):
    """Which chunks' results the caller can now have: map's all at the end, imap's in order."""
    if kind == "map":
        if result._number_left == 0:
            # A map that failed raises in the caller: it gets none of the results.
            _send("result", job=result._job, all=True, items=result._poolscope_items, failed=not result._success)
        return
    if kind == "imap":
        chunks = list(range(before, result._index))
    else:
        chunks = [i]
    if chunks:
        _send("result", job=result._job, chunks=chunks)
