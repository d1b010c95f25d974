#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, built from Maven Central jars alone: a Master and
# Workers (two by default), each in its own network namespace with its own address, and a driver namespace from
# which jobs are submitted with Spark's own spark-submit (org.apache.spark.deploy.SparkSubmit).
#
#   build-support/cluster.sh up [N]             start the cluster with N workers (2; builds what it needs first)
#   build-support/cluster.sh submit [--deploy-mode client|cluster] [--jar JAR] [spark-submit options] CLASS [ARGS...]
#                                               run a class of the examples' fat jar (Pi or a full
#                                               name; --jar: another application jar); prints the
#                                               driver's output; exit code 0 when the driver succeeded
#   build-support/cluster.sh status             what runs, where, and its memory (RSS)
#   build-support/cluster.sh hosts              the workers' names and addresses, one a line
#   build-support/cluster.sh exec NODE CMD...   run a command in a node's namespace (driver, master, w1...)
#   build-support/cluster.sh mpirun [--per-worker K] [--np N] [mpirun options] PROGRAM [ARGS...]
#                                               Open MPI across the workers' namespaces: mpirun in the
#                                               driver's, K slots a worker (1), N ranks (K x workers),
#                                               placed round-robin, over TCP on the veth network
#   build-support/cluster.sh rsh HOST CMD...    mpirun's rsh agent: CMD in the namespace of the node
#                                               with address (or name) HOST, hostname set to its own
#   build-support/cluster.sh kill-executor wN  SIGKILL the executors of worker N (a crash)
#   build-support/cluster.sh check              can network namespaces be made here? (tests ask)
#   build-support/cluster.sh down               stop and remove everything (safe to repeat)
#
# The network: a switch namespace holds a bridge; each node namespace holds one end of a veth pair
# (eth0, with its address) whose other end is a port of that bridge. No address or link is made in
# the host's namespace and no namespace has a route out, so traffic never leaves them.
#
# Settings (environment): CLUSTER_NAME (mos; prefix of the namespaces),
# CLUSTER_NET (10.213.0; a /24 used only inside the namespaces), CLUSTER_DIR (target/cluster; all
# state: logs, pids, work dirs), WORKERS (2; up to 200, named w1, w2...; `up N` overrides it, and the
# count `up` was given is kept for the other commands), WORKER_CORES (3), WORKER_MEMORY (2g),
# SPARK_JARS (the folder of Spark's jars the daemons run on; the build's mpi-on-spark/target/spark-home/jars).
#
# Needs root and iproute2 (installed with apt-get when missing). Java 17+. mpirun: Open MPI
# (Debian's openmpi-bin) and util-linux's unshare.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="${CLUSTER_NAME:-mos}"
net="${CLUSTER_NET:-10.213.0}"
dir="${CLUSTER_DIR:-$repo/target/cluster}"
worker_cores="${WORKER_CORES:-3}"
worker_memory="${WORKER_MEMORY:-2g}"
jar="$repo/examples/target/mpi-on-spark-examples.jar"
spark_jars="${SPARK_JARS:-$repo/mpi-on-spark/target/spark-home/jars}"   # default: the build's fake Spark home (local-cluster tests)
self="$repo/build-support/cluster.sh"

# up N: the number of workers, as WORKERS would give it
if [ "${1:-}" = up ] && [ $# -ge 2 ]; then WORKERS="$2"; fi

# the number of workers: as given to up (kept in the state folder), else WORKERS, else 2
if [ -z "${WORKERS:-}" ] && [ -e "$dir/workers" ]; then workers="$(cat "$dir/workers")"; else workers="${WORKERS:-2}"; fi
if ! [[ "$workers" =~ ^[1-9][0-9]{0,2}$ ]] || [ "$workers" -gt 200 ]; then
  echo "[cluster] the number of workers (up N, or WORKERS) must be 1 to 200, not '$workers'" >&2; exit 2
fi

# node -> last octet of its address
declare -A octet=([master]=10 [driver]=2)
worker_nodes=()
for ((i = 1; i <= workers; i++)); do worker_nodes+=("w$i"); octet[w$i]=$((10 + i)); done
nodes=(master "${worker_nodes[@]}" driver)
master_url="spark://$net.${octet[master]}:7077"

log() { echo "[cluster] $*" >&2; }
die() { log "$*"; exit 1; }
ns() { echo "$name-$1"; }                     # namespace of a node (or of the switch)
has_ns() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qxF "$1"; }
in_ns() { local n="$1"; shift; ip netns exec "$(ns "$n")" "$@"; }

