#!/usr/bin/env bash
# Stops the local PostgreSQL, RabbitMQ and smtp4dev started by run.sh or test.sh (their data stays in .local/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
stop_services
