#!/usr/bin/env bash
# Builds ceph-sync, starts it on Payara Micro (127.0.0.1 only, no Hazelcast, data kept under ./data),
# runs a full sync of the sample snapshot bundled in the WAR, prints its stages, and stops the server.
# KEEP_RUNNING=1 leaves the server up afterwards (http://127.0.0.1:$PORT/).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8080}
DATA=${CEPH_SYNC_DATA:-$PWD/data}
BASE="http://127.0.0.1:$PORT"

mvn -q -B -DskipTests package
mkdir -p "$DATA"
java -Dh2.bindAddress=127.0.0.1 -jar target/payara-micro.jar --deploy target/ceph-sync.war --contextroot / \
  --rootdir "$DATA/payara" --nohazelcast --port "$PORT" \
  --prebootcommandfile src/main/payara/preboot.asadmin >"$DATA/server.log" 2>&1 &
SERVER=$!
if [ -z "${KEEP_RUNNING:-}" ]; then trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT; fi

echo "Starting Payara Micro (log: $DATA/server.log) ..."
for _ in $(seq 1 180); do
  curl -fs "$BASE/api/sync/jobs" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { tail -50 "$DATA/server.log"; echo "the server stopped" >&2; exit 1; }
  sleep 1
done

# the first requests after the start may still meet a deployment that is warming up: try a few times
for attempt in 1 2 3 4 5; do
  job=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"resources":["full"]}' "$BASE/api/sync/jobs") && break
  [ "$attempt" = 5 ] && { tail -50 "$DATA/server.log"; exit 1; }
  sleep 2
done
id=$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "Started sync job $id"
for _ in $(seq 1 600); do
  job=$(curl -fsS "$BASE/api/sync/jobs/$id")
  status=$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
  sleep 1
done
printf '%s' "$job" | python3 -c '
import json, sys
job = json.load(sys.stdin)
doc = job["data"]["ceph_sync"]
print("job %s: %s in %.1f s" % (job["id"], job["status"], doc["runtime_seconds"]))
print("%-12s %-8s %8s %8s %8s %8s %8s %9s" % ("stage", "status", "fetched", "created", "updated", "deleted", "unchanged", "seconds"))
for s in doc["response"]["stages"]:
    r = s.get("response") or {}
    print("%-12s %-8s %8s %8s %8s %8s %8s %9.2f" % (s["resource"], s["status"], r.get("fetched", "-"), r.get("created", "-"),
          r.get("updated", "-"), r.get("deleted", "-"), r.get("unchanged", "-"), s["runtime_seconds"]))
    if s.get("error"):
        print("    error: " + s["error"])
sys.exit(0 if job["status"] == "COMPLETED" else 1)
'
