"""PoolScope's Dask driver: runs a scenario's tasks on a Dask cluster and tells PoolScope what happened.

    python3 poolscope_dask.py PROGRAM.py --mode map --workers 4 [--threads 1] [--scheduler tcp://HOST:PORT]

PROGRAM.py is the Python program the scenario stands for (the one the CPython engine runs); its
run_task and TASKS are taken from it and submitted to Dask, one Dask task per scenario task. Without
--scheduler a LocalCluster of worker processes is started and closed with the run; with it, the
driver connects to that cluster and never closes it.

Events go to PoolScope as JSON lines on the Unix socket named by POOLSCOPE_EVENTS, never on stdout.
Every time is in this process's CLOCK_MONOTONIC nanoseconds ("t"), which is Java's System.nanoTime()
on Linux. A task reports its start and end on its worker, in the worker's clock corrected by the
worker's own estimate of its offset to the scheduler (Worker.scheduler_delay, from its heartbeats);
the driver turns scheduler time into its monotonic clock with the round trip of smallest delay
(see align_to_scheduler). So bars from other machines line up through the scheduler's clock.
"""
import argparse
import contextlib
import importlib.util
import json
import logging
import os
import signal
import socket
import sys
import threading
import time
import uuid

try:
    from distributed.diagnostics.plugin import SchedulerPlugin
except ImportError:  # said in one line by main()
    SchedulerPlugin = object


def boot_id():
    """Processes that share a boot id share CLOCK_MONOTONIC: their times need no alignment."""
    try:
        with open("/proc/sys/kernel/random/boot_id") as f:
            return f.read().strip()
    except OSError:
        return None


_send_lock = threading.Lock()
_sock = None
_offset = 0.0  # scheduler time (s) minus this process's monotonic time (s)


def send(event, **fields):
    fields["e"] = event
    fields.setdefault("t", time.monotonic_ns())
    line = (json.dumps(fields, default=str) + "\n").encode("utf-8")
    with _send_lock:
        if _sock is not None:
            try:
                _sock.sendall(line)
            except OSError:
                pass


def to_monotonic_ns(scheduler_seconds):
    return int((scheduler_seconds - _offset) * 1e9)


def align_to_scheduler(client, rounds=7):
    """Offset of the scheduler's wall clock to our monotonic clock, NTP-style: the round trip with
    the smallest delay, its answer taken as read at the midpoint. Returns (offset s, delay s)."""
    best = None
    for _ in range(rounds):
        before = time.monotonic()
        there = client.run_on_scheduler(time.time)
        after = time.monotonic()
        candidate = (after - before, there - (before + after) / 2)
        if best is None or candidate[0] < best[0]:
            best = candidate
    return best[1], best[0]


class _Lines:
    """What a task prints, sent line by line as it prints it (Dask would leave it in the worker's log)."""

    def __init__(self, emit):
        self.emit = emit
        self.pending = ""

    def write(self, text):
        self.pending += text
        while "\n" in self.pending:
            line, self.pending = self.pending.split("\n", 1)
            self.emit(line)
        return len(text)

    def flush(self):
        pass

    def close(self):
        if self.pending:
            self.emit(self.pending)
            self.pending = ""


def traced_task(index, task, topic, program):
    """Runs on the worker's thread: says when the task starts and ends, in scheduler time.
    program: the scenario's run_task, cloudpickled by value (a remote worker cannot import it)."""
    import cloudpickle
    from distributed import get_worker

    worker = get_worker()
    run_task = cloudpickle.loads(program)
    # The worker's offset to the scheduler, taken once per worker process: Dask re-estimates it at
    # every heartbeat, and on a busy machine two estimates differ by more than a short task lasts.
    delay = getattr(worker, "_poolscope_delay", None)
    if delay is None:
        delay = worker._poolscope_delay = worker.scheduler_delay
    boot = boot_id()

    def tell(event, **fields):
        fields.update(e=event, i=index, w=worker.address, pid=os.getpid(), boot=boot,
                      mono=time.monotonic_ns(), ts=time.time() + delay)
        worker.log_event(topic, fields)

    tell("task0", tid=threading.get_native_id())
    lines = _Lines(lambda line: tell("out", text=line))
    try:
        with contextlib.redirect_stdout(lines):
            result = run_task(task)
        lines.close()
    except BaseException as e:
        lines.close()
        tell("task1", ok=False, error="%s: %s" % (type(e).__name__, e))
        raise
    tell("task1", ok=True, result=None if result is None else repr(result))
    return result


class PoolScopeWatch(SchedulerPlugin):
    """A SchedulerPlugin (defined here, so it travels to any scheduler by value): tells which
    tasks a lost worker was running and when a task goes back to waiting to be rerun. Every hook
    takes **kwargs: later Dask releases pass more arguments."""

    def __init__(self, topic, keys):
        self.topic = topic
        self.keys = set(keys)
        self.scheduler = None

    async def start(self, scheduler, **kwargs):
        self.scheduler = scheduler

    def remove_worker(self, scheduler=None, worker=None, **kwargs):
        s = scheduler or self.scheduler
        ws = s.workers.get(worker) if s is not None else None
        running = sorted(ts.key for ts in ws.processing) if ws is not None else []
        s.log_event(self.topic, {"e": "lost", "w": worker, "keys": [k for k in running if k in self.keys]})

    def add_worker(self, scheduler=None, worker=None, **kwargs):
        (scheduler or self.scheduler).log_event(self.topic, {"e": "joined", "w": worker})

    def transition(self, key, start, finish, *args, **kwargs):
        if key in self.keys and start == "processing" and finish in ("waiting", "released", "erred"):
            self.scheduler.log_event(self.topic, {"e": "transition", "key": key, "from": start, "to": finish})


