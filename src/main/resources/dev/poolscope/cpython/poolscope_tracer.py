"""PoolScope's tracer: tells PoolScope what multiprocessing does in this process.

Loaded by PoolScope's sitecustomize in every Python process of a run (PYTHONPATH is inherited
by fork, spawn and forkserver children alike). Each process opens its own connection to the
Unix socket named by POOLSCOPE_EVENTS and writes one JSON object per line; what the program
prints travels there too, as JSON strings, so program output can never be read as an event.
Times are time.monotonic_ns() taken when the thing happened, in the process it happened in:
CLOCK_MONOTONIC, the clock Java's System.nanoTime() reads. The messages are defined in
docs/tracer-protocol.md; KINDS below lists them (a test checks Java knows the same list).

So that tracing does not change what it shows, messages are buffered and sent in batches: a
flusher thread sends what is pending a few milliseconds after the first message of a batch,
and every exit (a child's end, the interpreter's atexit, os._exit) sends the rest at once.

The program itself runs unchanged. The places patched, identical in CPython 3.8 to 3.13:
  multiprocessing.process.BaseProcess  _bootstrap (first thing in every child), start, join,
                                       is_alive, terminate, kill (in the parent)
  multiprocessing.pool                 in poolscope_pool: workers, queueing, results, Pool calls
  multiprocessing.popen_*.Popen.poll   the parent learning a child's exit code
Every patch swallows its own errors: a broken tracer must never break the program. Other
modules hook more places with register(module_name, patch_function).
"""
import _socket
import _thread
import atexit
import os
import signal
import socket
import sys
import time
from functools import partial as _partial
from json.encoder import encode_basestring_ascii as _quote

# Every message kind the tracer sends ("e" field). Java: dev.poolscope.cpython.TracerMessage.
KINDS = ("hello", "out", "started", "child", "bye", "exit", "error", "task0", "task1", "init0", "init1",
         "ready", "queued", "result", "mark", "signal", "reaped", "pool")

_MAX_NAME = 200
_MAX_TEXT = 2000
#: How long the first message of a batch waits for company before the batch is sent.
FLUSH_SECONDS = 0.004

_path = None
_conn = None
_main_pid = None
_streams = []
_worker_end = None
_base_run = None
_pending = []
_pending_lock = None
_send_lock = None
_wake = None
_armed = False
_flusher_started = False
#: The die-with-PoolScope connection this process holds (see _watch_poolscope), or None.
_watch = None
#: The hello's fields that are the same in every process of the run, encoded once.
_hello_rest = None


def install():
    global _path, _main_pid, _hello_rest
    if sys.version_info < (3, 8):
        return
    _path = os.environ["POOLSCOPE_EVENTS"]
    _main_pid = os.getpid() if os.environ.get("POOLSCOPE_MAIN_PID") is None else None
    os.environ["POOLSCOPE_MAIN_PID"] = str(os.getpid())  # so a spawned child knows it is not the main process
    _hello_rest = '"version":[%d,%d,%d],"exe":%s' % (sys.version_info[:3] + (_quote(sys.executable or ""),))
    _watch_poolscope()
    _connect()
    os.register_at_fork(after_in_child=_after_fork_in_child)
    sys.meta_path.insert(0, _PatchingFinder())
    for name in list(_PATCHES):
        module = sys.modules.get(name)
        if module is not None:
            _safely(_PATCHES[name], module)
    sys.stdout = _Lines(sys.stdout, 1)
    sys.stderr = _Lines(sys.stderr, 2)
    if _main_pid is not None:
        _watch_the_main_process()
    atexit.register(_at_exit)


def register(name, patch):
    """Patches module `name` with patch(module) when it is imported (at once, if it already is)."""
    _PATCHES[name] = patch
    module = sys.modules.get(name)
    if module is not None:
        _safely(patch, module)


# ---- the channel ----------------------------------------------------------------------------

def _connect():
    """This process's own connection. Its hello waits in the queue for the first batch."""
    global _conn, _pending, _pending_lock, _send_lock, _wake, _armed, _flusher_started
    _pending = []
    _pending_lock = _thread.allocate_lock()
    _send_lock = _thread.allocate_lock()
    _wake = _thread.allocate_lock()
    _wake.acquire()
    _armed = False
    _flusher_started = False
    try:
        conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)  # the C socket: no Python code at fork
        conn.connect(_path)
    except OSError:
        _conn = None
        return
    _conn = conn
    _pending.append('{"e":"hello","t":%d,"pid":%d,"ppid":%d,%s}\n' % (time.monotonic_ns(), os.getpid(), os.getppid(),
                                                                       _hello_rest))
    if _watch is None:
        _thread.start_new_thread(_die_with_poolscope, (conn,))


