#!/usr/bin/env bash
# Sourced by test.sh and faults.sh: the services started as run.sh starts them, the engine's settings, where the tests
# find the services (DSAR_TEST_*), and the tests' broker virtual host emptied.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
set -e
start_services
source "$DSAR_ROOT/eng/app-env.sh"
set +e

export DSAR_TEST_PG="$DSAR_PG"
export DSAR_TEST_AMQP="${DSAR_AMQP}dsar-test"
# The tests' engines send their mail to smtp4dev; the tests read a subject's codes and links from its API.
export DSAR_TEST_SMTP="127.0.0.1:$DSAR_SMTP_PORT"
export DSAR_TEST_MAIL_API="http://127.0.0.1:$DSAR_MAIL_UI_PORT"
reset_test_vhost