export SPARK_HOME="$dir/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_CONF_DIR="$SPARK_HOME/conf"

# --- prerequisites -------------------------------------------------------------------------

need_root_and_iproute2() {
  [ "$(id -u)" -eq 0 ] || die "network namespaces need root (ip netns)"
  if ! command -v ip >/dev/null; then
    log "iproute2 is missing: installing it with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iproute2 >/dev/null
  fi
}

# The fat jar and the build's Spark home (mpi-on-spark's copy-dependencies of spark-core 4.2.0).
build_if_missing() {
  if [ -n "${SPARK_JARS:-}" ]; then   # the caller brings Spark's jars (and its application's)
    ls "$spark_jars"/spark-core_2.13-*.jar >/dev/null 2>&1 || die "SPARK_JARS=$spark_jars holds no spark-core_2.13 jar"
    return 0
  fi
  if [ ! -f "$jar" ] || ! ls "$spark_jars"/spark-core_2.13-*.jar >/dev/null 2>&1; then
    log "building the fat jar and the Spark home: mvn -B -q package -DskipTests -pl examples -am"
    (cd "$repo" && mvn -B -q package -DskipTests -pl examples -am)
  fi
}

# SPARK_HOME: jars/ links to the build's jars; conf/ holds a log4j2 set-up (INFO to stderr, as
# Spark's default, minus the noisiest loggers).
make_spark_home() {
  mkdir -p "$SPARK_HOME/conf"
  ln -sfn "$spark_jars" "$SPARK_HOME/jars"
  cat >"$SPARK_CONF_DIR/log4j2.properties" <<'EOF'
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex
logger.jetty.name = org.sparkproject.jetty
logger.jetty.level = warn
logger.netty.name = io.netty
logger.netty.level = warn
EOF
}

# --- the network ---------------------------------------------------------------------------

make_network() {
  local sw; sw="$(ns sw)"
  ip netns add "$sw"
  ip -n "$sw" link set lo up
  ip -n "$sw" link add br0 type bridge
  ip -n "$sw" link set br0 up
  for node in "${nodes[@]}"; do
    local n; n="$(ns "$node")"
    ip netns add "$n"
    ip -n "$n" link set lo up
    # eth0 in the node, its peer (p-NODE) a port of the switch's bridge
    ip link add eth0 netns "$n" type veth peer name "p-$node" netns "$sw"
    ip -n "$sw" link set dev "p-$node" master br0 up
    ip -n "$n" addr add "$net.${octet[$node]}/24" dev eth0
    ip -n "$n" link set eth0 up
  done
}

# --- processes -----------------------------------------------------------------------------

