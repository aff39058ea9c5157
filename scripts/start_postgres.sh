#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on loopback for rawi's tests and print its URL.
#
#   export RAWI_TEST_POSTGRES_URL=$(scripts/start_postgres.sh)
#   .venv/bin/pytest tests/test_store_*.py tests/test_ingest_*.py
#   scripts/start_postgres.sh --stop DIR      # stop a cluster started earlier (DIR is printed on stderr)
#
# Needs the Debian/Ubuntu `postgresql` package (initdb, pg_ctl under /usr/lib/postgresql/*/bin).
# Runs the server as the `postgres` user when started by root. Trust authentication, bound to
# 127.0.0.1 only, data in a temp dir: for tests, never for real data.
# Environment: RAWI_PG_PORT (default: a free port from 54320 up), RAWI_PG_DIR (default: mktemp).
set -euo pipefail

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "${BIN}" || ! -x "${BIN}/initdb" ]]; then
    echo "start_postgres.sh: PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2
    exit 1
fi

as_pg() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ "${1:-}" == "--stop" ]]; then
    as_pg "${BIN}/pg_ctl" -D "$2" -m fast stop >&2
    exit 0
fi

DIR=${RAWI_PG_DIR:-$(mktemp -d /tmp/rawi-pg.XXXXXX)}
mkdir -p "${DIR}"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "${DIR}"; fi
chmod 700 "${DIR}"

PORT=${RAWI_PG_PORT:-}
if [[ -z "${PORT}" ]]; then
    for p in $(seq 54320 54399); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/${p}") 2>/dev/null; then PORT=${p}; break; fi
    done
fi

USER_NAME=$(if [[ $(id -u) -eq 0 ]]; then echo postgres; else id -un; fi)
if [[ ! -f "${DIR}/data/PG_VERSION" ]]; then
    as_pg "${BIN}/initdb" -D "${DIR}/data" -U "${USER_NAME}" --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"${DIR}/initdb.log" 2>&1 || {
        cat "${DIR}/initdb.log" >&2; exit 1; }
fi
as_pg "${BIN}/pg_ctl" -D "${DIR}/data" -l "${DIR}/server.log" -w \
    -o "-k ${DIR} -p ${PORT} -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
as_pg "${BIN}/createdb" -h 127.0.0.1 -p "${PORT}" -U "${USER_NAME}" rawi_test 2>/dev/null || true

echo "start_postgres.sh: cluster in ${DIR} (stop: scripts/start_postgres.sh --stop ${DIR}/data)" >&2
echo "postgresql://${USER_NAME}@127.0.0.1:${PORT}/rawi_test"
