#!/usr/bin/python3
"""The M/M/c queue of BenchmarkMMC, written the usual SimPy way, to time
cordon's kernel against SimPy on the same machine in the same run.

Needs Debian's python3-simpy3 (run it with /usr/bin/python3, which sees
Debian's packages). Prints one JSON object: customers_per_s (wall time)
and customers_per_cpu_s (CPU time of the run) are the figures to compare
(the two count events differently; customers are the same).

    /usr/bin/python3 simpy_mmc.py --lam 4.5 --mu 1 --c 5 --customers 300000 --seed 1
"""
import argparse
import json
import random
import time

import simpy


def run(lam, mu, c, customers, seed):
    arrivals, services = random.Random(2 * seed), random.Random(2 * seed + 1)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=c)
    waited = []

    def customer():
        came = env.now
        with servers.request() as turn:
            yield turn
            waited.append(env.now - came)
            yield env.timeout(services.expovariate(mu))

    def source():
        for _ in range(customers):
            env.process(customer())
            yield env.timeout(arrivals.expovariate(lam))

    env.process(source())
    start, cpu = time.perf_counter(), time.process_time()
    env.run()
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "customers": customers,
        "wall_s": took,
        "customers_per_s": customers / took,
        "customers_per_cpu_s": customers / cpu,
        "mean_wait": sum(waited) / len(waited),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lam", type=float, required=True)
    ap.add_argument("--mu", type=float, required=True)
    ap.add_argument("--c", type=int, required=True)
    ap.add_argument("--customers", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    print(json.dumps(run(a.lam, a.mu, a.c, a.customers, a.seed)))


if __name__ == "__main__":
    main()