# Spark's java command for class $1 and its arguments, into the array cmd, the way bin/spark-class
# finds it: Spark's launcher prints it, NUL-separated, after a "\0\n" line.
launch_command() {
  cmd=()
  local arg
  while IFS= read -r -d '' arg; do cmd+=("$arg"); done < <(
    java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@" | tail -c +3)
  [ "${#cmd[@]}" -gt 0 ] || die "Spark's launcher printed no command for $*"
}

# Starts a daemon of Spark in node $1's namespace; its pid (the java process) in pids/NODE.
start_daemon() {  # node, class, args...
  local node="$1"; shift
  launch_command "$@"
  SPARK_LOCAL_IP="$net.${octet[$node]}" ip netns exec "$(ns "$node")" "${cmd[@]}" >"$dir/logs/$node.log" 2>&1 &
  echo $! >"$dir/pids/$node"
}

wait_for_log() {  # node, pattern in its log, seconds
  local log="$dir/logs/$1.log" i
  for ((i = 0; i < $3 * 5; i++)); do
    grep -q "$2" "$log" 2>/dev/null && return 0
    kill -0 "$(cat "$dir/pids/$1")" 2>/dev/null || { tail -20 "$log" >&2; die "$1 ended at start-up (log: $log)"; }
    sleep 0.2
  done
  tail -20 "$log" >&2 || true
  die "$1 not ready after $3 s (log: $log)"
}

start_cluster() {
  mkdir -p "$dir/logs" "$dir/pids" "$dir/out"
  start_daemon master org.apache.spark.deploy.master.Master \
    --host "$net.${octet[master]}" --port 7077 --webui-port 8080
  wait_for_log master "I have been elected leader" 60
  for w in "${worker_nodes[@]}"; do
    mkdir -p "$dir/work/$w"
    start_daemon "$w" org.apache.spark.deploy.worker.Worker \
      --host "$net.${octet[$w]}" --cores "$worker_cores" --memory "$worker_memory" \
      --work-dir "$dir/work/$w" --webui-port 8081 "$master_url"
  done
  for w in "${worker_nodes[@]}"; do
    wait_for_log "$w" "Successfully registered with master" 60
  done
}

# --- commands ------------------------------------------------------------------------------

up() {
  need_root_and_iproute2
  [ ! -e "$dir/up" ] || die "already up ($dir); run: $0 down"
  build_if_missing
  down_quietly
  local t0=$SECONDS
  trap 'rc=$?; if [ $rc -ne 0 ]; then log "up failed: removing what it made"; down_quietly; fi' EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$dir"
  echo "$workers" >"$dir/workers"
  make_spark_home
  make_network
  start_cluster
  trap - EXIT INT TERM
  touch "$dir/up"
  local addrs=() w
  for w in "${worker_nodes[@]}"; do addrs+=("$w=$net.${octet[$w]}"); done
  log "up in $((SECONDS - t0)) s: master $master_url, $workers workers ${addrs[*]}" \
    "($worker_cores cores, $worker_memory each), driver namespace $(ns driver) ($net.${octet[driver]}); state in $dir"
}

# submit [--deploy-mode client|cluster] [spark-submit options...] CLASS [ARGS...]
submit() {
  [ -e "$dir/up" ] || die "the cluster is not up; run: $0 up"
  local mode=client opts=() app="$jar"
  while [ $# -gt 0 ] && [[ "$1" == -* ]]; do
    case "$1" in
      --deploy-mode) mode="$2"; shift 2 ;;
      --jar) app="$2"; shift 2 ;;
      --conf|--executor-cores|--total-executor-cores|--executor-memory|--driver-memory|--driver-cores|--name|\
      --jars|--files|--driver-java-options|--driver-class-path|--properties-file)
        opts+=("$1" "$2"); shift 2 ;;
      *) opts+=("$1"); shift ;;
    esac
  done
  [ $# -ge 1 ] || die "usage: $0 submit [--deploy-mode client|cluster] [--jar JAR] [options] CLASS [ARGS...]"
  [ -f "$app" ] || die "no application jar $app"
  local class="$1"; shift
  [[ "$class" == *.* ]] || class="org.mpionspark.examples.$class"
  # 2 cores an executor, 2 per worker in all: one executor on each worker, also when a driver
  # (cluster mode) holds a core of one of them (WORKER_CORES 3). Later options win.
  local args=(org.apache.spark.deploy.SparkSubmit --master "$master_url" --deploy-mode "$mode"
    --executor-cores 2 --total-executor-cores $((2 * workers)) --executor-memory 768m
    "${opts[@]}" --class "$class" "$app" "$@")
  case "$mode" in
    client)
      # the driver runs here, in the driver namespace
      launch_command "${args[@]}"
      SPARK_LOCAL_IP="$net.${octet[driver]}" in_ns driver "${cmd[@]}" ;;
    cluster)
      # the standalone client forwards its environment to the driver, so no SPARK_LOCAL_IP here:
      # the driver, started by a worker, binds that worker's address
      submit_cluster "${args[@]}" ;;
    *) die "--deploy-mode is client or cluster, not $mode" ;;
  esac
}

