# Shared by scripts/benchmark.sh and scripts/benchmark-endpoints.sh (sourced, not run). Expects ROOT, BUILD_DIR,
# HEAP, PORT set; defines the build, a user for the run, and the server's start and stop.
CLASSPATH_FILE=$BUILD_DIR/benchmark.classpath
BASE="http://127.0.0.1:$PORT/ceph-sync"

# The WAR, the test classes (generator, baseline, stand-in) and the test classpath (JSON-P, H2); sets GEN_CP.
build() {
  if [ -n "${REUSE_BUILD:-}" ] && [ -f "$BUILD_DIR/ceph-sync.war" ] && [ -f "$CLASSPATH_FILE" ] \
      && [ -f "$BUILD_DIR/test-classes/org/cephsync/bench/SyntheticCluster.class" ] && [ -f "$BUILD_DIR/payara-micro.jar" ]; then
    echo "Reusing the build in $BUILD_DIR"
  else
    echo "Building into $BUILD_DIR ..."
    mvn -q -B -DskipTests -Dbuild.dir="$BUILD_DIR" -Dceph-sync.uberjar.skip=true package \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
  fi
  GEN_CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$CLASSPATH_FILE")"
}

# A user for this run only (as scripts/sync-sample.sh does it): a random password, its PBKDF2 hash in the
# server's --systemproperties file ($1/server.properties), a netrc file ($1/netrc) for the client (never argv,
# never the environment).
make_user() { # $1 = run folder
  (
    umask 077
    PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
    HASH=$(printf '%s' "$PASSWORD" | java -cp "$BUILD_DIR/classes" org.cephsync.security.HashPassword --stdin)
    printf 'machine 127.0.0.1 login bench password %s\n' "$PASSWORD" >"$1/netrc"
    printf 'ceph-sync.users.bench.password-hash=%s\nceph-sync.users.bench.roles=ceph-sync-admin\n' "$HASH" >"$1/server.properties"
  )
}

# PostgreSQL instead of the embedded database (DATABASE=postgresql): a new, empty database $PG_DATABASE owned
# by a role of that name with a random password, which the server reads from $1/server.properties (MicroProfile
# Config, README "Databases"; never argv or the environment); $PG_ADMIN connects as a superuser. Sets
# SERVER_DB_OPTS for start_server.
setup_postgresql() { # $1 = run folder
  local password
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
  $PG_ADMIN -v ON_ERROR_STOP=1 -q <<SQL
DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE);
DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_DATABASE') THEN CREATE ROLE $PG_DATABASE LOGIN; END IF; END \$\$;
ALTER ROLE $PG_DATABASE PASSWORD '$password';
CREATE DATABASE $PG_DATABASE OWNER $PG_DATABASE;
SQL
  (umask 077; printf 'ceph-sync.database.url=jdbc:postgresql://%s/%s\nceph-sync.database.user=%s\nceph-sync.database.password=%s\n' \
    "$PG_HOST" "$PG_DATABASE" "$PG_DATABASE" "$password" >>"$1/server.properties")
  SERVER_DB_OPTS="--postbootcommandfile $ROOT/src/main/payara/postgresql.asadmin"
  if [ "$($PG_ADMIN -tA -c 'SHOW autovacuum')" = off ]; then
    echo "Note: this PostgreSQL runs without autovacuum (PostgreSQL's default is on): the space of deleted rows" \
      "(each run's staged reads) is not reused, so the database grows with every sync." >&2
  fi
}

# Payara Micro on 127.0.0.1 (SERVER_JAVA_OPTS: more JVM options, e.g. -XX:StartFlightRecording=... to profile): no Hazelcast, a fresh root dir ($1/payara), the heap limit, $1/server.properties;
# waits until the API answers. Sets SERVER (the pid).
start_server() { # $1 = run folder
  if curl -s -o /dev/null "$BASE/"; then
    echo "something already answers on $BASE: stop it or pick another PORT" >&2
    exit 1
  fi
  echo "Starting Payara Micro on $BASE with -Xmx$HEAP (log: $1/server.log) ..."
  # shellcheck disable=SC2086
  java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -Dh2.bindAddress=127.0.0.1 -jar "$BUILD_DIR/payara-micro.jar" \
    --deploy "$BUILD_DIR/ceph-sync.war" --contextroot /ceph-sync --rootdir "$1/payara" --nohazelcast --port "$PORT" ${SERVER_DB_OPTS:-} \
    --systemproperties "$1/server.properties" --prebootcommandfile "$ROOT/src/main/payara/preboot.asadmin" \
    --addLibs "$BUILD_DIR/server-lib" >"$1/server.log" 2>&1 &
  SERVER=$!
  local code=
  for _ in $(seq 1 240); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --netrc-file "$1/netrc" "$BASE/api/sync/jobs" || true)
    [ "$code" = 200 ] && break
    kill -0 $SERVER 2>/dev/null || { tail -50 "$1/server.log"; echo "the server stopped" >&2; exit 1; }
    sleep 1
  done
  [ "$code" = 200 ] || { tail -50 "$1/server.log"; echo "the server did not answer (HTTP $code)" >&2; exit 1; }
  echo "Server up: RSS $(awk '/VmRSS/{print int($2/1024)}' /proc/$SERVER/status) MB before the first run"
}

# A server that ran out of memory may not finish its shutdown on SIGTERM: SIGKILL after 30 s.
stop_server() {
  [ -n "${SERVER:-}" ] || return 0
  kill $SERVER 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 $SERVER 2>/dev/null || break; sleep 1; done
  kill -9 $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
}

# The proxbox-api stand-in (org.cephsync.bench.ProxboxServer) on a snapshot folder, with a key made for the run;
# sets PROXBOX (its pid) and PROXBOX_PROPERTIES (the server properties that point ceph-sync at it).
start_proxbox() { # $1 = run folder, $2 = snapshot folder, $3 = ms added to every answer
  local key
  key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
  echo "Starting the proxbox-api stand-in ($3 ms added to every answer) ..."
  printf '%s' "$key" | java -cp "$GEN_CP" org.cephsync.bench.ProxboxServer --snapshot "$2" --latency-ms "$3" \
    --url-file "$1/proxbox.url" \
    --counts-file "$1/proxbox-requests.txt" >"$1/proxbox.log" 2>&1 &
  PROXBOX=$!
  for _ in $(seq 1 60); do [ -s "$1/proxbox.url" ] && break; sleep 0.5; done
  [ -s "$1/proxbox.url" ] || { cat "$1/proxbox.log"; echo "the stand-in did not start" >&2; exit 1; }
  PROXBOX_PROPERTIES=$(printf 'ceph-sync.source=proxbox\nproxbox.url=%s\nproxbox.api-key=%s' "$(cat "$1/proxbox.url")" "$key")
}

tool() { python3 "$ROOT/scripts/benchmark.py" "$@"; }
