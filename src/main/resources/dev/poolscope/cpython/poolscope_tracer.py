"""PoolScope's tracer: tells PoolScope what multiprocessing does in this process.

Loaded by PoolScope's sitecustomize in every Python process of a run (PYTHONPATH is inherited
by fork, spawn and forkserver children alike). Each process opens its own connection to the
Unix socket named by POOLSCOPE_EVENTS and writes one JSON object per line; what the program
prints travels there too, as JSON strings, so program output can never be read as an event.
Times are time.monotonic_ns(): CLOCK_MONOTONIC, the clock Java's System.nanoTime() reads.

The program itself runs unchanged. The places patched, identical in CPython 3.8 to 3.13:
  multiprocessing.process.BaseProcess  _bootstrap (first thing in every child), start, join,
                                       is_alive, terminate, kill (in the parent)
  multiprocessing.pool.worker          the body of every Pool worker process
  multiprocessing.pool.*Result._set    a result reaching the process that asked for it
  multiprocessing.popen_*.Popen.poll   the parent learning a child's exit code
Every patch swallows its own errors: a broken tracer must never break the program.
"""
import _thread
import atexit
import json
import os
import reprlib
import signal
import socket
import sys
import threading
import time
from json.encoder import encode_basestring_ascii as _quote

_MAX_NAME = 200
_MAX_TEXT = 2000

_path = None
_conn = None
_send_lock = None
_lines_lock = None
_streams = []
_worker_end = None
_base_run = None


def install():
    global _path
    if sys.version_info < (3, 8):
        return
    _path = os.environ["POOLSCOPE_EVENTS"]
    _connect()
    os.register_at_fork(after_in_child=_after_fork_in_child)
    sys.meta_path.insert(0, _PatchingFinder())
    for name in list(_PATCHES):
        module = sys.modules.get(name)
        if module is not None:
            _safely(_PATCHES[name], module)
    sys.stdout = _Lines(sys.stdout, 1)
    sys.stderr = _Lines(sys.stderr, 2)
    atexit.register(_flush_lines)


# ---- the channel ----------------------------------------------------------------------------

def _connect():
    global _conn, _send_lock, _lines_lock
    _send_lock = threading.Lock()
    _lines_lock = threading.Lock()
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(_path)
    except OSError:
        _conn = None
        return
    _conn = conn
    _send("hello", pid=os.getpid(), ppid=os.getppid(), version=list(sys.version_info[:3]),
          exe=sys.executable)
    # PoolScope never writes to us: the connection ends only when PoolScope is gone or has
    # stopped the run, and then this process must not outlive it (not even a busy child whose
    # parent already died).
    _thread.start_new_thread(_die_with_poolscope, (conn,))


def _die_with_poolscope(conn):
    try:
        while conn.recv(64):
            pass
    except OSError:
        return  # closed by this process itself (after a fork): not PoolScope going away
    os.kill(os.getpid(), signal.SIGKILL)


def _after_fork_in_child():
    global _conn
    old = _conn
    _conn = None
    if old is not None:
        try:
            old.close()  # the parent's connection: closing our copy leaves the parent's open
        except OSError:
            pass
    for stream in _streams:
        stream._part = ""
    _connect()


def _send(event, **fields):
    if _conn is None:
        return
    fields["e"] = event
    if "t" not in fields:
        fields["t"] = time.monotonic_ns()
    _write(json.dumps(fields, separators=(",", ":")) + "\n")


def _write(text):
    conn = _conn
    if conn is None:
        return
    data = text.encode("utf-8", "surrogatepass")
    with _send_lock:
        try:
            conn.sendall(data)
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


# ---- what the program prints ----------------------------------------------------------------

class _Lines(object):
    """sys.stdout / sys.stderr: whole lines go to PoolScope with this PID; the rest is the real stream's."""

    def __init__(self, inner, fd):
        self._inner = inner
        self._fd = fd
        self._part = ""
        _streams.append(self)

    def write(self, text):
        if _conn is None or not isinstance(text, str):
            return self._inner.write(text)
        with _lines_lock:
            lines = (self._part + text).split("\n")
            self._part = lines.pop()
            if len(self._part) > 8192:
                lines.append(self._part)
                self._part = ""
        for line in lines:
            _write('{"e":"out","t":%d,"fd":%d,"text":%s}\n' % (time.monotonic_ns(), self._fd, _quote(line)))
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
            _send("out", fd=self._fd, text=part)

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _flush_lines():
    for stream in _streams:
        _safely(stream.finish)


# ---- names and values as short text -------------------------------------------------------------

_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlist = _short.maxtuple = _short.maxset = 8
_short.maxdict = 4
_short.maxlevel = 3


def _cut(text, limit):
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


_PLAIN = (int, float, bool, type(None))


