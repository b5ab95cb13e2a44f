#!/usr/bin/env bash
# Sets up everything (Debian packages, PostgreSQL, RabbitMQ, database, demo organisation) and runs the engine.
#   DSAR_PORT (default 5080), DSAR_RENDERER_PORT (5081), DSAR_PG_PORT (54329), DSAR_AMQP_PORT (56729),
#   DSAR_SMTP_PORT (2525), DSAR_MAIL_UI_PORT (5025, smtp4dev's web UI: the subjects' inboxes) and DSAR_SHOP_PORT (5091, the
#   demo shop whose privacy page embeds the subject form) change the ports.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
start_services
source "$DSAR_ROOT/eng/app-env.sh"
ensure_database dsar

port="${DSAR_PORT:-5080}"
export ASPNETCORE_URLS="http://127.0.0.1:$port"
# localhost, not 127.0.0.1: browsers accept a passkey for a domain name only (WebAuthn), and the inbox's passkeys
# use this URL's host; Kestrel still listens on the loopback address only.
export Dsar__Intake__PublicBaseUrl="http://localhost:$port"
export Dsar__Database__ConnectionString="$DSAR_PG;Database=dsar"
export Dsar__Demo__Seed=true
export Dsar__Demo__CredentialsFile="$DSAR_LOCAL/demo-credentials.json"
export Dsar__Demo__SampleConnectors=true

# The sample systems: three bus connectors on their own schemas in dsar_samples, a newsletter SaaS reached over
# HTTP (its shared secret is generated once into .local/), and a downstream listener of erasure events.
ensure_database dsar_samples
newsletter_port="${DSAR_NEWSLETTER_PORT:-5090}"
if [ ! -s "$DSAR_LOCAL/newsletter-secret" ]; then
  head -c 32 /dev/urandom | base64 | tr -d '\n' >"$DSAR_LOCAL/newsletter-secret"
  chmod 600 "$DSAR_LOCAL/newsletter-secret"
fi
# The secret is provisioned for the demo organisation only and bound to the newsletter's endpoint: no other
# organisation can name it, and it is sent nowhere else (docs/http-connectors.md).
export Dsar__Connectors__Secrets__demo__newsletter__Value="$(cat "$DSAR_LOCAL/newsletter-secret")"
export Dsar__Connectors__Secrets__demo__newsletter__Endpoints__0="http://127.0.0.1:$newsletter_port/"
# Every sample system listens on 127.0.0.1 over plain http, which the engine refuses by default (Dsar:Egress).
export Dsar__Egress__AllowHttp=true
export Dsar__Egress__AllowedNetworks__0=127.0.0.0/8
export Dsar__Demo__NewsletterUrl="http://127.0.0.1:$newsletter_port/"
export ConnectionStrings__Samples="$DSAR_PG;Database=dsar_samples"
samples=(CrmConnector BillingConnector SupportDeskConnector NewsletterSaas ErasureListener Shop)
# The demo's shop: a third-party site on its own origin whose privacy page embeds the form with the script tag. The browser
# reaches it as localhost (like the engine); the demo organisation allows that origin (Dsar:Demo:ShopOrigin).
shop_port="${DSAR_SHOP_PORT:-5091}"
export Dsar__Demo__ShopOrigin="http://localhost:$shop_port"
# Each sample reaches the broker as its own user (services.sh set them up with eng/bus-users.sh): a connector reads only the
# demo organisation's queue for it, the listener binds only the demo organisation's erasure events.
source "$DSAR_ROOT/eng/bus-users.sh"
listener_url="$(bus_url demo.recommendations /)"
export Dsar__Demo__ErasureListenerUrl="$listener_url"

# OpenDSR (the engine as a processor for a demo controller): a signing key certified by a local demo CA (OpenDSR forbids
# self-signed certificates outside development), and the demo controller's bearer token, of which the engine keeps the
# SHA-256 only. The token is written to .local/demo-credentials.json under "opendsr".
opendsr="$DSAR_LOCAL/opendsr"
if [ ! -s "$opendsr/processor.pem" ]; then
  mkdir -p "$opendsr"; chmod 700 "$opendsr"
  (cd "$opendsr" && umask 077 &&
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj "/CN=DsarEngine demo CA" 2>/dev/null &&
    openssl req -newkey rsa:2048 -nodes -keyout processor.key -out processor.csr -subj "/CN=dsar.localhost" 2>/dev/null &&
    openssl x509 -req -in processor.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out processor.crt -days 825 2>/dev/null &&
    cat processor.key processor.crt >processor.pem && rm -f processor.csr)