# Cluster deploy mode: the client submits the driver to the master and soon returns; a worker
# runs the driver, and logs when it ends. The driver's output is in that worker's work dir.
submit_cluster() {
  local client="$dir/out/submit-$$.log" client_pid id="" i
  launch_command "$@"
  in_ns driver "${cmd[@]}" >"$client" 2>&1 &
  client_pid=$!
  for ((i = 0; i < 300; i++)); do
    id="$(grep -o 'driver-[0-9]*-[0-9]*' "$client" | head -1 || true)"
    [ -z "$id" ] && kill -0 "$client_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$id" ]; then
    stop_pids "$client_pid"
    cat "$client" >&2
    die "no driver was submitted"
  fi
  log "submitted $id"
  # Worker.handleDriverStateChanged: "Driver ID exited successfully | exited with failure |
  # failed with unrecoverable exception | was killed by user"
  local ended="" timeout="${SUBMIT_TIMEOUT:-600}"
  for ((i = 0; i < timeout * 5; i++)); do
    ended="$(grep -h "Driver $id \\(exited\\|failed\\|was killed\\)" "$dir"/logs/w*.log | head -1 || true)"
    [ -z "$ended" ] || break
    sleep 0.2
  done
  wait "$client_pid" 2>/dev/null || true
  local d
  d="$(ls -d "$dir"/work/*/"$id" 2>/dev/null | head -1 || true)"
  if [ -n "$d" ]; then
    cat "$d/stderr" >&2 || true
    cat "$d/stdout" || true
  fi
  log "$id ran in ${d:-no work dir}: ${ended:-still running after $timeout s}"
  rm -f "$client"
  [[ "$ended" == *"exited successfully"* ]]
}

# check: whether network namespaces can be made here (root, iproute2, ip netns add); says why not.
check() {
  need_root_and_iproute2
  local probe; probe="$(ns probe)"
  ip netns add "$probe" || die "cannot make a network namespace (ip netns add failed)"
  ip netns del "$probe"
  echo "network namespaces work"
}

# --- Open MPI across the namespaces (DESIGN.md, Part 1c) ----------------------------------

# node of an address or a name (w1, driver...), or nothing
node_of() {
  local node
  for node in "${nodes[@]}"; do
    if [ "$1" = "$node" ] || [ "$1" = "$net.${octet[$node]}" ]; then echo "$node"; return 0; fi
  done
}

# rsh HOST CMD...: what ssh would do on HOST, in HOST's namespace: the words joined and run by a
# shell. A UTS namespace of its own gives each node its own hostname (its namespace's name): with
# one hostname everywhere, Open MPI takes the namespaces for one node.
rsh() {
  local host="${1:-}" node
  [ $# -ge 2 ] || die "usage: $0 rsh HOST CMD... (mpirun's rsh agent)"
  shift
  node="$(node_of "$host")"
  [ -n "$node" ] || die "rsh: no node of cluster '$name' has address or name '$host'"
  exec ip netns exec "$(ns "$node")" unshare --uts /bin/sh -c 'hostname "$0" && eval "$*"' "$(ns "$node")" "$@"
}

# mpirun [--per-worker K] [--np N] [mpirun options] PROGRAM [ARGS...]: Open MPI's mpirun in the
# driver's namespace, K slots on every worker, N ranks placed round-robin over the workers (rank 0
# on w1, 1 on w2...), TCP on eth0 only; ranks yield when idle (they share cores with everything).
mpirun_across() {
  [ -e "$dir/up" ] || die "the cluster is not up; run: $0 up"
  command -v mpirun >/dev/null || die "Open MPI's mpirun is missing (apt-get install openmpi-bin)"
  command -v unshare >/dev/null || die "unshare (util-linux) is missing: rsh needs it for a hostname per namespace"
  local k=1 np="" hosts=() w
  while [ $# -gt 0 ]; do
    case "$1" in
      --per-worker) k="$2"; shift 2 ;;
      --np) np="$2"; shift 2 ;;
      *) break ;;
    esac
  done
  [[ "$k" =~ ^[1-9][0-9]*$ ]] || die "--per-worker takes a number of slots, not '$k'"
  np="${np:-$((k * workers))}"
  [[ "$np" =~ ^[1-9][0-9]*$ ]] && [ "$np" -le $((k * workers)) ] ||
    die "--np must be 1 to $((k * workers)) ($k slots on each of $workers workers), not '$np'"
  [ $# -ge 1 ] || die "usage: $0 mpirun [--per-worker K] [--np N] [mpirun options] PROGRAM [ARGS...]"
  for w in "${worker_nodes[@]}"; do hosts+=("$net.${octet[$w]}:$k"); done
  in_ns driver mpirun --allow-run-as-root --oversubscribe -x PATH -n "$np" --map-by node \
    --host "$(IFS=,; echo "${hosts[*]}")" \
    --mca plm_rsh_agent "$self rsh" --mca plm_rsh_no_tree_spawn 1 \
    --mca btl tcp,self --mca btl_tcp_if_include eth0 --mca oob_tcp_if_include eth0 \
    --mca mpi_yield_when_idle 1 "$@"
}

