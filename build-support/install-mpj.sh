#!/usr/bin/env bash
# Makes MPJ Express 0.44 available to the build: Debian's libmpj-java puts it at
# /usr/share/java/mpj.jar. Called by the parent pom in the validate phase, before any module
# resolves org.mpjexpress:mpj; the pom then installs that jar into the local Maven repository.
set -euo pipefail
jar="${1:-/usr/share/java/mpj.jar}"
if [ -f "$jar" ]; then
  exit 0
fi
echo "[mpi-on-spark] $jar is missing: installing Debian's libmpj-java" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "[mpi-on-spark] need root to run apt-get; run: sudo apt-get install -y libmpj-java" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq libmpj-java >/dev/null
test -f "$jar" || { echo "[mpi-on-spark] libmpj-java installed but $jar is absent" >&2; exit 1; }