def _watch_poolscope():
    """
    This process must not outlive PoolScope (not even a busy child whose parent already died).
    PoolScope never writes to us: a connection ends only when PoolScope is gone or has stopped
    the run. The cheap way, when the program has a process group of its own (PoolScope starts it
    so): one connection that nobody writes to, set so that the kernel sends SIGKILL to the whole
    group when PoolScope's end closes (O_ASYNC, F_SETOWN to the group, F_SETSIG). Forked children
    inherit it and need nothing at fork; a spawned process (or the forkserver) opens its own.
    Else each process watches its own connection with a thread.
    """
    global _watch
    try:
        import fcntl
        group = os.getpgrp()
        if group != os.getpid() and os.environ.get("POOLSCOPE_GROUP") != str(group):
            return  # not PoolScope's group: the program's own arrangement, or no setsid
        watch = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        watch.connect(_path)
        fd = watch.fileno()
        fcntl.fcntl(fd, fcntl.F_SETOWN, -group)
        fcntl.fcntl(fd, fcntl.F_SETSIG, signal.SIGKILL)
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_ASYNC)
    except Exception:
        return
    _watch = watch
    os.environ["POOLSCOPE_GROUP"] = str(group)


def _die_with_poolscope(conn):
    try:
        while conn.recv(64):
            pass
    except OSError:
        return  # closed by this process itself (after a fork): not PoolScope going away
    os.kill(os.getpid(), signal.SIGKILL)


def _flusher(conn):
    """Sends a batch FLUSH_SECONDS after its first message; started with the first batch that needs it."""
    while _conn is conn:
        time.sleep(FLUSH_SECONDS)
        if _conn is not conn:
            return
        flush()
        _wake.acquire()


def _after_fork_in_child():
    global _conn
    old = _conn
    _conn = None  # the parent's flusher and pending messages stay the parent's
    if old is not None:
        try:
            old.close()  # the parent's connection: closing our copy leaves the parent's open
        except OSError:
            pass
    for stream in _streams:
        if stream._part:  # (only then written: each page written in a child just forked is copied)
            stream._part = ""
    _connect()


def _line(event, fields):
    if "t" not in fields:
        fields["t"] = time.monotonic_ns()
    return '{"e":"%s",%s}\n' % (event, _json_fields(fields))


class _Raw(str):
    """Text that is JSON already (a role encoded once in the parent and reused by the child)."""


_FLOAT = float


def _encode(value):
    """JSON for the tracer's own values (str, int, float, bool, None, lists, dicts). Cheaper than
    json.dumps, which builds an encoder per call: in a child just forked, every page the tracer
    touches is a copy-on-write fault."""
    kind = type(value)
    if kind is str:
        return _quote(value)
    if kind is int:
        return "%d" % value
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is _Raw:
        return value
    if kind is dict:
        return "{%s}" % _json_fields(value)
    if kind is list or kind is tuple:
        try:
            return "[%s]" % ",".join(map(_quote, value))  # the common case: names, all text
        except TypeError:
            return "[%s]" % ",".join([_encode(v) for v in value])
    if kind is _FLOAT:
        return repr(value) if value - value == 0 else "null"  # NaN and infinities are not JSON
    if isinstance(value, int):
        return "%d" % value
    return _quote(str(value))


def _send(event, **fields):
    if _conn is None:
        return
    _write(_line(event, fields))


def _json_fields(fields):
    return ",".join([_quote(str(k)) + ":" + _encode(v) for k, v in fields.items()])


def _write(text):
    """Queues one message line; the flusher sends it within FLUSH_SECONDS."""
    if _conn is None:
        return
    _pending.append(text)  # atomic: flush() takes whole messages from the front, never the list
    if not _armed:
        _arm()


def _arm():
    """A batch has begun: the flusher sends it in FLUSH_SECONDS (started now if it is not running yet)."""
    global _armed, _flusher_started
    _armed = True
    if not _flusher_started:
        with _pending_lock:
            if _flusher_started:
                return
            _flusher_started = True
        _thread.start_new_thread(_flusher, (_conn,))
        return
    try:
        _wake.release()
    except RuntimeError:
        pass  # the flusher is already awake