hosts() {
  [ -e "$dir/up" ] || die "the cluster is not up; run: $0 up"
  local w
  for w in "${worker_nodes[@]}"; do echo "$w $net.${octet[$w]}"; done
}

# exec NODE CMD...: a command in a node's namespace (the driver's, to reach the cluster)
exec_in() {
  [ -e "$dir/up" ] || die "the cluster is not up; run: $0 up"
  local node
  [ $# -ge 2 ] || die "usage: $0 exec NODE CMD... (NODE: driver, master, w1..w$workers)"
  node="$(node_of "$1")"
  [ -n "$node" ] || die "exec: no node '$1' (driver, master, w1..w$workers)"
  shift
  SPARK_LOCAL_IP="$net.${octet[$node]}" exec ip netns exec "$(ns "$node")" "$@"
}

# kill-executor NODE: SIGKILL to the executor JVMs that worker NODE (w1, w2...) runs, as a crash would.
kill_executor() {
  [ -e "$dir/up" ] || die "the cluster is not up; run: $0 up"
  local node="${1:-}" pid killed=()
  [[ " ${worker_nodes[*]} " == *" $node "* ]] || die "usage: $0 kill-executor w1..w$workers"
  for pid in $(ip netns pids "$(ns "$node")"); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q CoarseGrainedExecutorBackend; then
      kill -9 "$pid" && killed+=("$pid")
    fi
  done
  [ "${#killed[@]}" -gt 0 ] || die "no executor runs on $node"
  log "killed executor JVM(s) ${killed[*]} on $node ($net.${octet[$node]})"
}

status() {
  if [ ! -e "$dir/up" ]; then
    echo "down"
  else
    echo "up: master $master_url, state in $dir"
  fi
  local n node pid
  for node in "${nodes[@]}" sw; do
    n="$(ns "$node")"
    has_ns "$n" || continue
    echo "namespace $n: $(ip -n "$n" -4 -o addr show 2>/dev/null | awk '$2 != "lo" {print $4}')"
    for pid in $(ip netns pids "$n" 2>/dev/null); do
      echo "  pid $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -o 'org\.apache\.spark\.[A-Za-z.]*' | tail -1)" \
        "(RSS $(awk '/^VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status" 2>/dev/null))"
    done
  done
}

# Stops every process of our namespaces (daemons, executors, cluster-mode drivers: whatever runs
# there is ours), deletes the namespaces (their links and the bridge go with them), then the state.
# Every namespace named after this cluster goes, whatever number of workers made it.
down_quietly() {
  local n
  for n in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^$name-(master|driver|sw|w[0-9]+)$"); do
    stop_pids $(ip netns pids "$n" 2>/dev/null)
    ip netns del "$n"
  done
  # only what up makes, never the folder's other contents (CLUSTER_DIR may be set by hand)
  rm -rf "${dir:?}/spark-home" "$dir/logs" "$dir/pids" "$dir/out" "$dir/work" "$dir/up" "$dir/workers"
  rmdir "$dir" 2>/dev/null || true
}

stop_pids() {  # SIGTERM, up to 10 s, then SIGKILL
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null || true
  local i pid alive
  for ((i = 0; i < 50; i++)); do
    alive=()
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    [ "${#alive[@]}" -gt 0 ] || return 0
    sleep 0.2
  done
  kill -9 "${alive[@]}" 2>/dev/null || true
}

down() {
  need_root_and_iproute2
  down_quietly
  log "down: no process, namespace or state of cluster '$name' left"
}

case "${1:-}" in
  up) up ;;
  submit) shift; submit "$@" ;;
  status) status ;;
  hosts) hosts ;;
  exec) shift; exec_in "$@" ;;
  mpirun) shift; mpirun_across "$@" ;;
  rsh) shift; rsh "$@" ;;
  check) check ;;
  kill-executor) shift; kill_executor "$@" ;;
  down) down ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
