#!/usr/bin/env bash
# Makes native MPI available to the benchmark report: Debian's Open MPI (openmpi-bin) with mpi4py
# and numpy for the system Python (/usr/bin/python3). Called by the report harness before it
# measures; installs with apt only what is missing, as build-support/install-mpj.sh does for MPJ
# Express. Exit status 0: ready; anything else: the last line on stderr says why not.
set -uo pipefail
py=/usr/bin/python3
ready() {
  command -v mpiexec >/dev/null 2>&1 && [ -x "$py" ] && "$py" -c 'import mpi4py.MPI, numpy' >/dev/null 2>&1
}
if ready; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "not root, cannot apt-get install python3-mpi4py openmpi-bin python3-numpy" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "no apt-get on this machine: install Open MPI, mpi4py and numpy for $py by hand" >&2
  exit 1
fi
echo "[mpi-on-spark] installing Debian's openmpi-bin, python3-mpi4py, python3-numpy (once)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >/dev/null 2>&1; then
  echo "apt-get update failed (no network or no Debian mirror?)" >&2
  exit 1
fi
if ! apt-get install -y -qq --no-install-recommends openmpi-bin python3-mpi4py python3-numpy >/dev/null 2>&1; then
  echo "apt-get install openmpi-bin python3-mpi4py python3-numpy failed" >&2
  exit 1
fi
ready || { echo "installed, but $py cannot import mpi4py.MPI and numpy, or mpiexec is missing" >&2; exit 1; }