def lanes(client, only=None):
    """Every worker (or the one at address only): address, name, host, PID (asked of the worker
    itself) and threads."""
    info = client.scheduler_info()["workers"]
    if only is not None:
        info = {a: w for a, w in info.items() if a == only}
    pids = client.run(os.getpid, workers=list(info)) if info else {}
    out = []
    for address, w in sorted(info.items(), key=lambda kv: (len(str(kv[1].get("name"))), str(kv[1].get("name")))):
        out.append({"w": address, "name": str(w.get("name", address)), "host": w.get("host", ""),
                    "pid": pids.get(address, w.get("pid")), "threads": w.get("nthreads", 1)})
    return out


def load_program(path):
    spec = importlib.util.spec_from_file_location("poolscope_scenario", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(argv):
    global _sock, _offset
    p = argparse.ArgumentParser()
    p.add_argument("program")
    p.add_argument("--mode", default="map")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--scheduler")
    a = p.parse_args(argv)

    signal.signal(signal.SIGTERM, _terminated)  # PoolScope's Stop: close the client (and our cluster) first
    _sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    _sock.connect(os.environ["POOLSCOPE_EVENTS"])
    send("hello", pid=os.getpid())
    try:
        import cloudpickle
        import distributed
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        send("fatal", why="this Python cannot import distributed (%s)" % e)
        return 3
    send("python", exe=sys.executable, version="%d.%d.%d" % sys.version_info[:3], dask=distributed.__version__)

    program = load_program(a.program)
    cloudpickle.register_pickle_by_value(program)  # remote workers cannot import a temp file
    logging.getLogger("distributed").setLevel(logging.ERROR)

    cluster = None
    if a.scheduler:
        try:
            client = Client(a.scheduler, timeout="10s")
        except (OSError, TimeoutError) as e:
            send("fatal", why="cannot reach the Dask scheduler at %s (%s)" % (a.scheduler, e))
            return 4
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=a.threads, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        client.wait_for_workers(a.workers)
    topic = "poolscope-" + uuid.uuid4().hex
    plugin_name = topic
    keys = ["%s-%d" % (task[1], i) for i, task in enumerate(program.TASKS)]
    try:
        _offset, delay = align_to_scheduler(client)
        send("cluster", address=client.scheduler.address, started=cluster is not None, delay=delay)
        workers = lanes(client)
        if not workers:
            send("fatal", why="the Dask scheduler at %s has no workers" % a.scheduler)
            return 5
        for w in workers:
            send("worker", **w)

        here = boot_id()

        def on_event(event):
            stamp, msg = event
            mono, ts = msg.pop("mono", None), msg.pop("ts", None)
            if mono is not None and msg.pop("boot", None) == here:
                msg["t"] = mono  # same machine: the worker's own monotonic clock is ours
            else:
                msg["t"] = to_monotonic_ns(ts if ts is not None else stamp)
            msg.pop("worker", None)
            if msg.get("e") == "joined":
                # a nanny's restarted worker, or a worker added to the cluster: a lane once its PID is known
                threading.Thread(target=joined, args=(msg["w"],), daemon=True).start()
                return
            send(msg.pop("e"), **msg)

        def joined(address):
            try:
                for w in lanes(client, only=address):
                    send("worker", **w)
            except Exception as e:  # the worker left again, or the run is closing
                send("note", text="could not ask worker %s for its PID: %s" % (address, e))

        client.subscribe_topic(topic, on_event)
        client.register_scheduler_plugin(PoolScopeWatch(topic, keys), name=plugin_name)
        send("submitting", n=len(program.TASKS))
        blob = cloudpickle.dumps(program.run_task)
        futures = [client.submit(traced_task, i, task, topic, blob, key=keys[i], pure=False)
                   for i, task in enumerate(program.TASKS)]
        index = {f.key: i for i, f in enumerate(futures)}
        failed = 0
        if a.mode in ("map", "imap", "process"):
            # map: results in input order, each as soon as it and every one before it is done
            for i, f in enumerate(futures):
                failed += deliver(i, f)
        else:
            for f in as_completed(futures):
                failed += deliver(index[f.key], f)
        time.sleep(0.05)  # the last task1 events travel through the scheduler behind the results
        return 1 if failed else 0
    finally:
        try:
            client.run_on_scheduler(_remove_plugin, name=plugin_name)
        except Exception:
            pass
        send("closing", started=cluster is not None)
        client.close()
        if cluster is not None:
            cluster.close()
        send("closed")


def _terminated(signum, frame):
    raise SystemExit(128 + signum)


def _remove_plugin(dask_scheduler=None, name=None):
    with contextlib.suppress(Exception):
        dask_scheduler.remove_plugin(name=name)


def deliver(i, future):
    try:
        result = future.result()
        send("result", i=i, ok=True, result=None if result is None else repr(result))
        return 0
    except Exception as e:
        send("result", i=i, ok=False, error="%s: %s" % (type(e).__name__, e))
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
