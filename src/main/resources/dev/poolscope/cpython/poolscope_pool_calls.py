"""PoolScope's tracer, the Pool's life as its owner lives it: the marks on the main lane.

Each mark names the program's line that made the call (the first frame outside the library):
the Pool created (with its workers' PIDs), each map/imap/apply_async called and, for the
blocking calls, returned (with how many results), close(), join(), and terminate() with its
cause: an explicit call, the end of a with-block, or the Pool object being collected (garbage
collection, or the interpreter's exit) without either. Loaded by poolscope_pool.
"""
import os
import sys
import threading

from poolscope_tracer import _safely, _send, caller_line, drop_own_frames

_CALLS = ("map", "starmap", "imap", "imap_unordered", "apply", "apply_async", "map_async", "starmap_async")
_BLOCKING = ("map", "starmap", "apply")
_inside = threading.local()
#: Pools whose terminate() was called by the program (or a with-block), by key: the cause told.
_terminating = {}


def key_of(pool):
    return "%d:%d" % (os.getpid(), id(pool._inqueue))


def patch(mod):
    pool = mod.Pool
    for name in _CALLS:
        setattr(pool, name, _call(mod, name, getattr(pool, name)))
    init, close, join, terminate = pool.__init__, pool.close, pool.join, pool.terminate
    leave, terminate_pool = pool.__exit__, pool.__dict__["_terminate_pool"].__func__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        if _is_process_pool(self, mod):
            _send("pool", what="created", pool=key_of(self), processes=self._processes,
                  pids=[p.pid for p in self._pool], line=_safely(caller_line))

    def close_(self):
        if _is_process_pool(self, mod):
            _send("pool", what="close", pool=key_of(self), line=_safely(caller_line))
        return close(self)

    def join_(self):
        mine = _is_process_pool(self, mod)
        if mine:
            _send("pool", what="join", pool=key_of(self), line=_safely(caller_line))
        try:
            return join(self)
        finally:
            if mine:
                _send("pool", what="joined", pool=key_of(self))

    def terminate_(self):
        if _is_process_pool(self, mod) and key_of(self) not in _terminating:
            _terminating[key_of(self)] = "explicit"
            _send("pool", what="terminate", pool=key_of(self), cause="explicit", line=_safely(caller_line))
        return terminate(self)

    def __exit__(self, *exc):
        if _is_process_pool(self, mod) and key_of(self) not in _terminating:
            _terminating[key_of(self)] = "with"
            _send("pool", what="terminate", pool=key_of(self), cause="with", line=_safely(caller_line))
        return leave(self, *exc)

    def _terminate_pool(cls, taskqueue, inqueue, outqueue, workers, *rest):
        key = "%d:%d" % (os.getpid(), id(inqueue))
        if cls is not mod.ThreadPool and key not in _terminating:
            # Neither terminate() nor a with-block: the Pool's finalizer ran on its own.
            util = sys.modules.get("multiprocessing.util")
            cause = "exit" if util is not None and getattr(util, "_exiting", False) else "gc"
            _terminating[key] = cause
            _send("pool", what="terminate", pool=key, cause=cause, line=_safely(caller_line))
        return terminate_pool(cls, taskqueue, inqueue, outqueue, workers, *rest)

    pool.__init__, pool.close, pool.join, pool.terminate, pool.__exit__ = __init__, close_, join_, terminate_, __exit__
    pool._terminate_pool = classmethod(_terminate_pool)


def _is_process_pool(pool, mod):
    return not isinstance(pool, mod.ThreadPool)


def _call(mod, name, original):
    blocking = name in _BLOCKING

    def call(self, *args, **kwargs):
        if getattr(_inside, "call", False) or not _is_process_pool(self, mod):
            return original(self, *args, **kwargs)  # apply() calls apply_async(): one mark
        line = _safely(caller_line)
        items = _safely(_count, args[1] if len(args) > 1 else kwargs.get("iterable")) if name not in (
            "apply", "apply_async") else 1
        _send("pool", what="call", call=name, pool=key_of(self), items=items, line=line)
        _inside.call = True
        try:
            result = original(self, *args, **kwargs)
        except BaseException as error:
            if blocking:
                _send("pool", what="raised", call=name, pool=key_of(self), error=type(error).__name__, line=line)
            drop_own_frames(error)
            raise
        finally:
            _inside.call = False
        if blocking:
            count = len(result) if isinstance(result, list) else 1
            _send("pool", what="returned", call=name, pool=key_of(self), count=count, line=line)
        return result

    call.__name__ = call.__qualname__ = name
    call.__doc__ = original.__doc__
    return call


def _count(iterable):
    return len(iterable) if hasattr(iterable, "__len__") else None