fi
[ -s "$opendsr/controller-token" ] || (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$opendsr/controller-token")
export Dsar__OpenDsr__SigningKeyPath="$opendsr/processor.pem"
export Dsar__OpenDsr__Controllers__demo_controller__Tenant=helpdesk
export Dsar__OpenDsr__Controllers__demo_controller__TokenSha256="$(tr -d '\n' <"$opendsr/controller-token" | sha256sum | cut -c1-64)"
export Dsar__Demo__OpenDsrToken="$(cat "$opendsr/controller-token")"

say "building the engine and the sample systems"
dotnet build "$DSAR_ROOT/src/DsarEngine.Server" -c Release -nologo -v q
for sample in "${samples[@]}"; do
  dotnet build "$DSAR_ROOT/samples/DsarEngine.Samples.$sample" -c Release -nologo -v q
done
run_sample() { # name, then environment assignments
  local sample="$1"; shift
  (cd "$DSAR_ROOT/samples/DsarEngine.Samples.$sample/bin/Release/net10.0" && exec env "$@" Logging__LogLevel__Default=Warning dotnet "DsarEngine.Samples.$sample.dll") &
  pids+=($!)
}
pids=()
# The engine leaves response packs to a separate renderer process (the same binary as Dsar:Role=pack-renderer, serving
# only /health on its own port): headless Chromium's memory and crashes stay out of the engine.
renderer_port="${DSAR_RENDERER_PORT:-5081}"
(cd "$DSAR_ROOT/src/DsarEngine.Server/bin/Release/net10.0" && exec env Dsar__Role=engine dotnet DsarEngine.Server.dll) &
server=$!
pids+=("$server")
trap 'kill "${pids[@]}" 2>/dev/null || true' INT TERM EXIT
(cd "$DSAR_ROOT/src/DsarEngine.Server/bin/Release/net10.0" && exec env Dsar__Role=pack-renderer ASPNETCORE_URLS="http://127.0.0.1:$renderer_port" \
  Logging__LogLevel__Default=Warning dotnet DsarEngine.Server.dll) &
pids+=($!)
for connector in crm billing support-desk; do
  case "$connector" in crm) sample=CrmConnector ;; billing) sample=BillingConnector ;; *) sample=SupportDeskConnector ;; esac
  run_sample "$sample" Connector__Name="$connector" Connector__Tenants=demo Connector__EngineUser=dsar-engine \
    Dsar__Bus__Url="$(bus_url "demo.$connector" /)"
done
run_sample Shop Shop__EngineUrl="http://localhost:$port" Shop__Tenant=demo Shop__Url="http://127.0.0.1:$shop_port"
# eng/stop.sh stops the shop too (the other processes stop with this script).
echo "${pids[-1]}" >"$DSAR_LOCAL/shop.pid"
run_sample NewsletterSaas Newsletter__Secret="$Dsar__Connectors__Secrets__demo__newsletter__Value" Newsletter__Url="http://127.0.0.1:$newsletter_port"
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { say "the engine stopped during start-up (see above)"; exit 1; }
  sleep 0.5
done
# The demo subjects (the first seeded people) exist in the CRM, billing, the support desk and the newsletter.
subjects=""
for _ in $(seq 1 60); do
  subjects="$(PGPASSWORD=dsar psql -h 127.0.0.1 -p "$DSAR_PG_PORT" -U dsar -d dsar_samples -qAtc \
    "SELECT string_agg(email, ' ' ORDER BY id) FROM (SELECT id, email FROM crm.customers ORDER BY id LIMIT 3) s" 2>/dev/null || true)"
  [ -n "$subjects" ] && break
  sleep 0.5
done
demo_subject="${subjects%% *}"
run_sample ErasureListener Dsar__Bus__Url="$listener_url" Listener__Queue=dsar.demo.listener.recommendations Listener__Tenant=demo \
  Listener__Preload="$subjects"
# The inbox's demo people from the credentials file ("users": {"<role>": {"email": …, "password": …}}), one line each.
demo_users() {
  awk '/"users": \{/ {u=1; next} u && /^  \}/ {u=0} u && /": \{/ {gsub(/[" :{]/, ""); role=$0}
       u && /"email"/ {split($0, a, "\""); email=a[4]} u && /"password"/ {split($0, a, "\""); printf "                  %-16s %s / %s\n", role, email, a[4]}' "$1"
}
cat <<MSG

  DsarEngine is running.
    Inbox         http://localhost:$port/inbox  organisation: demo; one person per role (e-mail / password):
$(demo_users "$DSAR_LOCAL/demo-credentials.json")
    API page      http://127.0.0.1:$port/api-docs
    OpenAPI       http://127.0.0.1:$port/openapi/v1.json
    Health        http://127.0.0.1:$port/health/ready (pack renderer: http://127.0.0.1:$renderer_port/health/ready)
    Mail          http://127.0.0.1:$DSAR_MAIL_UI_PORT  every e-mail the demo sends, as the subject receives it (smtp4dev;
                  SMTP on 127.0.0.1:$DSAR_SMTP_PORT, nothing is relayed): acknowledgements, identity codes, answer links
    Credentials   $DSAR_LOCAL/demo-credentials.json (staff API keys of the demo organisation 'demo')
    Systems       CRM, billing, support desk (bus), newsletter SaaS (HTTP, port $newsletter_port), paper archive (manual),
                  an erasure listener (plain AMQP)
    Subjects      present in every sample system: $subjects
    Admin API key $(sed -n 's/.*"admin": "\(.*\)".*/\1/p' "$DSAR_LOCAL/demo-credentials.json" | head -n 1)
    Shop          http://localhost:$shop_port/privacy (also /fr/privacy, /ru/privacy): a shop's privacy page on another origin
                  that embeds the subject form with one script tag
    Processor     'helpdesk' (a helpdesk SaaS, GDPR Art. 28) routes workspace 'demo' to the demo inbox, refers 'globex'

  Open http://localhost:$shop_port/privacy to try the form as a data subject; the subject's e-mails (acknowledgement,
  identity code, the portal's links) arrive at http://127.0.0.1:$DSAR_MAIL_UI_PORT

  Try:
    curl -s -X POST http://127.0.0.1:$port/api/v1/requests -H 'Content-Type: application/json' \\
      -d '{"tenant":"demo","right":"erasure","subject":{"email":"$demo_subject"},"jurisdiction":"FR","language":"fr"}'
    then open http://127.0.0.1:$DSAR_MAIL_UI_PORT: the subject's acknowledgement and identity code are there
  Stop the services with: eng/stop.sh    (Ctrl+C stops the engine)

MSG
wait "$server"