def _queue(text):
    """Queues one message line that a flush() right after sends: no flusher needed."""
    if _conn is not None:
        _pending.append(text)


def flush():
    """Sends every queued message now, in order."""
    global _armed
    conn = _conn
    if conn is None:
        return
    with _send_lock:
        _armed = False  # a message queued from now on arms the flusher again
        n = len(_pending)
        if not n:
            return
        data = "".join(_pending[:n])
        del _pending[:n]
        try:
            conn.sendall(data.encode("utf-8", "surrogatepass"))
        except OSError:
            pass


# The per-item messages are the hot path (two per task item): written by hand, not by json.dumps.

def _task0_line(name, job, chunk, k):
    return '{"e":"task0","t":%d,"job":%d,"chunk":%d,"k":%d,"name":%s}\n' % (
        time.monotonic_ns(), job, chunk, k, _quote(name))


def _task1_line(ok, result, error):
    if ok:
        return '{"e":"task1","t":%d,"ok":true,"result":%s}\n' % (
            time.monotonic_ns(), "null" if result is None else _quote(result))
    return '{"e":"task1","t":%d,"ok":false,"error":%s}\n' % (time.monotonic_ns(), _quote(error))


def _safely(function, *args):
    try:
        return function(*args)
    except Exception:
        return None


# ---- where in the program a call was made ------------------------------------------------------

_library = {}



def _wrap_pool_task(task, pool, wrap):
    """A Pool task (job, chunk, function, args, kwargs) with the user's function wrapped by
    wrap(function, job, chunk, count): inside mapstar/starmapstar for a chunk of count items,
    else the call itself. `pool` is the multiprocessing.pool module (where mapstar lives)."""
    job, chunk, function, args, kwargs = task
    if function is pool.mapstar or function is pool.starmapstar:
        user_function, items = args[0]
        count = len(items) if hasattr(items, "__len__") else 1
        return job, chunk, function, ((wrap(user_function, job, chunk, count), items),), kwargs
    return job, chunk, wrap(function, job, chunk, 1), args, kwargs

def _pool_task_calls(task, pool):
    """A Pool task (job, chunk, function, args, kwargs) as (job, chunk, [each item's call text]):
    a chunk of mapstar/starmapstar items, or the one call. `pool` is multiprocessing.pool."""
    job, chunk, function, args, kwargs = task
    if function is pool.mapstar or function is pool.starmapstar:
        user_function, items = args[0]
        return job, chunk, _call_texts(user_function, items, function is pool.starmapstar)
    return job, chunk, [_call_text(function, args, kwargs)]


def _is_library(code):
    known = _library.get(code)
    if known is None:
        name = code.co_filename
        base = os.path.basename(name)
        known = (name.startswith("<frozen") or os.path.basename(os.path.dirname(name)) in _LIBRARY_DIRS
                 or base in _LIBRARY_FILES or base.startswith("poolscope_"))
        _library[code] = known
    return known


_LIBRARY_DIRS = {"multiprocessing", "concurrent", "futures"}
_LIBRARY_FILES = {"threading.py", "sitecustomize.py"}


def caller_line():
    """The program's line that made the call being traced: the first frame outside the library."""
    frame = sys._getframe(2)
    while frame is not None and _is_library(frame.f_code):
        frame = frame.f_back
    return frame.f_lineno if frame is not None else None


# ---- what the program prints ----------------------------------------------------------------

_PART_MAX = 1 << 16


