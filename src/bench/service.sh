# Sourced by the HTTP benchmarks: start_service NAME starts the packaged service on a free loopback port with a
# throw-away embedded PostgreSQL (or the external one QUARKUS_DATASOURCE_JDBC_URL names) and a random platform key, waits until it is ready, and stops it (and removes the
# data) when the calling script exits. Sets BASE, PID, SERVICE_DB and COMMENTGUARD_ADMIN_API_KEY; the log is
# target/bench/NAME-service.log. Extra JVM options: SERVICE_JAVA_OPTS.
start_service() {
  local name=$1
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE="http://127.0.0.1:$port"
  export COMMENTGUARD_ADMIN_API_KEY="cg_platform_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1
  SERVICE_DATA=""
  if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    SERVICE_DATA=$(mktemp -d -t "commentguard-$name-bench-XXXXXX")
    export COMMENTGUARD_DB_EMBEDDED_DATA_DIR=$SERVICE_DATA
    SERVICE_DB="embedded PostgreSQL ($SERVICE_DATA)"
  else
    SERVICE_DB="external PostgreSQL ($QUARKUS_DATASOURCE_JDBC_URL)"
  fi
  mkdir -p target/bench
  SERVICE_LOG=target/bench/$name-service.log
  # shellcheck disable=SC2086
  java -Xmx2g ${SERVICE_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$SERVICE_LOG" 2>&1 &
  PID=$!
  trap stop_service EXIT
  for _ in $(seq 180); do
    curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || { echo "service died, see $SERVICE_LOG"; exit 1; }
    sleep 1
  done
  echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

stop_service() {
  kill "$PID" 2>/dev/null && for _ in $(seq 60); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$PID" 2>/dev/null || true
  if [ -n "$SERVICE_DATA" ]; then rm -rf "$SERVICE_DATA"; fi
}
