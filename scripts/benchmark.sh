#!/usr/bin/env bash
# Scale benchmark (DESIGN §7 "Scale"). A measurement, not a test: not part of `mvn verify` or CI.
#
# Generates a synthetic cluster by scaling up a real fixture (org.cephsync.bench.SyntheticCluster, under
# src/test), starts Payara Micro on 127.0.0.1 with a fresh --rootdir and a heap limit, and runs three syncs of
# the `snapshot` source:
#   full     first sync into an empty inventory (every row created)
#   resync   the same snapshot again: must create, update and delete nothing
#   changed  a variant with DOWN OSDs marked down: only those rows (and the cluster/health rows) change
# Each phase is timed (the job's runtime, the wall clock, the server's CPU), the server's peak RSS (VmHWM, reset
# per phase), peak heap in use (jstat) and heap after a full GC (jcmd) are measured, every inventory row's id and
# last_updated is compared between phases, and a report table is printed (scripts/benchmark.py). Before the
# server starts, the bare baseline (org.cephsync.bench.BareBaseline: the same snapshot with JSON-P and plain JDBC
# into an H2 file) runs, and each phase's job runtime is printed as a multiple of it. Exits non-zero
# when a run failed, the server ran out of memory, the resync wrote anything, or the changed run wrote other
# rows than expected. The API user is made for the run (random password, hash in a --systemproperties file).
# Needs a JDK (jstat, jcmd), python3, curl.
#
# Knobs (environment): OSDS=10000 POOLS=1000 DAEMONS=100 HOSTS=250 RULES=16 DOWN=OSDS/100 HEAP=1g PORT=18500
#   BUILD_DIR=target (passed to Maven as -Dbuild.dir)  BENCH_DIR=$BUILD_DIR/benchmark  REUSE_BUILD=1 (skip mvn
#   when the WAR is there)  FIXTURE=src/test/resources/fixtures/pve8-reef-18.2.7/healthy  VERIFY_ROWS=1 (digest
#   every inventory row between phases)  KEEP_RUNNING=1 (leave the server up)  SYNCS=10 (syncs in all: after the
#   three phases, more alternating between the base and the changed snapshot; the database file after the last
#   must be at most 1.5x its size after the first)  CHUNK= (ceph-sync.chunk-size for the server; default: the WAR's)
#   SOURCE=snapshot (or proxbox: the same snapshot served over loopback HTTP by the proxbox-api stand-in,
#   org.cephsync.bench.ProxboxServer, whose own CPU is reported beside the ratios)
#   DATABASE=embedded (or postgresql: a new database PG_DATABASE=ceph_sync_bench on PG_HOST=127.0.0.1:5432, made
#   through PG_ADMIN="psql -h 127.0.0.1 -U postgres"; its pg_database_size stands for the file's size)
#   PAUSE=0 (seconds between those further syncs, as a schedule would space them)  SERVER_JAVA_OPTS= (more JVM
#   options for the server, e.g. -XX:StartFlightRecording=filename=/tmp/sync.jfr,settings=profile)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

OSDS=${OSDS:-10000}
POOLS=${POOLS:-1000}
DAEMONS=${DAEMONS:-100}
HOSTS=${HOSTS:-250}
RULES=${RULES:-16}
DOWN=${DOWN:-$(( OSDS / 100 > 0 ? OSDS / 100 : 1 ))}
HEAP=${HEAP:-1g}
PORT=${PORT:-18500}
BUILD_DIR=${BUILD_DIR:-$ROOT/target}
BENCH_DIR=${BENCH_DIR:-$BUILD_DIR/benchmark}
FIXTURE=${FIXTURE:-src/test/resources/fixtures/pve8-reef-18.2.7/healthy}
VERIFY_ROWS=${VERIFY_ROWS:-1}
SYNCS=${SYNCS:-10}
CHUNK=${CHUNK:-}
SOURCE=${SOURCE:-snapshot}
PAUSE=${PAUSE:-0}
DATABASE=${DATABASE:-embedded}
PG_HOST=${PG_HOST:-127.0.0.1:5432}
PG_DATABASE=${PG_DATABASE:-ceph_sync_bench}
PG_ADMIN=${PG_ADMIN:-psql -h 127.0.0.1 -U postgres}
. scripts/bench-lib.sh

# ---- build (WAR, test classes for the generator, the test classpath for JSON-P)
build