class _Lines(object):
    """sys.stdout / sys.stderr: whole lines go to PoolScope with this PID and the time they were written."""

    def __init__(self, inner, fd):
        self._inner = inner
        self._fd = fd
        self._part = ""
        # A line longer than _PART_MAX is sent in pieces as it comes (so a stream without a
        # newline holds no more than that); the newline that ends it then ends no new line.
        self._piece_sent = False
        self._lock = _thread.allocate_lock()
        _streams.append(self)

    def write(self, text):
        if _conn is None or not isinstance(text, str):
            return self._inner.write(text)
        at = time.monotonic_ns()
        with self._lock:
            lines = (self._part + text).split("\n")
            self._part = lines.pop()
            if self._piece_sent and lines:
                self._piece_sent = False
                if not lines[0]:
                    del lines[0]  # the end of a line already sent in pieces, not an empty line
            if len(self._part) > _PART_MAX:
                lines.append(self._part)
                self._part = ""
                self._piece_sent = True
        tid = _thread.get_native_id()  # the writing thread's TID: a thread lane's line goes on that lane
        for line in lines:
            _queue('{"e":"out","t":%d,"fd":%d,"tid":%d,"text":%s}\n' % (at, self._fd, tid, _quote(line)))
        if lines:
            flush()  # a printed line is shown as soon as it is written (with what waited before it)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        try:
            self._inner.flush()
        except Exception:
            pass

    def finish(self):
        if self._part:
            part, self._part = self._part, ""
            _queue(_line("out", {"fd": self._fd, "text": part}))  # a flush follows (exit)

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _flush_lines():
    for stream in _streams:
        _safely(stream.finish)


# ---- the main process: its end and its failure ---------------------------------------------------

def _at_exit():
    _flush_lines()
    if os.getpid() == _main_pid:
        _queue(_line("exit", {}))  # the interpreter ended on its own: its exit status is an exit code, not a signal
    flush()


def _watch_the_main_process():
    hook = sys.excepthook
    exit_now = os._exit

    def excepthook(kind, value, tb):
        _safely(_report_failure, kind, value, tb)
        tb = _safely(_without_tracer_frames_in_chain, value, tb) or tb  # the program's frames only
        return hook(kind, value, tb)

    def _exit(code):
        if os.getpid() == _main_pid:
            _safely(_flush_lines)
            _queue(_line("exit", {"code": code}))
        flush()
        exit_now(code)

    sys.excepthook = excepthook
    os._exit = _exit


def _report_failure(kind, value, tb):
    """An exception that ends the main process: its type, message and the program's line."""
    program = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else None
    line, where = None, None
    if issubclass(kind, SyntaxError) and getattr(value, "lineno", None):
        line, where = value.lineno, getattr(value, "filename", None)
    while tb is not None:
        code = tb.tb_frame.f_code
        if not _is_library(code):
            line, where = tb.tb_lineno, code.co_filename
        tb = tb.tb_next
    message = value.msg if issubclass(kind, SyntaxError) and getattr(value, "msg", None) else str(value)
    _queue(_line("error", dict(type=kind.__name__, message=_cut(message, _MAX_TEXT), line=line, file=where,
                               program=where is not None and program is not None and os.path.abspath(where) == program)))
    flush()


# ---- names and values as short text -------------------------------------------------------------

_short = None


def _shortener():
    global _short
    if _short is None:
        import reprlib
        _short = reprlib.Repr()
        _short.maxstring = 60
        _short.maxother = 60
        _short.maxlist = _short.maxtuple = _short.maxset = 8
        _short.maxdict = 4
        _short.maxlevel = 3
    return _short


def _cut(text, limit):
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


_PLAIN = (int, float, bool, type(None))


def _value_text(value):
    # repr() of a number is short and quick; anything else goes through reprlib's size limits.
    if type(value) in _PLAIN or (type(value) is str and len(value) <= 60):
        return repr(value)
    return _shortener().repr(value)


def _call_text(function, args, kwargs):
    name = getattr(function, "__name__", None) or _shortener().repr(function)
    parts = [_value_text(a) for a in args]
    if kwargs:
        parts += ["%s=%s" % (k, _value_text(v)) for k, v in kwargs.items()]
    return _cut("%s(%s)" % (name, ", ".join(parts)), _MAX_NAME)


def _call_texts(function, items, star):
    """Every item of a map as a call: _call_text's text, the function's name looked up once."""
    if star:
        return [_call_text(function, item, {}) for item in items]
    name = getattr(function, "__name__", None)
    if not name or not isinstance(name, str):
        return [_call_text(function, (item,), {}) for item in items]
    return [_cut("%s(%s)" % (name, _value_text(item)), _MAX_NAME) for item in items]


def _result_text(value):
    return None if value is None else _cut(_value_text(value), _MAX_TEXT)


def _error_text(error):
    return _cut("%s: %s" % (type(error).__name__, error), _MAX_TEXT)


def _pid_of(process):
    try:
        return process.pid
    except Exception:
        return None


