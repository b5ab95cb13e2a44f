#!/usr/bin/env bash
# Stops the local PostgreSQL, RabbitMQ and smtp4dev started by run.sh or test.sh (their data stays in .local/), and the
# demo shop run.sh started (its other processes stop with run.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
shop_pid="$DSAR_LOCAL/shop.pid"
# Only that process: a pid the system has since given to another program is left alone.
if [ -f "$shop_pid" ] && grep -qs "DsarEngine.Samples.Shop" "/proc/$(cat "$shop_pid")/cmdline" && kill "$(cat "$shop_pid")" 2>/dev/null; then
  say "the demo shop stopped"
fi
rm -f "$shop_pid"
stop_services
