#!/usr/bin/env bash
# RabbitMQ users and permissions, one per party (docs/bus-security.md). Sourced by services.sh; also a command for
# operators and tests. Each prints the AMQP URL of the user it set up (the password is generated once and kept, mode
# 600, under $DSAR_LOCAL/rabbitmq/users/):
#   eng/bus-users.sh engine    <vhost>                                    the engine: everything on the vhost
#   eng/bus-users.sh connector <vhost> <tenant> <connector> [prefix]      user <tenant>.<connector>: its own queues,
#                                                                         write-only to the engine's reply exchange
#   eng/bus-users.sh listener  <vhost> <tenant> <name>                    user <tenant>.<name>: its own queue
#                                                                         dsar.<tenant>.listener.<name>, bound to the
#                                                                         erasure exchanges for <tenant>'s routing key only
#   eng/bus-users.sh delete    <user>                                     removes the user and its kept password
# [prefix] is the engine's Dsar:Bus:EndpointPrefix (default none). Tenant and connector names are slugs
# (^[a-z0-9][a-z0-9-]{1,62}$), so they never need escaping in the permission patterns below.
set -euo pipefail
if [ -z "${DSAR_ROOT:-}" ] || ! declare -F rabbit_env >/dev/null; then
  source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
fi

rmqctl() { ( rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q "$@" ); }

# The user's password: generated on first use and kept, so every script and restart agrees on it.
bus_password() {
  local dir="$DSAR_LOCAL/rabbitmq/users" file
  mkdir -p "$dir"; chmod 700 "$dir"
  file="$dir/$1"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$file")
  fi
  cat "$file"
}

# Creates the user, or sets its password to the kept one (the broker may have been reset while .local/ stayed).
ensure_bus_user() {
  local user="$1" password
  password="$(bus_password "$user")"
  if rmqctl list_users --no-table-headers 2>/dev/null | awk '{print $1}' | grep -qxF "$user"; then
    rmqctl change_password "$user" "$password" >/dev/null
  else
    rmqctl add_user "$user" "$password" >/dev/null
  fi
}

ensure_vhost() {
  rmqctl list_vhosts --no-table-headers 2>/dev/null | grep -qxF "$1" || rmqctl add_vhost "$1" >/dev/null
}

bus_url() { # user vhost
  local vhost="$2"; [ "$vhost" = "/" ] && vhost="" 
  printf 'amqp://%s:%s@127.0.0.1:%s/%s\n' "$1" "$(bus_password "$1")" "$DSAR_AMQP_PORT" "$vhost"
}

grant_engine() { # vhost [user]
  local vhost="$1" user="${2:-dsar-engine}"
  ensure_vhost "$vhost"; ensure_bus_user "$user"
  rmqctl set_permissions -p "$vhost" "$user" '.*' '.*' '.*' >/dev/null
  bus_url "$user" "$vhost"
}

grant_connector() { # vhost tenant connector [engine prefix]
  local vhost="$1" tenant="$2" connector="$3" prefix="${4:-}" user="$2.$3"
  # The connector's own queues (and MassTransit's exchanges of the same names): the tenant's command queue, its error
  # and skipped queues, and the service's own bus endpoint dsar.<tenant>.connector.<name>.bus-…
  local own="dsar\\.${tenant}\\.connector\\.${connector}(\\..*|_error|_skipped)?"
  local replies="${prefix//./\\.}dsar\\.replies"
  ensure_vhost "$vhost"; ensure_bus_user "$user"
  # Read only its own queues: never the engine's reply queue nor another tenant's commands. Configure and write on the
  # reply exchange, which MassTransit declares before sending; binding it anywhere would need read on it.
  rmqctl set_permissions -p "$vhost" "$user" "^(${own}|${replies})\$" "^(${own}|${replies})\$" "^${own}\$" >/dev/null
  bus_url "$user" "$vhost"
}

grant_listener() { # vhost tenant name
  local vhost="$1" tenant="$2" user="$2.$3" queue="dsar\\.$2\\.listener\\.$3"
  ensure_vhost "$vhost"; ensure_bus_user "$user"
  rmqctl set_permissions -p "$vhost" "$user" "^${queue}\$" "^${queue}\$" \
    "^(${queue}|dsar\\.subject-erasure-requested|dsar\\.subject-erased)\$" >/dev/null
  # Topic permissions: the routing key of a binding (the tenant slug) must match the read pattern, so this user can
  # never bind "#" or another organisation's key, and can publish nothing.
  for exchange in dsar.subject-erasure-requested dsar.subject-erased; do
    rmqctl set_topic_permissions -p "$vhost" "$user" "$exchange" '^$' "^${tenant}\$" >/dev/null
  done
  bus_url "$user" "$vhost"
}

delete_bus_user() {
  rmqctl delete_user "$1" >/dev/null 2>&1 || true
  rm -f "$DSAR_LOCAL/rabbitmq/users/$1"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    engine) grant_engine "${2:?vhost}" ;;
    connector) grant_connector "${2:?vhost}" "${3:?tenant}" "${4:?connector}" "${5:-}" ;;
    listener) grant_listener "${2:?vhost}" "${3:?tenant}" "${4:?name}" ;;
    delete) delete_bus_user "${2:?user}" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
fi