def drop_own_frames(error):
    """
    Takes the tracer's frames out of an exception passing through a patch. Call it in the
    patch's except block, then re-raise with a bare raise (on 3.11+ that adds no frame back).
    """
    error.__traceback__ = _safely(without_tracer_frames, error.__traceback__) or error.__traceback__


def without_tracer_frames(tb):
    """The traceback less the tracer's own frames (what the program's user should see)."""
    import types
    kept = []
    while tb is not None:
        if not os.path.basename(tb.tb_frame.f_code.co_filename).startswith("poolscope_"):
            kept.append(tb)
        tb = tb.tb_next
    out = None
    for entry in reversed(kept):
        out = types.TracebackType(out, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return out


def _without_tracer_frames_in_chain(value, tb):
    """
    Takes the tracer's frames out of an exception about to be printed, and out of the exceptions
    it was raised from (the printer shows each one's __traceback__); returns tb less them.
    """
    seen = set()
    error = value
    while isinstance(error, BaseException) and id(error) not in seen:
        seen.add(id(error))
        kept = without_tracer_frames(error.__traceback__)
        if kept is not None:
            error.__traceback__ = kept
        error = error.__cause__ if error.__cause__ is not None else error.__context__
    return without_tracer_frames(tb)


def _patch_traceback(mod):
    """
    Python 3.8 to 3.10: re-raising in a patch puts the patch's frame back into the traceback
    (3.11 and later leave it out). What the traceback module prints (a Process target's failure,
    printed by multiprocessing with traceback.print_exc; a program's own print_exc; logging)
    walks the traceback with walk_tb: that walk skips the tracer's frames.
    """
    if sys.version_info >= (3, 11):
        return
    walk = mod.walk_tb

    def walk_tb(tb):
        for frame, line in walk(tb):
            if not os.path.basename(frame.f_code.co_filename).startswith("poolscope_"):
                yield frame, line

    walk_tb.__doc__ = walk.__doc__
    mod.walk_tb = walk_tb


def _patch_thread_excepthook(mod):
    """A thread's uncaught exception, as threading.excepthook prints it: the program's frames only."""
    hook = getattr(mod, "excepthook", None)
    if hook is None:
        return

    def excepthook(args):
        _safely(_without_tracer_frames_in_chain, args.exc_value, args.exc_traceback)
        return hook(args)

    mod.excepthook = excepthook


def _patch_executor_tracebacks(mod):
    """
    A ProcessPoolExecutor worker's exception goes to the caller with its traceback as text
    (_ExceptionWithTraceback), made in the worker: made without the tracer's frames.
    """
    cls = getattr(mod, "_ExceptionWithTraceback", None)
    if cls is None:
        return
    init = cls.__init__

    def __init__(self, exc, tb, *rest):
        init(self, exc, _safely(without_tracer_frames, tb) or tb, *rest)

    cls.__init__ = __init__


# ---- patching modules as they are imported ------------------------------------------------------

class _PatchingFinder(object):
    """Finds the patched modules with the other finders, and patches them once loaded."""

    def find_spec(self, name, path=None, target=None):
        patch = _PATCHES.get(name)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        original = spec.loader.exec_module

        def exec_module(module):
            original(module)
            _safely(patch, module)

        spec.loader.exec_module = exec_module
        return spec


def _patch_process(mod):
    global _base_run
    base = mod.BaseProcess
    _base_run = base.run
    bootstrap, start, join, is_alive = base._bootstrap, base.start, base.join, base.is_alive
    terminate, kill = base.terminate, base.kill

    def _bootstrap(self, *args, **kwargs):
        # (try/except here rather than _safely: in a child just forked, each function run is a page copied)
        try:
            _child_begins(self)
        except Exception:
            pass
        code = 1
        try:
            code = bootstrap(self, *args, **kwargs)
            return code
        finally:
            try:
                _child_ends(code)
            except Exception:
                pass

    def start_(self):
        role = _safely(_role_of, self)
        if role is not None:
            if role.get("kind") == "process":
                role["line"] = _safely(caller_line)
            self._poolscope_role = role  # travels with the process object to a spawned child
            self._poolscope_role_json = _Raw(_encode(role))  # encoded once, for the child's word too
        at = time.monotonic_ns()
        start(self)
        if role is not None and _conn is not None:
            _write('{"e":"started","t":%d,"child":%s,"role":%s,"done":%d}\n' % (
                at, _encode(_pid_of(self)), self._poolscope_role_json, time.monotonic_ns()))

    def join_(self, timeout=None):
        mine = _is_program_process(self)
        if mine:
            if _safely(_called_at_exit):  # multiprocessing's own join of every child left, at the main's exit
                _send("mark", kind="join", child=_pid_of(self), timeout=timeout, by="exit")
            else:
                _write('{"e":"mark","t":%d,"kind":"join","child":%s,"timeout":%s,"line":%s}\n' % (
                    time.monotonic_ns(), _encode(_pid_of(self)), _encode(timeout), _encode(_safely(caller_line))))
        try:
            return join(self, timeout)
        finally:
            if mine:
                popen = getattr(self, "_popen", None)
                _write('{"e":"mark","t":%d,"kind":"joined","child":%s,"code":%s}\n' % (
                    time.monotonic_ns(), _encode(_pid_of(self)), _encode(getattr(popen, "returncode", None))))

    def is_alive_(self):
        answer = is_alive(self)
        if _is_program_process(self) and getattr(self, "_poolscope_alive", None) != answer:
            self._poolscope_alive = answer  # a polling loop reports each change, not each call
            _send("mark", kind="alive", child=_pid_of(self), answer=answer, line=_safely(caller_line))
        return answer

    def terminate_(self):
        _send("signal", child=_pid_of(self), sig="SIGTERM", line=_safely(caller_line))
        return terminate(self)

    def kill_(self):
        _send("signal", child=_pid_of(self), sig="SIGKILL", line=_safely(caller_line))
        return kill(self)

    base._bootstrap, base.start, base.join, base.is_alive = _bootstrap, start_, join_, is_alive_
    base.terminate, base.kill = terminate_, kill_


def _is_program_process(process):
    role = getattr(process, "_poolscope_role", None)
    return role is not None and role.get("kind") == "process"


def _role_of(process):
    target = getattr(process, "_target", None)
    args = getattr(process, "_args", ())
    executor = poolscope_futures.role_of(process, target, args)  # a ProcessPoolExecutor's worker
    if executor is not None:
        return executor
    pool = sys.modules.get("multiprocessing.pool")
    if pool is not None and target is getattr(pool, "worker", None) and len(args) >= 5:
        return {"kind": "pool", "pool": "%d:%d" % (os.getpid(), id(args[0])), "name": process.name,
                "maxtasks": args[4], "init": args[2] is not None,
                "initName": getattr(args[2], "__name__", None), "ident": list(process._identity)}
    if target is not None:
        label = _call_text(target, args, getattr(process, "_kwargs", {}) or {})
    else:
        label = "%s.run()" % type(process).__name__
    return {"kind": "process", "name": process.name, "label": label,
            "ident": list(process._identity), "daemon": bool(process.daemon)}


def _child_begins(process):
    role = getattr(process, "_poolscope_role", None)
    if role is None:
        return
    child = '{"e":"child","t":%d,"role":%s,"creator":%s,"pid":%d}\n' % (
        time.monotonic_ns(), getattr(process, "_poolscope_role_json", None) or _encode(role),
        _encode(process._parent_pid), os.getpid())
    if role.get("kind") == "process":
        if _conn is not None:
            _pending.append(child)  # sent with the target's start: a Process child needs no flusher thread
        process.run = _partial(_traced_run, process, role.get("label") or "")
    else:
        _write(child)


def _child_ends(code):
    for stream in _streams:
        if stream._part:
            stream.finish()
    if _conn is not None:
        _pending.append('{"e":"bye","t":%d,"code":%s,"why":%s}\n' % (
            time.monotonic_ns(), "%d" % code if type(code) is int else _encode(code),
            "null" if _worker_end is None else _quote(_worker_end)))
    flush()


def _traced_run(process, label):
    """
    A Process's run(): one bar from the target's start to its end. Written out in one function:
    in a child just forked, each function the tracer runs is a page copied.
    """
    if _conn is not None:
        _pending.append('{"e":"task0","t":%d,"job":-1,"chunk":-1,"k":0,"name":%s}\n' % (time.monotonic_ns(), _quote(label)))
    flush()  # the hello, the child's word and its start, in one send, before the target runs
    try:
        if type(process).run is _base_run and process._target is not None:
            # BaseProcess.run itself, called here so the target's return value can be shown.
            result = process._target(*process._args, **process._kwargs)
        else:
            result = type(process).run(process)
    except SystemExit as stop:
        ok = stop.code in (None, 0)
        _last_word(_task1_line(ok, None, None if ok else "SystemExit: %s" % (stop.code,)))
        raise
    except BaseException as error:
        _last_word(_task1_line(False, None, _error_text(error)))
        drop_own_frames(error)
        raise
    end = '{"e":"task1","t":%d,"ok":true,"result":%s}\n' % (
        time.monotonic_ns(), "null" if result is None else _quote(_result_text(result)))
    if _flusher_started or _conn is None:
        _write(end)
        return
    _pending.append(end)
    process_module, util = sys.modules.get("multiprocessing.process"), sys.modules.get("multiprocessing.util")
    if getattr(process_module, "_children", None) or getattr(util, "_finalizer_registry", None):
        flush()


def _last_word(text):
    """
    A Process target's end: sent with the child's bye (one send), unless its exit may wait
    (children to join, finalizers such as a Queue's feeder to run) or a flusher already runs.
    """
    if _flusher_started:
        _write(text)
        return
    _queue(text)
    process, util = sys.modules.get("multiprocessing.process"), sys.modules.get("multiprocessing.util")
    if getattr(process, "_children", None) or getattr(util, "_finalizer_registry", None):
        flush()


# ---- Pool workers and their callers: in poolscope_pool ------------------------------------------

def _patch_pool(mod):
    import poolscope_pool
    poolscope_pool.patch(mod)


# ---- exits the parent sees, and the start method ---------------------------------------------------

def _patch_popen(mod):
    popen = mod.Popen
    poll = popen.__dict__.get("poll")
    if poll is None:
        return

    def poll_(self, *args, **kwargs):
        code = poll(self, *args, **kwargs)
        if code is not None and not getattr(self, "_poolscope_reaped", False):
            self._poolscope_reaped = True
            _write('{"e":"reaped","t":%d,"child":%s,"code":%s}\n' % (time.monotonic_ns(), _encode(self.pid), _encode(code)))
        return code

    popen.poll = poll_
    terminate = popen.__dict__.get("terminate")
    if terminate is not None:
        popen.terminate = _told_at_exit(terminate)


def _called_at_exit():
    """Whether the patched call was made by multiprocessing.util._exit_function (the main process's atexit)."""
    frame = sys._getframe(1)
    while frame is not None and os.path.basename(frame.f_code.co_filename).startswith("poolscope_"):
        frame = frame.f_back
    code = frame.f_code if frame is not None else None
    return (code is not None and code.co_name == "_exit_function"
            and os.path.basename(os.path.dirname(code.co_filename)) == "multiprocessing")


def _told_at_exit(terminate):
    """
    Popen.terminate: BaseProcess.terminate() calls it (told there), and so does multiprocessing's
    atexit for each daemon child still running when the main program ends: that one is told here.
    """

    def terminate_(self):
        if self.returncode is None and _safely(_called_at_exit):
            _send("signal", child=self.pid, sig="SIGTERM", by="exit")
            flush()  # the interpreter is ending: PoolScope hears it before the child's end
        return terminate(self)

    return terminate_


def _patch_context(mod):
    method = os.environ.get("POOLSCOPE_START_METHOD")
    if method and method in getattr(mod, "_concrete_contexts", {}):
        # The default, not a choice made: the program may still call set_start_method itself.
        mod._default_context._default_context = mod._concrete_contexts[method]


_PATCHES = {
    "traceback": _patch_traceback,
    "multiprocessing.context": _patch_context,
    "multiprocessing.process": _patch_process,
    "multiprocessing.pool": _patch_pool,
    "multiprocessing.popen_fork": _patch_popen,
    "multiprocessing.popen_forkserver": _patch_popen,
}

# Threads and ProcessPoolExecutor: in modules of their own, patched the same way.
import poolscope_futures  # noqa: E402 (they use this module's helpers, defined above)
import poolscope_threads  # noqa: E402
poolscope_threads.join(_PATCHES, poolscope_threads.PATCHES)
poolscope_threads.join(_PATCHES, poolscope_futures.PATCHES)
poolscope_threads.join(_PATCHES, {"threading": _patch_thread_excepthook,
                                  "concurrent.futures.process": _patch_executor_tracebacks})
KINDS = KINDS + poolscope_threads.KINDS + poolscope_futures.KINDS
