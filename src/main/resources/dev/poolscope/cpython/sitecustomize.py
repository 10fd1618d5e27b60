# PoolScope puts this directory first on PYTHONPATH for a program it runs, so every Python
# process of the run (the program, and children started by fork, spawn or forkserver, which
# inherit the environment) loads the tracer before any of the program's code runs.
import os
import sys

if os.environ.get("POOLSCOPE_EVENTS"):
    try:
        import poolscope_tracer
        poolscope_tracer.install()
    except Exception as error:  # the program must run even if the tracer cannot
        sys.__stderr__.write("poolscope: tracer not active: %r\n" % (error,))


def _chain_to_the_next_sitecustomize():
    """Runs the sitecustomize this one hides (Debian's, a virtualenv's), as Python would have."""
    import importlib.machinery
    import importlib.util
    here = os.path.dirname(os.path.abspath(__file__))
    rest = [p for p in sys.path if os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", rest)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


try:
    _chain_to_the_next_sitecustomize()
except Exception:
    pass
