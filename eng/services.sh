#!/usr/bin/env bash
# Installs and starts the local services DsarEngine needs, as plain processes on loopback under .local/.
# Sourced by run.sh and test.sh; safe to run again (a second run reuses what is already running).
set -euo pipefail

DSAR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DSAR_LOCAL="${DSAR_LOCAL:-$DSAR_ROOT/.local}"
DSAR_PG_PORT="${DSAR_PG_PORT:-54329}"
DSAR_AMQP_PORT="${DSAR_AMQP_PORT:-56729}"
DSAR_AMQP_DIST_PORT="${DSAR_AMQP_DIST_PORT:-$((DSAR_AMQP_PORT + 1))}"
DSAR_EPMD_PORT="${DSAR_EPMD_PORT:-54369}"
DSAR_SMTP_PORT="${DSAR_SMTP_PORT:-2525}"
DSAR_MAIL_UI_PORT="${DSAR_MAIL_UI_PORT:-5025}"
SMTP4DEV_VERSION=3.15.0
PG_BIN=/usr/lib/postgresql/15/bin
export DSAR_ROOT DSAR_LOCAL DSAR_PG_PORT DSAR_AMQP_PORT DSAR_SMTP_PORT DSAR_MAIL_UI_PORT

say() { printf '\033[1m[dsar]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v chromium >/dev/null || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
  # Chinese, Japanese and Korean names in letters (5 MB; Noto CJK would be 90 MB)
  [ -d /usr/share/fonts/truetype/wqy ] || missing+=(fonts-wqy-microhei)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  # Debian's packages may start system-wide services; ours run on their own ports, so they do not clash.
}

# PostgreSQL refuses to run as root, so its files belong to the postgres user, who must be able to reach
# them: give "search" (x) permission on any parent directory that denies it (a checkout under a private
# temporary directory, say). Nothing becomes readable by others.
open_path_for_postgres() {
  local dir="$1"
  while [ "$dir" != "/" ]; do
    runuser -u postgres -- test -x "$dir" 2>/dev/null || chmod o+x "$dir"
    dir=$(dirname "$dir")
  done
}

start_postgres() {
  local data="$DSAR_LOCAL/pg/data" run="$DSAR_LOCAL/pg/run"
  mkdir -p "$DSAR_LOCAL/pg"
  chown postgres:postgres "$DSAR_LOCAL/pg"
  open_path_for_postgres "$DSAR_LOCAL"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "initialising PostgreSQL cluster in $data"
    local pw; pw=$(mktemp); echo postgres >"$pw"; chown postgres "$pw"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --pwfile="$pw" -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pw"
  fi
  runuser -u postgres -- mkdir -p "$run"
  if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "PostgreSQL already running on 127.0.0.1:$DSAR_PG_PORT"
  else
    say "starting PostgreSQL on 127.0.0.1:$DSAR_PG_PORT"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$DSAR_LOCAL/pg/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $DSAR_PG_PORT -c unix_socket_directories=$run -c max_connections=300 -c shared_buffers=256MB" >/dev/null
  fi
  # The application role: owns its databases, creates test databases.
  runuser -u postgres -- "$PG_BIN/psql" -h "$run" -p "$DSAR_PG_PORT" -U postgres -d postgres -qAtc \
    "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dsar') THEN
       CREATE ROLE dsar LOGIN CREATEDB PASSWORD 'dsar'; END IF; END \$\$;" >/dev/null
}

rabbit_env() {
  export HOME="$DSAR_LOCAL/rabbitmq"   # Erlang keeps its cookie in $HOME
  export RABBITMQ_NODENAME="dsar@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$DSAR_AMQP_PORT"
  export RABBITMQ_DIST_PORT="$DSAR_AMQP_DIST_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$DSAR_EPMD_PORT"
  export RABBITMQ_MNESIA_BASE="$DSAR_LOCAL/rabbitmq/mnesia"
  export RABBITMQ_LOG_BASE="$DSAR_LOCAL/rabbitmq/log"
  export RABBITMQ_PID_FILE="$DSAR_LOCAL/rabbitmq/rabbit.pid"
  export RABBITMQ_CONFIG_FILE="$DSAR_LOCAL/rabbitmq/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$DSAR_LOCAL/rabbitmq/enabled_plugins"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$DSAR_LOCAL/rabbitmq/advanced.config"
  export ERL_CRASH_DUMP="$DSAR_LOCAL/rabbitmq/erl_crash.dump"
}

