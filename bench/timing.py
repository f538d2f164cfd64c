"""Helpers the bench scripts share."""

import os
import socket
import statistics
import sys
import time


def median_ms(call, runs):
    """Median, min and max wall time of `call` over `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times), max(times)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Above this one-minute load average per core, a figure says more about the neighbours than about the
# portal: the benches print the load and publish nothing (issue 37: figures comparable run to run).
QUIET_LOAD_PER_CORE = 0.5


def machine_load():
    """(one-minute load average, cores) of this machine."""
    return os.getloadavg()[0], os.cpu_count() or 1


def require_quiet_machine(force=False, threshold=QUIET_LOAD_PER_CORE, wait_seconds=120):
    """Print the machine's load; wait up to `wait_seconds` for it to fall under `threshold` per core, then
    refuse (exit status 3) unless `force`, in which case the figures are printed marked as not comparable."""
    deadline = time.monotonic() + wait_seconds
    while True:
        load, cores = machine_load()
        quiet = load <= threshold * cores
        print(
            f"machine: {cores} cores, load average {load:.2f} (quiet under {threshold * cores:.2f})",
            flush=True,
        )
        if quiet or time.monotonic() >= deadline:
            break
        time.sleep(15)
    if quiet:
        return True
    if force:
        print("  --force: the figures below are NOT comparable (the machine is busy)", flush=True)
        return False
    sys.exit(f"not publishing figures: load average {load:.2f} on {cores} cores; run again on a quiet machine")
