#!/usr/bin/env bash
# Settings shared by run.sh and test.sh: the bus, the status-token key, the data key sealing exports, and database creation.
export Dsar__Bus__Url="$DSAR_AMQP"
# Every e-mail goes over SMTP to smtp4dev (services.sh): a person trying the demo reads the subject's mail in its web UI.
export Dsar__Mail__SmtpHost=127.0.0.1 Dsar__Mail__SmtpPort="$DSAR_SMTP_PORT" Dsar__Mail__SmtpSecurity=none
if [ ! -s "$DSAR_LOCAL/token-key" ]; then
  head -c 32 /dev/urandom | base64 >"$DSAR_LOCAL/token-key"
  chmod 600 "$DSAR_LOCAL/token-key"
fi
if [ ! -s "$DSAR_LOCAL/data-key" ]; then
  head -c 32 /dev/urandom | base64 >"$DSAR_LOCAL/data-key"
  chmod 600 "$DSAR_LOCAL/data-key"
fi
Dsar__Security__TokenKey="$(cat "$DSAR_LOCAL/token-key")"
Dsar__Security__DataKey="$(cat "$DSAR_LOCAL/data-key")"
export Dsar__Security__TokenKey Dsar__Security__DataKey

ensure_database() {
  local db="$1"
  if ! PGPASSWORD=dsar psql -h 127.0.0.1 -p "$DSAR_PG_PORT" -U dsar -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    PGPASSWORD=dsar psql -h 127.0.0.1 -p "$DSAR_PG_PORT" -U dsar -d postgres -qc "CREATE DATABASE $db" >/dev/null
    say "created database $db"
  fi
}
