#!/usr/bin/env bash
# Builds the library and the sample, then runs the sample and the demo provider in one Payara
# Micro on 127.0.0.1 (nothing listens on other interfaces), until Ctrl-C.
#
#   ./sample-war/run.sh                 http://127.0.0.1:8080/sample/
#   PORT=9090 ./sample-war/run.sh       another port (the sample's configuration follows it)
#   SKIP_BUILD=1 ./sample-war/run.sh    start again without building
#
# Any oauth1.demo.* setting can be given as an environment variable to use another provider
# (OAUTH1_DEMO_CONSUMER_KEY=... ./sample-war/run.sh): see docs/sample.md and docs/providers.md.
set -euo pipefail

SAMPLE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SAMPLE")"
PORT="${PORT:-8080}"
PAYARA_VERSION=6.2025.10
PAYARA_JAR="$SAMPLE/target/payara-micro-$PAYARA_VERSION.jar"
LOG="$SAMPLE/target/payara-micro.log"

log() { printf '\n==> %s\n' "$*"; }

if [ -z "${SKIP_BUILD:-}" ]; then
    log "Building the library (mvn install, tests skipped)"
    mvn -B -ntp -q -f "$ROOT/pom.xml" install -DskipTests
    log "Building the sample and the demo provider"
    mvn -B -ntp -q -f "$SAMPLE/pom.xml" package
fi
if [ ! -f "$PAYARA_JAR" ]; then
    log "Getting Payara Micro $PAYARA_VERSION (about 100 MB, once)"
    mvn -B -ntp -q -N -f "$SAMPLE/pom.xml" dependency:copy \
        -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION:jar" -DoutputDirectory="$SAMPLE/target"
fi

# The sample finds the demo provider on the same port, unless told to look elsewhere.
export SAMPLE_PROVIDER_BASE="${SAMPLE_PROVIDER_BASE:-http://127.0.0.1:$PORT/demo-provider}"

log "Starting Payara Micro on 127.0.0.1:$PORT (log: $LOG)"
mkdir -p "$SAMPLE/target"
: > "$LOG"
java -Xmx512m \
    -Dhazelcast.config="$SAMPLE/payara/hazelcast.xml" -Dhazelcast.socket.bind.any=false \
    -jar "$PAYARA_JAR" \
    --nocluster --disablephonehome --prebootcommandfile "$SAMPLE/payara/preboot.asadmin" \
    --port "$PORT" \
    --deploy "$SAMPLE/demo-provider/target/demo-provider.war" \
    --deploy "$SAMPLE/app/target/sample.war" \
    > >(trap '' INT; exec tee -a "$LOG") 2>&1 &
PAYARA=$!

stop() {
    trap - INT TERM
    log "Stopping Payara Micro"
    kill -TERM "$PAYARA" 2>/dev/null || true
    wait "$PAYARA" 2>/dev/null || true
    exit 0
}
trap stop INT TERM

until grep -q "ready in" "$LOG"; do
    if ! kill -0 "$PAYARA" 2>/dev/null; then
        wait "$PAYARA" || true
        echo "Payara Micro stopped before it was ready (is port $PORT free? PORT=... picks another). See $LOG." >&2
        exit 1
    fi
    sleep 1
done

cat <<EOF

  ------------------------------------------------------------------------
   Open http://127.0.0.1:$PORT/sample/
   The demo provider: http://127.0.0.1:$PORT/demo-provider/
   Ctrl-C stops both.
  ------------------------------------------------------------------------

EOF
wait "$PAYARA"
