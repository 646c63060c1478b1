"""Jobs run on every core give the same results, in order, as run one by one."""

import threading
from functools import partial

from limber.build import parallel


def square(n: int) -> int:
    return n * n


def test_results_come_back_in_order_on_several_cores(monkeypatch):
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    jobs = [partial(square, n) for n in range(500)]
    seen = []

    assert parallel.run_all(jobs, lambda done, total: seen.append((done, total))) == [
        n * n for n in range(500)
    ]
    assert seen[-1] == (500, 500)


def test_a_process_running_other_threads_works_alone():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.workers() == 1
    finally:
        stop.set()
        thread.join()
