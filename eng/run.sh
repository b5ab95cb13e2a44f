#!/usr/bin/env bash
# Sets up everything (Debian packages, PostgreSQL, RabbitMQ, database, demo organisation) and runs the engine.
#   DSAR_PORT (default 5080), DSAR_PG_PORT (54329), DSAR_AMQP_PORT (56729) change the ports.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
start_services
source "$DSAR_ROOT/eng/app-env.sh"
ensure_database dsar

port="${DSAR_PORT:-5080}"
export ASPNETCORE_URLS="http://127.0.0.1:$port"
export Dsar__Intake__PublicBaseUrl="http://127.0.0.1:$port"
export Dsar__Database__ConnectionString="$DSAR_PG;Database=dsar"
export Dsar__Demo__Seed=true
export Dsar__Demo__CredentialsFile="$DSAR_LOCAL/demo-credentials.json"
export Dsar__Demo__SampleConnector=true

say "building the engine and the sample CRM connector"
dotnet build "$DSAR_ROOT/src/DsarEngine.Server" -c Release -nologo -v q
dotnet build "$DSAR_ROOT/samples/DsarEngine.Samples.CrmConnector" -c Release -nologo -v q
(cd "$DSAR_ROOT/src/DsarEngine.Server/bin/Release/net10.0" && exec dotnet DsarEngine.Server.dll) &
server=$!
(cd "$DSAR_ROOT/samples/DsarEngine.Samples.CrmConnector/bin/Release/net10.0" && Connector__Name=crm exec dotnet DsarEngine.Samples.CrmConnector.dll) &
connector=$!
trap 'kill $server $connector 2>/dev/null || true' INT TERM EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { say "the engine stopped during start-up (see above)"; exit 1; }
  sleep 0.5
done
cat <<MSG

  DsarEngine is running.
    API page      http://127.0.0.1:$port/api-docs
    OpenAPI       http://127.0.0.1:$port/openapi/v1.json
    Health        http://127.0.0.1:$port/health/ready
    Credentials   $DSAR_LOCAL/demo-credentials.json (staff API keys of the demo organisation 'demo')
    Connector     the sample CRM connector runs beside the engine (queue dsar-connector-crm)
    Admin API key $(sed -n 's/.*"admin": "\(.*\)".*/\1/p' "$DSAR_LOCAL/demo-credentials.json" | head -n 1)
    Processor     'helpdesk' (a helpdesk SaaS, GDPR Art. 28) routes workspace 'demo' to the demo inbox, refers 'globex'

  Try:
    curl -s -X POST http://127.0.0.1:$port/api/v1/requests -H 'Content-Type: application/json' \\
      -d '{"tenant":"demo","right":"access","subject":{"email":"ada@example.org","name":"Ada"},"jurisdiction":"FR","language":"fr"}'
  Stop the services with: eng/stop.sh    (Ctrl+C stops the engine)

MSG
wait "$server"