start_rabbitmq() {
  mkdir -p "$DSAR_LOCAL/rabbitmq/log" "$DSAR_LOCAL/rabbitmq/mnesia"
  (
    rabbit_env
    [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo "[]." >"$RABBITMQ_ENABLED_PLUGINS_FILE"
    printf 'listeners.tcp.1 = 127.0.0.1:%s\n' "$DSAR_AMQP_PORT" >"$RABBITMQ_CONFIG_FILE.conf"
    [ -f "$RABBITMQ_ADVANCED_CONFIG_FILE" ] || echo "[]." >"$RABBITMQ_ADVANCED_CONFIG_FILE"
    if /usr/lib/rabbitmq/bin/rabbitmqctl -q status >/dev/null 2>&1; then
      say "RabbitMQ already running on 127.0.0.1:$DSAR_AMQP_PORT"
    else
      say "starting RabbitMQ on 127.0.0.1:$DSAR_AMQP_PORT"
      nohup /usr/lib/rabbitmq/bin/rabbitmq-server >"$DSAR_LOCAL/rabbitmq/server.out" 2>&1 &
      local pid=$! tries=0
      # Wait until the node answers and has finished booting (or the process dies).
      until /usr/lib/rabbitmq/bin/rabbitmqctl -q await_startup --timeout 10 >/dev/null 2>&1; do
        tries=$((tries + 1))
        if ! kill -0 "$pid" 2>/dev/null || [ "$tries" -gt 30 ]; then
          say "RabbitMQ did not start; last lines of $DSAR_LOCAL/rabbitmq/server.out:"
          tail -20 "$DSAR_LOCAL/rabbitmq/server.out"; exit 1
        fi
        sleep 1
      done
    fi
  )
  setup_bus_users
}

# Every party gets its own RabbitMQ user with only the permissions it needs (eng/bus-users.sh, docs/bus-security.md): the
# engine (everything, on the demo's vhost "/" and the tests' "dsar-test"), each demo connector (its own queues, write-only
# to the engine's reply exchange) and the demo's erasure listener (its queue, the demo organisation's routing key only).
# The broker's default guest user is deleted. A marker in the broker's data skips this when nothing changed.
setup_bus_users() {
  local marker
  marker="$DSAR_LOCAL/rabbitmq/mnesia/.dsar-bus-users-$( (cat "$DSAR_ROOT/eng/bus-users.sh" "$DSAR_ROOT/eng/services.sh"; echo "${DSAR_KEEP_GUEST:-}") | sha256sum | cut -c1-16)"
  if [ ! -f "$marker" ]; then
    say "setting up RabbitMQ users and permissions"
    source "$DSAR_ROOT/eng/bus-users.sh"
    # Tests get their own virtual host: their replies and events never reach the demo's queues, nor the demo's theirs.
    grant_engine / >/dev/null
    grant_engine dsar-test >/dev/null
    for connector in crm billing support-desk; do grant_connector / demo "$connector" >/dev/null; done
    grant_listener / demo recommendations >/dev/null
    if [ -z "${DSAR_KEEP_GUEST:-}" ]; then
      ( rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q delete_user guest >/dev/null 2>&1 || true )
    fi
    rm -f "$DSAR_LOCAL"/rabbitmq/mnesia/.dsar-bus-users-*
    touch "$marker"
  fi
}

# A test run starts from an empty test virtual host: whatever an interrupted run left (queues bound to the reply
# exchanges, which would receive a copy of every later reply) is gone.
reset_test_vhost() {
  (
    rabbit_env
    /usr/lib/rabbitmq/bin/rabbitmqctl -q delete_vhost dsar-test >/dev/null 2>&1 || true
    /usr/lib/rabbitmq/bin/rabbitmqctl -q add_vhost dsar-test >/dev/null
    /usr/lib/rabbitmq/bin/rabbitmqctl -q set_permissions -p dsar-test dsar-engine '.*' '.*' '.*' >/dev/null
  )
}

# smtp4dev catches every e-mail the demo and the tests send: SMTP on DSAR_SMTP_PORT, its web UI and HTTP API on
# DSAR_MAIL_UI_PORT, loopback only, never relaying (a catcher that relayed would mail real people). A .NET tool,
# installed under .local/tools; its database and settings live under .local/smtp4dev.
smtp4dev_answers() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$DSAR_MAIL_UI_PORT/api/messages?pageSize=1" 2>/dev/null; }

start_smtp4dev() {
  local tools="$DSAR_LOCAL/tools" data="$DSAR_LOCAL/smtp4dev"
  mkdir -p "$tools" "$data"
  if [ ! -x "$tools/smtp4dev" ]; then
    say "installing smtp4dev $SMTP4DEV_VERSION into $tools"
    dotnet tool install Rnwood.Smtp4dev --version "$SMTP4DEV_VERSION" --tool-path "$tools" >/dev/null
  fi
  if smtp4dev_answers; then
    say "smtp4dev already running: SMTP 127.0.0.1:$DSAR_SMTP_PORT, mail at http://127.0.0.1:$DSAR_MAIL_UI_PORT"
    return 0
  fi
  say "starting smtp4dev: SMTP 127.0.0.1:$DSAR_SMTP_PORT, mail at http://127.0.0.1:$DSAR_MAIL_UI_PORT"
  # Empty --imapport/--pop3port/--relaysmtpserver turn those off; --nousersettings ignores a stray ~/.config file.
  # 5000 messages kept: a full test run sends about 700; the API searches them in memory, so fewer stay fast.
  (cd "$data" && exec nohup "$tools/smtp4dev" --nousersettings --baseappdatapath="$data" --db="$data/database.db" \
    --hostname=localhost --bindaddress=127.0.0.1 --allowremoteconnections- --disableipv6 \
    --smtpport="$DSAR_SMTP_PORT" --urls="http://127.0.0.1:$DSAR_MAIL_UI_PORT" \
    --imapport= --pop3port= --relaysmtpserver= --messagestokeep=5000 --sessionstokeep=200 \
    >"$data/server.log" 2>&1) &
  local pid=$! tries=0
  echo "$pid" >"$data/smtp4dev.pid"
  until smtp4dev_answers; do
    tries=$((tries + 1))
    if ! kill -0 "$pid" 2>/dev/null || [ "$tries" -gt 60 ]; then
      say "smtp4dev did not start; last lines of $data/server.log:"
      tail -20 "$data/server.log"; return 1
    fi
    sleep 1
  done
}

stop_smtp4dev() {
  local pidfile="$DSAR_LOCAL/smtp4dev/smtp4dev.pid"
  if [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; then
    say "smtp4dev stopped"
  else
    say "smtp4dev was not running"
  fi
  rm -f "$pidfile"
}

stop_services() {
  ( rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q stop >/dev/null 2>&1 && say "RabbitMQ stopped" || say "RabbitMQ was not running" )
  if [ -f "$DSAR_LOCAL/pg/data/PG_VERSION" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DSAR_LOCAL/pg/data" status >/dev/null 2>&1; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DSAR_LOCAL/pg/data" -m fast -w stop >/dev/null && say "PostgreSQL stopped"
  else
    say "PostgreSQL was not running"
  fi
  stop_smtp4dev
}

start_services() {
  install_packages
  start_postgres
  start_rabbitmq
  start_smtp4dev
  export DSAR_PG="Host=127.0.0.1;Port=$DSAR_PG_PORT;Username=dsar;Password=dsar"
  # The engine's own broker user (its password is generated once under .local/rabbitmq/users/).
  export DSAR_AMQP="amqp://dsar-engine:$(cat "$DSAR_LOCAL/rabbitmq/users/dsar-engine")@127.0.0.1:$DSAR_AMQP_PORT/"
}
