#!/usr/bin/env bash
# Settings shared by run.sh and test.sh: the bus, the status-token key, and database creation.
export Dsar__Bus__Url="$DSAR_AMQP"
if [ ! -s "$DSAR_LOCAL/token-key" ]; then
  head -c 32 /dev/urandom | base64 >"$DSAR_LOCAL/token-key"
  chmod 600 "$DSAR_LOCAL/token-key"
fi
Dsar__Security__TokenKey="$(cat "$DSAR_LOCAL/token-key")"
export Dsar__Security__TokenKey

ensure_database() {
  local db="$1"
  if ! PGPASSWORD=dsar psql -h 127.0.0.1 -p "$DSAR_PG_PORT" -U dsar -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    PGPASSWORD=dsar psql -h 127.0.0.1 -p "$DSAR_PG_PORT" -U dsar -d postgres -qc "CREATE DATABASE $db" >/dev/null
    say "created database $db"
  fi
}
