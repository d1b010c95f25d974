#!/usr/bin/env bash
# Kubernetes NetworkPolicies that let one mpi-on-spark application's pods reach each other on
# exactly the ports its ranks and Spark use, and nothing else:
#   executors <- executors and driver: MPJ Express's data ports (two per rank JVM, random in
#                25000-40000) and Spark's block manager (shuffles between executors)
#   driver    <- executors: Spark's driver and block manager ports, and the ephemeral range in
#                which the driver's rendezvous and session servers bind (port 0)
# Pods are those spark-submit labels spark-role=driver|executor, with the label you give both
# (spark.kubernetes.driver.label.APP_LABEL and spark.kubernetes.executor.label.APP_LABEL).
#
#   build-support/k8s-networkpolicy.sh > policy.yaml && kubectl apply -f policy.yaml
#
# Settings (environment), with their defaults:
#   K8S_NAMESPACE=default  APP_LABEL=mpi-app  APP=mpi-on-spark
#   DRIVER_PORT=7078  BLOCK_MANAGER_PORT=7079      (Spark on Kubernetes' defaults: spark.driver.port,
#                                                    spark.blockManager.port)
#   MPJ_PORTS=25000-40000                           (MPJ Express niodev's range, fixed in its code)
#   EPHEMERAL_PORTS=32768-60999                     (Linux's net.ipv4.ip_local_port_range, a pod's default)
set -euo pipefail

ns=${K8S_NAMESPACE:-default}
label=${APP_LABEL:-mpi-app}
app=${APP:-mpi-on-spark}
driver_port=${DRIVER_PORT:-7078}
bm_port=${BLOCK_MANAGER_PORT:-7079}
mpj=${MPJ_PORTS:-25000-40000}
ephemeral=${EPHEMERAL_PORTS:-32768-60999}

range() { # "LO-HI" -> "port: LO" and "endPort: HI" lines, after checking them
  local lo=${1%-*} hi=${1#*-}
  if ! [[ $1 =~ ^[0-9]+-[0-9]+$ ]] || (( lo < 1 || hi > 65535 || lo > hi )); then
    echo "k8s-networkpolicy.sh: $2 must be LO-HI within 1-65535, not '$1'" >&2
    exit 2
  fi
  printf '        - protocol: TCP\n          port: %s\n          endPort: %s\n' "$lo" "$hi"
}
port() {
  if ! [[ $1 =~ ^[0-9]+$ ]] || (( $1 < 1 || $1 > 65535 )); then
    echo "k8s-networkpolicy.sh: $2 must be a port in 1-65535, not '$1'" >&2
    exit 2
  fi
  printf '        - protocol: TCP\n          port: %s\n' "$1"
}
pods() { # the labels of this application's pods of one role (or of all), indented by $2
  printf '%smatchLabels:\n%s  %s: %s\n' "$2" "$2" "$label" "$app"
  if [ -n "$1" ]; then printf '%s  spark-role: %s\n' "$2" "$1"; fi
}

mpj_ports=$(range "$mpj" MPJ_PORTS)
ephemeral_ports=$(range "$ephemeral" EPHEMERAL_PORTS)
driver_ports=$(port "$driver_port" DRIVER_PORT)
bm_ports=$(port "$bm_port" BLOCK_MANAGER_PORT)

cat <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: $app-executors
  namespace: $ns
spec:
  podSelector:
$(pods executor "    ")
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
$(pods "" "            ")
      ports:
$mpj_ports
$bm_ports
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: $app-driver
  namespace: $ns
spec:
  podSelector:
$(pods driver "    ")
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
$(pods executor "            ")
      ports:
$driver_ports
$bm_ports
$ephemeral_ports
EOF
