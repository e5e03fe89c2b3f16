#!/usr/bin/env bash
# Many-endpoints benchmark (issue "Sync at the speed of the data": 20 endpoints x 500 OSDs, 100 ms added to
# every source request). A measurement, not a test: not part of `mvn verify` or CI.
#
# Generates one synthetic cluster (org.cephsync.bench.SyntheticCluster) and serves it as ENDPOINTS endpoints
# through the proxbox-api stand-in (org.cephsync.bench.ProxboxServer, real HTTP over loopback, LATENCY_MS added to
# every answer). Then, each on a fresh Payara Micro (empty inventory), runs a full sync with
# ceph-sync.parallel-endpoints=1 and with =PARALLEL, then RESYNCS resyncs on the same server (a fresh server's
# first syncs spend much of their CPU in the JIT compiler, which a server syncing every few minutes has behind
# it), and prints the wall times and their ratios for the full sync, the first resync and the last (goal: at
# most a third). Exits non-zero when a sync did not complete
# or did not read every endpoint's OSDs.
#
# Knobs (environment): ENDPOINTS=20 OSDS=500 POOLS=50 DAEMONS=10 HOSTS=13 RULES=4 LATENCY_MS=100 PARALLEL=4 RESYNCS=5
#   HEAP=1g PORT=18500 BUILD_DIR=target BENCH_DIR=$BUILD_DIR/benchmark REUSE_BUILD=1
#   FIXTURE=src/test/resources/fixtures/pve8-reef-18.2.7/healthy
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ENDPOINTS=${ENDPOINTS:-20}
OSDS=${OSDS:-500}
POOLS=${POOLS:-50}
DAEMONS=${DAEMONS:-10}
HOSTS=${HOSTS:-13}
RULES=${RULES:-4}
LATENCY_MS=${LATENCY_MS:-100}
PARALLEL=${PARALLEL:-4}
RESYNCS=${RESYNCS:-5}
HEAP=${HEAP:-1g}
PORT=${PORT:-18500}
BUILD_DIR=${BUILD_DIR:-$ROOT/target}
BENCH_DIR=${BENCH_DIR:-$BUILD_DIR/benchmark}
FIXTURE=${FIXTURE:-src/test/resources/fixtures/pve8-reef-18.2.7/healthy}
. scripts/bench-lib.sh

build

SNAPSHOT="$BENCH_DIR/snapshots/endpoints-e$ENDPOINTS-o$OSDS-p$POOLS-d$DAEMONS-h$HOSTS-r$RULES"
if [ ! -f "$SNAPSHOT/endpoints.json" ] || [ ! -f "$SNAPSHOT.one/synthetic.json" ]; then
  echo "Generating $ENDPOINTS endpoints of $OSDS OSDs under $SNAPSHOT ..."
  rm -rf "$SNAPSHOT" "$SNAPSHOT.one"
  java -cp "$GEN_CP" org.cephsync.bench.SyntheticCluster --fixture "$FIXTURE" --out "$SNAPSHOT.one" --osds "$OSDS" \
    --pools "$POOLS" --daemons "$DAEMONS" --hosts "$HOSTS" --rules "$RULES" --down 0 >/dev/null
  tool endpoints --from "$SNAPSHOT.one" --out "$SNAPSHOT" --count "$ENDPOINTS"
fi

RUN_DIR="$BENCH_DIR/run-endpoints"
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR/results"
chmod 700 "$RUN_DIR"
start_proxbox "$RUN_DIR" "$SNAPSHOT" "$LATENCY_MS"
cleanup() { stop_server; kill $PROXBOX 2>/dev/null || true; }
trap cleanup EXIT

for P in 1 "$PARALLEL"; do
  RUN="$RUN_DIR/p$P"
  mkdir -p "$RUN"
  chmod 700 "$RUN"
  make_user "$RUN"
  (umask 077; printf '%s\nceph-sync.parallel-endpoints=%s\n' "$PROXBOX_PROPERTIES" "$P" >>"$RUN/server.properties")
  start_server "$RUN"
  echo "Full sync of $ENDPOINTS endpoints with ceph-sync.parallel-endpoints=$P ..."
  tool phase --base "$BASE" --netrc "$RUN/netrc" --pid $SERVER --name "parallel-$P" --out "$RUN_DIR/results/parallel-$P.json" || true
  for R in $(seq 1 "$RESYNCS"); do
    echo "Resync $R of $RESYNCS of $ENDPOINTS endpoints with ceph-sync.parallel-endpoints=$P on the same server ..."
    tool phase --base "$BASE" --netrc "$RUN/netrc" --pid $SERVER --name "parallel-$P-resync-$R" --out "$RUN_DIR/results/parallel-$P-resync-$R.json" || true
  done
  stop_server
  SERVER=
done

kill $PROXBOX 2>/dev/null && wait $PROXBOX 2>/dev/null || true
echo "Requests the stand-in answered, per path, over the $((2 * (RESYNCS + 1))) syncs:"
sed 's/^/  /' "$RUN_DIR/proxbox-requests.txt" 2>/dev/null || echo "  (no count: $RUN_DIR/proxbox-requests.txt is missing)"
STATUS=0
tool parallel --results "$RUN_DIR/results" --serial parallel-1 --parallel "parallel-$PARALLEL" --label "full sync, fresh server" \
  --summary "$SNAPSHOT.one/synthetic.json" --endpoints "$ENDPOINTS" --latency-ms "$LATENCY_MS" || STATUS=1
for R in $(printf '%s\n' 1 "$RESYNCS" | uniq); do
  tool parallel --results "$RUN_DIR/results" --serial "parallel-1-resync-$R" --parallel "parallel-$PARALLEL-resync-$R" \
    --label "resync $R, the same server" --summary "$SNAPSHOT.one/synthetic.json" --endpoints "$ENDPOINTS" \
    --latency-ms "$LATENCY_MS" || STATUS=1
done
exit $STATUS
