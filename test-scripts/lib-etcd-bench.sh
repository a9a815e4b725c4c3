#!/usr/bin/env bash
# `test-scripts/bench real-etcd [workload options]` (see test-scripts/bench for the options and exit
# codes): the closed-loop workload of `bench real-kv` on the local simlab cluster, then the same
# workload on a fresh 3-node etcd cluster on loopback through jetcd, then both figures and the ratio.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ETCD_PORT="${SIMLAB_ETCD_PORT:-23790}"

die() {
  echo "bench real-etcd: $1" >&2
  exit "${2:-1}"
}

# Only the workload's options pass through (to both sides); the simlab side's --config would
# make the two runs differ.
args=("$@")
while (($#)); do
  case "$1" in
    --clients|--value-size|--read-ratio|--keys|--duration|--warmup)
      [[ $# -ge 2 ]] || die "$1 needs a value" 2
      shift 2 ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (expected --clients, --value-size, --read-ratio, --keys, --duration, --warmup)" 2 ;;
  esac
done

# Debian's etcd-server (3.4): install it when missing, as root or through password-less sudo.
if ! command -v etcd >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    die "etcd is not installed and cannot be (not root, no password-less sudo): run 'apt-get install etcd-server' as root" 3
  fi
  echo "bench real-etcd: installing Debian's etcd-server" >&2
  { "${as_root[@]}" apt-get update -q && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q etcd-server; } >&2 \
    || die "apt-get install etcd-server failed (see above)" 3
  command -v etcd >/dev/null 2>&1 || die "etcd-server installed but no etcd on PATH" 3
fi
command -v etcdctl >/dev/null 2>&1 || echo "bench real-etcd: etcdctl missing; waiting for etcd by client port only" >&2
etcd_version="$(etcd --version 2>/dev/null | sed -n 's/^etcd Version: //p')"

# The simlab jar in the local Maven repository, then the etcd side against it (jetcd is fetched
# from Maven Central the first time).
simlab_build
installed="${HOME}/.m2/repository/simlab/simlab/0.1.0-SNAPSHOT/simlab-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$installed" || -n "$(find "$SIMLAB_ROOT/target/classes" -newer "$installed" -print -quit)" ]]; then
  simlab_mvn install -Dmaven.test.skip=true || die "installing simlab's jar failed (see above)" 4
fi
BENCH_DIR="$SIMLAB_ROOT/src/bench-etcd"
simlab_mvn -f "$BENCH_DIR/pom.xml" package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt || die "building src/bench-etcd failed (see above)" 4
ETCD_CP="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")"

# 1. simlab (bench real-kv starts the local cluster when it is not running).
rc=0
simlab_out="$("$SIMLAB_ROOT/test-scripts/bench" real-kv "${args[@]}")" || rc=$?
if ((rc != 0)); then
  printf '%s\n' "$simlab_out"
  ((rc == 2)) && exit 2 # a bad option value, already explained by bench real-kv
  die "the simlab run failed" 1
fi
printf '%s\n' "$simlab_out"

# 2. etcd: three members on loopback, temporary data directories, removed on any exit.
tmp="$(mktemp -d "${TMPDIR:-/tmp}/simlab-etcd.XXXXXX")"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cluster="" endpoints=""
for i in 1 2 3; do
  peer=$((ETCD_PORT + 2 * (i - 1) + 1))
  cluster+="${cluster:+,}e$i=http://127.0.0.1:$peer"
  endpoints+="${endpoints:+,}http://127.0.0.1:$((ETCD_PORT + 2 * (i - 1)))"
done
for i in 1 2 3; do
  client=$((ETCD_PORT + 2 * (i - 1)))
  peer=$((client + 1))
  (exec 3<>"/dev/tcp/127.0.0.1/$client") 2>/dev/null && die "port $client is already in use (set SIMLAB_ETCD_PORT)" 1
  etcd --name "e$i" --data-dir "$tmp/e$i" \
    --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "$cluster" --initial-cluster-state new --initial-cluster-token simlab-bench \
    >"$tmp/e$i.log" 2>&1 </dev/null &
  pids+=($!)
done
deadline=$((SECONDS + 60))
until ETCDCTL_API=3 etcdctl --endpoints="$endpoints" --command-timeout=2s endpoint health >/dev/null 2>&1; do
  for i in 0 1 2; do
    kill -0 "${pids[$i]}" 2>/dev/null || { tail -n 5 "$tmp/e$((i + 1)).log" >&2; die "etcd member e$((i + 1)) exited" 1; }
  done
  ((SECONDS < deadline)) || die "the etcd cluster was not healthy within 60 s (logs in $tmp)" 1
  sleep 0.5
done
echo "etcd $etcd_version: 3 members on 127.0.0.1 ports $ETCD_PORT-$((ETCD_PORT + 5)), data in $tmp (removed at the end)"
etcd_out="$(cd "$SIMLAB_ROOT" && java -cp "$ETCD_CP" simlab.etcdbench.EtcdBench --endpoints "$endpoints" "${args[@]}" 2>"$tmp/bench.err")" || {
  printf '%s\n' "$etcd_out"
  cat "$tmp/bench.err" >&2
  die "the etcd run failed" 1
}
printf '%s\n' "$etcd_out"

# 3. The comparison.
field() { # field TEXT KEY: the number after KEY on the throughput/latency lines
  printf '%s\n' "$1" | sed -n "s/.*$2 \([0-9.]*\).*/\1/p" | head -n 1
}
s_tp="$(field "$simlab_out" 'throughput:')" e_tp="$(field "$etcd_out" 'throughput:')"
s_p99="$(field "$simlab_out" 'p99')" e_p99="$(field "$etcd_out" 'p99')"
awk -v st="$s_tp" -v et="$e_tp" -v sp="$s_p99" -v ep="$e_p99" 'BEGIN {
  printf "comparison: simlab %s ops/s p99 %s ms; etcd %s ops/s p99 %s ms\n", st, sp, et, ep
  if (et > 0) printf "throughput-ratio simlab/etcd: %.2f\n", st / et
  if (ep > 0) printf "p99-ratio simlab/etcd: %.2f\n", sp / ep
}'
