#!/usr/bin/env bash
# The walk-through of docs/engine.md, as a script: tokens, `tthc serve` on the embedded store
# (no database server), a dossier from submission to "returned" with officers' tokens, another
# one late with an apology slip once simulated time passes, the KPIs. With DATABASE_URL set,
# the same against PostgreSQL with two `tthc serve` workers.
#
#   bash docs/tools/engine-walkthrough.sh                      # embedded store, in a temp folder
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test bash docs/tools/engine-walkthrough.sh
#
# Needs curl and jq. Run from the repository root after `npm ci`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TTHC="node $ROOT/bin/tthc.js"
WORK="$(mktemp -d)"
cd "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${DATABASE_URL:-}" ] && command -v psql >/dev/null; then sleep 1; psql "$DATABASE_URL" -qc "DROP SCHEMA IF EXISTS ${SCHEMA:-none} CASCADE" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

# 1. The operator file: agencies and tokens (only their SHA-256 hashes are kept).
XA=000.01.21.H12
ADMIN=$($TTHC token add --tokens tokens.yaml --id quan-tri --role administrator 2>/dev/null)
RECEPTION=$($TTHC token add --tokens tokens.yaml --id tiep-nhan-1 --role reception --agency $XA \
  --agency-name "Ủy ban nhân dân xã An Bình" --agency-level commune 2>/dev/null)
SPECIALIST=$($TTHC token add --tokens tokens.yaml --id chuyen-vien-1 --role specialist --agency $XA 2>/dev/null)
APPROVER=$($TTHC token add --tokens tokens.yaml --id lanh-dao-1 --role approver --agency $XA 2>/dev/null)
CITIZEN=$($TTHC token add --tokens tokens.yaml --id 001099012345 --role applicant 2>/dev/null)
say "cat tokens.yaml"; cat tokens.yaml

# 2. The server: embedded store in ./tthc-data unless DATABASE_URL is set (then two workers).
if [ -n "${DATABASE_URL:-}" ]; then
  SCHEMA="tthc_walk_$$"
  for port in 8081 8082; do
    $TTHC serve --database-url "$DATABASE_URL" --schema "$SCHEMA" --port $port --tokens tokens.yaml \
      --simulated-clock 2026-03-02T08:00 --sweep-interval 0 --lang en > "serve-$port.log" 2>&1 &
    PIDS+=($!)
  done
  URLS=(http://127.0.0.1:8081 http://127.0.0.1:8082)
else
  $TTHC serve --port 8080 --tokens tokens.yaml --simulated-clock 2026-03-02T08:00 --lang en > serve.log 2>&1 &
  PIDS+=($!)
  URLS=(http://127.0.0.1:8080)
fi
for u in "${URLS[@]}"; do
  for _ in $(seq 1 120); do curl -sf "$u/health" >/dev/null && break; sleep 0.5; done
done
U=${URLS[0]}
V=${URLS[${#URLS[@]}-1]}   # the second worker, when there are two
say "curl $U/health"; curl -s "$U/health" | jq -c .

# 3. A citizen files a birth registration online (1.001193).
say "curl -X POST $U/dossiers  (applicant, online)"
curl -s -X POST "$U/dossiers" -H "Authorization: Bearer $CITIZEN" -H 'content-type: application/json' -d '{
  "commandId": "walk-1", "procedure": "1.001193", "agency": "'$XA'", "channel": "online",
  "facts": { "birthEvidence": "e-birth-notice", "applicant": "parent", "residenceInDatabase": true },
  "components": ["to-khai", "giay-to-tuy-than", "giay-to-cu-tru"] }' | tee created.json | jq -c .
ID=$(jq -r .dossierId created.json)

# 4. Officers move it to "returned" (commands alternate between the workers when there are two).
step() { # token url command [extra json]
  say "curl -X POST $2/dossiers/\$ID/commands  {\"command\": \"$3\"}"
  curl -s -X POST "$2/dossiers/$ID/commands" -H "Authorization: Bearer $1" -H 'content-type: application/json' \
    -d "{\"commandId\": \"walk-$3-$ID\", \"command\": \"$3\"${4:-}}" | jq -c '{version, state, documents: [.documents[]? | {kind, appointment}]}'
}
step "$RECEPTION" "$U" receive
step "$RECEPTION" "$V" transfer
step "$SPECIALIST" "$U" appraise
step "$APPROVER" "$V" approve
step "$RECEPTION" "$U" present-originals
step "$RECEPTION" "$V" return ', "method": "in-person"'
say "curl $U/dossiers/\$ID  (the applicant reads it)"
curl -s "$U/dossiers/$ID" -H "Authorization: Bearer $CITIZEN" | jq -c '{state: .dossier.state, label: .dossier.stateLabel, number: .dossier.number, due: .dossier.due, history: [.history[].command]}'

# 5. Another dossier (marital-status certificate, 3 working days) is received, then time passes.
curl -s -X POST "$U/dossiers" -H "Authorization: Bearer $RECEPTION" -H 'content-type: application/json' -d '{
  "commandId": "walk-2", "procedure": "1.004873", "agency": "'$XA'", "channel": "in-person", "applicant": "001099054321",
  "components": ["to-khai", "giay-to-tuy-than", "giay-to-cu-tru"] }' > late.json
ID=$(jq -r .dossierId late.json)
step "$RECEPTION" "$U" receive
step "$RECEPTION" "$U" transfer
say "curl -X POST $U/clock  {\"to\": \"2026-03-09T08:00\"}  (administrator; simulated time)"
CURLS=()
for u in "${URLS[@]}"; do   # every worker's clock moves; each sweeps at once, each timer fires once
  curl -s -X POST "$u/clock" -H "Authorization: Bearer $ADMIN" -H 'content-type: application/json' -d '{"to": "2026-03-09T08:00"}' > "clock-${u##*:}.json" &
  CURLS+=($!)
done
wait "${CURLS[@]}"
cat clock-*.json | jq -c .
say "curl $U/dossiers?overdue=true"
curl -s "$U/dossiers?overdue=true" -H "Authorization: Bearer $RECEPTION" | jq -c '[.dossiers[] | {number, state, appointment, apologies}]'
say "curl $U/dossiers/\$ID  (the apology slip)"
curl -s "$U/dossiers/$ID" -H "Authorization: Bearer $RECEPTION" -H 'Accept-Language: vi' | jq -c '{state: .dossier.state, late: .dossier.late, documents: [.documents[] | {kind, form, title, appointment}]}'

# 6. The figures.
say "curl '$U/kpi?by=level&format=markdown'"
curl -s "$U/kpi?by=level&format=markdown" -H "Authorization: Bearer $ADMIN" -H 'Accept-Language: en'
