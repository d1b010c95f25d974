#!/usr/bin/env python3
"""Native MPI beside mpi-on-spark in the same benchmark run: mpi4py on Open MPI, the same timings.

usage: mpiexec -n N python3 mpi_bench.py allreduce|bcast|barrier SIZES REPS WARMUP
       mpiexec -n 2 python3 mpi_bench.py pingpong SIZES REPS WARMUP INNER
SIZES: bytes per rank, comma-separated (a double vector of bytes/8 elements, at least one).
INNER: comma-separated round trips per timed repetition, one per size (as the Java side uses).

Rank 0 prints one line per size, which the Java harness (NativeMpi) parses:
  RESULT kind=allreduce ranks=4 bytes=8388608 reps=10 median_ms=4.2 min_ms=4.0 max_ms=5.1
Allreduce, bcast (from rank 0), barrier: each repetition starts after a barrier and counts as long
as its slowest rank; the barrier's size is ignored (give 0).
Ping-pong: one-way time, i.e. half a round trip, averaged over INNER round trips.
"""
import sys

import numpy as np
from mpi4py import MPI


def summary(kind, ranks, nbytes, times_s):
    ms = sorted(t * 1e3 for t in times_s)
    median = ms[len(ms) // 2]
    print(f"RESULT kind={kind} ranks={ranks} bytes={nbytes} reps={len(ms)} "
          f"median_ms={median:.6f} min_ms={ms[0]:.6f} max_ms={ms[-1]:.6f}", flush=True)


def allreduce(comm, nbytes, reps, warmup):
    n = max(1, nbytes // 8)
    send = np.full(n, comm.rank + 1.0)
    recv = np.empty(n)
    expected = comm.size * (comm.size + 1) / 2.0
    times = np.zeros(reps)
    for i in range(warmup + reps):
        comm.Barrier()
        t0 = MPI.Wtime()
        comm.Allreduce(send, recv, op=MPI.SUM)
        t = MPI.Wtime() - t0
        if recv[0] != expected or recv[-1] != expected:
            raise SystemExit(f"wrong allreduce result {recv[0]}, expected {expected}")
        if i >= warmup:
            times[i - warmup] = t
    slowest = np.zeros(reps)
    comm.Reduce(times, slowest, op=MPI.MAX, root=0)
    if comm.rank == 0:
        summary("allreduce", comm.size, nbytes, slowest)


def bcast(comm, nbytes, reps, warmup):
    buf = np.full(max(1, nbytes // 8), 1.0 if comm.rank == 0 else 0.0)
    times = np.zeros(reps)
    for i in range(warmup + reps):
        if comm.rank != 0:
            buf[0] = buf[-1] = 0.0
        comm.Barrier()
        t0 = MPI.Wtime()
        comm.Bcast(buf, root=0)
        t = MPI.Wtime() - t0
        if buf[0] != 1.0 or buf[-1] != 1.0:
            raise SystemExit(f"wrong bcast result on rank {comm.rank}")
        if i >= warmup:
            times[i - warmup] = t
    slowest = np.zeros(reps)
    comm.Reduce(times, slowest, op=MPI.MAX, root=0)
    if comm.rank == 0:
        summary("bcast", comm.size, nbytes, slowest)


def barrier(comm, reps, warmup):
    times = np.zeros(reps)
    for i in range(warmup + reps):
        comm.Barrier()
        t0 = MPI.Wtime()
        comm.Barrier()
        t = MPI.Wtime() - t0
        if i >= warmup:
            times[i - warmup] = t
    slowest = np.zeros(reps)
    comm.Reduce(times, slowest, op=MPI.MAX, root=0)
    if comm.rank == 0:
        summary("barrier", comm.size, 0, slowest)


def pingpong(comm, nbytes, reps, warmup, inner):
    if comm.size != 2:
        raise SystemExit("ping-pong needs exactly 2 ranks")
    buf = np.zeros(max(1, nbytes // 8))
    other = 1 - comm.rank
    times = []
    for i in range(warmup + reps):
        comm.Barrier()
        t0 = MPI.Wtime()
        for _ in range(inner):
            if comm.rank == 0:
                comm.Send(buf, dest=other, tag=7)
                comm.Recv(buf, source=other, tag=7)
            else:
                comm.Recv(buf, source=other, tag=7)
                comm.Send(buf, dest=other, tag=7)
        t = (MPI.Wtime() - t0) / inner / 2
        if i >= warmup:
            times.append(t)
    if comm.rank == 0:
        summary("pingpong", comm.size, nbytes, times)


def main(argv):
    kind, sizes, reps, warmup = argv[1], [int(s) for s in argv[2].split(",")], int(argv[3]), int(argv[4])
    comm = MPI.COMM_WORLD
    if kind == "allreduce":
        for nbytes in sizes:
            allreduce(comm, nbytes, reps, warmup)
    elif kind == "bcast":
        for nbytes in sizes:
            bcast(comm, nbytes, reps, warmup)
    elif kind == "barrier":
        barrier(comm, reps, warmup)
    elif kind == "pingpong":
        inner = [int(s) for s in argv[5].split(",")]
        for nbytes, k in zip(sizes, inner):
            pingpong(comm, nbytes, reps, warmup, k)
    else:
        raise SystemExit(f"unknown benchmark {kind!r}: allreduce, bcast, barrier or pingpong")


if __name__ == "__main__":
    main(sys.argv)