# ---- the synthetic snapshots (kept between runs: the generator is deterministic)
mkdir -p "$BENCH_DIR"
SNAPSHOTS="$BENCH_DIR/snapshots/$(basename "$(dirname "$FIXTURE")")-$(basename "$FIXTURE")-o$OSDS-p$POOLS-d$DAEMONS-h$HOSTS-r$RULES"
generate() { # $1 = folder, $2 = OSDs down
  if [ ! -f "$1/synthetic.json" ]; then
    rm -rf "$1"
    java -cp "$GEN_CP" org.cephsync.bench.SyntheticCluster --fixture "$FIXTURE" --out "$1" --osds "$OSDS" \
      --pools "$POOLS" --daemons "$DAEMONS" --hosts "$HOSTS" --rules "$RULES" --down "$2" >/dev/null
  fi
}
echo "Generating the synthetic snapshots under $SNAPSHOTS ..."
generate "$SNAPSHOTS/base" 0 &
GEN1=$!
generate "$SNAPSHOTS/down-$DOWN" "$DOWN" &
GEN2=$!
wait $GEN1
wait $GEN2
# the bare baseline on the same snapshot, before the server starts (so nothing else competes for the cores)
echo "Running the bare baseline (JSON-P + JDBC into an H2 file) ..."
mkdir -p "$BENCH_DIR/baseline"
java -Xmx"$HEAP" -cp "$GEN_CP" org.cephsync.bench.BareBaseline --snapshot "$SNAPSHOTS/base" --work "$BENCH_DIR/baseline" \
  --out "$BENCH_DIR/baseline.json"
cat "$BENCH_DIR/baseline.json"
# the server reads the snapshot through this link; each phase points it at the folder it syncs
ln -sfn "$SNAPSHOTS/base" "$BENCH_DIR/snapshot"

# ---- a user for this run only, the snapshot source, and the server
RUN_DIR="$BENCH_DIR/run"
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR/results"
chmod 700 "$RUN_DIR"
make_user "$RUN_DIR"
PROXBOX=
if [ "$SOURCE" = proxbox ]; then
  start_proxbox "$RUN_DIR" "$BENCH_DIR/snapshot" 0
  (umask 077; printf '%s\n' "$PROXBOX_PROPERTIES" >>"$RUN_DIR/server.properties")
else
  printf 'ceph-sync.source=snapshot\nceph-sync.snapshot.dir=%s\n' "$BENCH_DIR/snapshot" >>"$RUN_DIR/server.properties"
fi
if [ -n "$CHUNK" ]; then echo "ceph-sync.chunk-size=$CHUNK" >>"$RUN_DIR/server.properties"; fi
DB_SIZE=(--db-file "$RUN_DIR/payara/lib/databases/embedded_default.mv.db")
if [ "$DATABASE" = postgresql ]; then
  setup_postgresql "$RUN_DIR"
  DB_SIZE=(--db-size-command "$PG_ADMIN -tA -d $PG_DATABASE -c 'SELECT pg_database_size(current_database())'")
fi
cleanup() {
  if [ -n "$PROXBOX" ]; then kill $PROXBOX 2>/dev/null || true; fi
  if [ -z "${KEEP_RUNNING:-}" ]; then stop_server; fi
}
trap cleanup EXIT
start_server "$RUN_DIR"

run_phase() { # $1 = name, $2 = snapshot folder
  ln -sfn "$2" "$BENCH_DIR/snapshot"
  echo "Phase $1: sync of $(basename "$2") ..."
  tool phase --base "$BASE" --netrc "$RUN_DIR/netrc" --pid $SERVER --name "$1" --out "$RUN_DIR/results/$1.json" \
    "${DB_SIZE[@]}" || true
  if [ "$VERIFY_ROWS" = 1 ]; then
    tool digest --base "$BASE" --netrc "$RUN_DIR/netrc" --out "$RUN_DIR/results/digest-$1.json" || true
  fi
}
run_phase full "$SNAPSHOTS/base"
run_phase resync "$SNAPSHOTS/base"
run_phase changed "$SNAPSHOTS/down-$DOWN"

PHASES="full resync changed"
for i in $(seq 4 "$SYNCS"); do # more syncs, alternating between the two snapshots, for the database's growth
  if [ $((i % 2)) = 0 ]; then folder="$SNAPSHOTS/base"; else folder="$SNAPSHOTS/down-$DOWN"; fi
  sleep "$PAUSE"
  VERIFY_ROWS=0 run_phase "sync-$i" "$folder"
  PHASES="$PHASES sync-$i"
done

status=0
tool report --results "$RUN_DIR/results" --summary "$SNAPSHOTS/base/synthetic.json" \
  --changed-summary "$SNAPSHOTS/down-$DOWN/synthetic.json" --heap "$HEAP" --server-log "$RUN_DIR/server.log" || status=1
tool ratios --results "$RUN_DIR/results" --baseline "$BENCH_DIR/baseline.json"
if [ -n "$PROXBOX" ]; then
  echo "  (the proxbox-api stand-in's own CPU over all syncs, on the same cores: $(tool cpu --pid $PROXBOX) s)"
fi
# shellcheck disable=SC2086
tool growth --results "$RUN_DIR/results" $PHASES || status=1
exit $status