def _value_text(value):
    # repr() of a number is short and quick; anything else goes through reprlib's size limits.
    if type(value) in _PLAIN or (type(value) is str and len(value) <= 60):
        return repr(value)
    return _short.repr(value)


def _call_text(function, args, kwargs):
    name = getattr(function, "__name__", None) or _short.repr(function)
    parts = [_value_text(a) for a in args]
    parts += ["%s=%s" % (k, _value_text(v)) for k, v in kwargs.items()]
    return _cut("%s(%s)" % (name, ", ".join(parts)), _MAX_NAME)


def _result_text(value):
    return None if value is None else _cut(_value_text(value), _MAX_TEXT)


def _error_text(error):
    return _cut("%s: %s" % (type(error).__name__, error), _MAX_TEXT)


def _pid_of(process):
    try:
        return process.pid
    except Exception:
        return None


# ---- patching modules as they are imported ------------------------------------------------------

class _PatchingFinder(object):
    """Finds the multiprocessing modules with the other finders, and patches them once loaded."""

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
        _safely(_child_begins, self)
        code = 1
        try:
            code = bootstrap(self, *args, **kwargs)
            return code
        finally:
            _safely(_child_ends, code)

    def start_(self):
        role = _safely(_role_of, self)
        if role is not None:
            self._poolscope_role = role  # travels with the process object to a spawned child
        at = time.monotonic_ns()
        start(self)
        if role is not None:
            _send("started", child=_pid_of(self), role=role, t=at, done=time.monotonic_ns())

    def join_(self, timeout=None):
        mine = _is_program_process(self)
        if mine:
            _send("mark", kind="join", child=_pid_of(self), timeout=timeout)
        try:
            return join(self, timeout)
        finally:
            if mine:
                popen = getattr(self, "_popen", None)
                _send("mark", kind="joined", child=_pid_of(self),
                      code=getattr(popen, "returncode", None))

    def is_alive_(self):
        answer = is_alive(self)
        if _is_program_process(self) and getattr(self, "_poolscope_alive", None) != answer:
            self._poolscope_alive = answer  # a polling loop reports each change, not each call
            _send("mark", kind="alive", child=_pid_of(self), answer=answer)
        return answer

    def terminate_(self):
        _send("signal", child=_pid_of(self), sig="SIGTERM")
        return terminate(self)

    def kill_(self):
        _send("signal", child=_pid_of(self), sig="SIGKILL")
        return kill(self)

    base._bootstrap, base.start, base.join, base.is_alive = _bootstrap, start_, join_, is_alive_
    base.terminate, base.kill = terminate_, kill_


def _is_program_process(process):
    role = getattr(process, "_poolscope_role", None)
    return role is not None and role.get("kind") == "process"


def _role_of(process):
    target = getattr(process, "_target", None)
    args = getattr(process, "_args", ())
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
            "ident": list(process._identity)}


def _child_begins(process):
    role = getattr(process, "_poolscope_role", None)
    if role is None:
        return
    _send("child", role=role, creator=process._parent_pid, pid=os.getpid())
    if role.get("kind") == "process":
        process.run = _TracedRun(process, role.get("label"))


def _child_ends(code):
    _flush_lines()
    _send("bye", code=code, why=_worker_end)


class _TracedRun(object):
    """A Process's run(): one bar from the target's start to its end."""

    def __init__(self, process, label):
        self._process = process
        self._label = label

    def __call__(self):
        process = self._process
        _send("task0", name=self._label, job=-1, chunk=-1, k=0)
        try:
            if type(process).run is _base_run and process._target is not None:
                # BaseProcess.run itself, called here so the target's return value can be shown.
                result = process._target(*process._args, **process._kwargs)
            else:
                result = type(process).run(process)
        except SystemExit as stop:
            ok = stop.code in (None, 0)
            _send("task1", ok=ok, error=None if ok else "SystemExit: %s" % (stop.code,))
            raise
        except BaseException as error:
            _send("task1", ok=False, error=_error_text(error))
            raise
        _send("task1", ok=True, result=_result_text(result))


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
            _send("reaped", child=self.pid, code=code)
        return code

    popen.poll = poll_


def _patch_context(mod):
    method = os.environ.get("POOLSCOPE_START_METHOD")
    if method and method in getattr(mod, "_concrete_contexts", {}):
        # The default, not a choice made: the program may still call set_start_method itself.
        mod._default_context._default_context = mod._concrete_contexts[method]


_PATCHES = {
    "multiprocessing.context": _patch_context,
    "multiprocessing.process": _patch_process,
    "multiprocessing.pool": _patch_pool,
    "multiprocessing.popen_fork": _patch_popen,
    "multiprocessing.popen_forkserver": _patch_popen,
}
