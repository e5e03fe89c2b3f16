#!/usr/bin/env bash
# Builds ceph-sync, starts it on Payara Micro (127.0.0.1 only, no Hazelcast, data kept under ./data),
# runs a full sync of the sample snapshot bundled in the WAR, prints its stages, and stops the server.
# KEEP_RUNNING=1 leaves the server up afterwards (http://127.0.0.1:$PORT/ is the web console).
# The API needs a user: on its first run the script makes a demo admin with a random password, kept in
# $DATA/demo-credentials (user:password, mode 600), and hands Payara Micro only its PBKDF2 hash, through
# --systemproperties $DATA/demo-users.properties. Nothing in the WAR knows a password.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8080}
DATA=${CEPH_SYNC_DATA:-$PWD/data}
BASE="http://127.0.0.1:$PORT/ceph-sync"

mvn -q -B -DskipTests package
# the data folder holds the database (inventory, job repository) and the demo credentials: this user's only
mkdir -p "$DATA"
chmod 700 "$DATA"

# the demo user: a random password made once, its hash for the server, a netrc file for curl (never argv)
CREDENTIALS="$DATA/demo-credentials"
USERS="$DATA/demo-users.properties"
NETRC="$DATA/demo.netrc"
(
  umask 077
  if [ ! -s "$CREDENTIALS" ]; then
    printf 'demo:%s\n' "$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')" >"$CREDENTIALS"
  fi
  PASSWORD=$(sed -n '1s/^demo://p' "$CREDENTIALS")
  if [ ! -s "$USERS" ] || [ "$CREDENTIALS" -nt "$USERS" ]; then
    HASH=$(printf '%s' "$PASSWORD" | java -cp target/classes org.cephsync.security.HashPassword --stdin)
    printf 'ceph-sync.users.demo.password-hash=%s\nceph-sync.users.demo.roles=ceph-sync-admin\n' "$HASH" >"$USERS"
  fi
  printf 'machine 127.0.0.1 login demo password %s\n' "$PASSWORD" >"$NETRC"
)
CURL=(curl --netrc-file "$NETRC")

# CEPH_SYNC_DATABASE_URL (with _USER, _PASSWORD) set: PostgreSQL instead of the embedded H2 (README, Databases)
DATABASE=()
if [ -n "${CEPH_SYNC_DATABASE_URL:-}" ]; then
  DATABASE=(--postbootcommandfile src/main/payara/postgresql.asadmin)
fi
java -Dh2.bindAddress=127.0.0.1 -jar target/payara-micro.jar --deploy target/ceph-sync.war --contextroot /ceph-sync \
  --rootdir "$DATA/payara" --nohazelcast --port "$PORT" --systemproperties "$USERS" \
  --prebootcommandfile src/main/payara/preboot.asadmin --addLibs target/server-lib "${DATABASE[@]}" >"$DATA/server.log" 2>&1 &
SERVER=$!
if [ -z "${KEEP_RUNNING:-}" ]; then trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT; fi

echo "Starting Payara Micro (log: $DATA/server.log) ..."
for _ in $(seq 1 180); do
  "${CURL[@]}" -fs "$BASE/api/sync/jobs" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { tail -50 "$DATA/server.log"; echo "the server stopped" >&2; exit 1; }
  sleep 1
done

# the first requests after the start may still meet a deployment that is warming up: try a few times
for attempt in 1 2 3 4 5; do
  job=$("${CURL[@]}" -fsS -X POST -H 'Content-Type: application/json' -d '{"resources":["full"]}' "$BASE/api/sync/jobs") && break
  [ "$attempt" = 5 ] && { tail -50 "$DATA/server.log"; exit 1; }
  sleep 2
done
id=$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "Started sync job $id"
for _ in $(seq 1 600); do
  job=$("${CURL[@]}" -fsS "$BASE/api/sync/jobs/$id")
  status=$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
  sleep 1
done
outcome=0
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
' || outcome=$?
if [ -n "${KEEP_RUNNING:-}" ]; then
  echo "Web console: $BASE/ (user demo, password in $CREDENTIALS); the server keeps running (pid $SERVER)"
fi
exit $outcome
