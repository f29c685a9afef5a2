#!/usr/bin/env bash
# Builds the library and the sample, then runs the sample and the demo provider on 127.0.0.1
# (nothing listens on other interfaces), until Ctrl-C.
#
#   ./sample-war/run.sh                      http://127.0.0.1:8080/sample/ on Payara Micro
#   SERVER=wildfly ./sample-war/run.sh       the same on WildFly
#   SERVER=liberty ./sample-war/run.sh       the same on Open Liberty
#   PORT=9090 ./sample-war/run.sh            another port (the sample's configuration follows it)
#   SKIP_BUILD=1 ./sample-war/run.sh         start again without building
#
# On Payara Micro the demo provider is deployed beside the sample. WildFly and Open Liberty cannot
# run it (it is built on Jersey's oauth1-server; they use RESTEasy), so there it runs in a Payara
# Micro of its own on PROVIDER_PORT (PORT+1 unless set). Servers are downloaded once from Maven
# Central into sample-war/target/servers (Payara Micro ~100 MB, WildFly ~260 MB, Liberty ~350 MB).
#
# Any oauth1.demo.* setting can be given as an environment variable to use another provider
# (OAUTH1_DEMO_CONSUMER_KEY=... ./sample-war/run.sh): see docs/sample.md and docs/providers.md.
set -euo pipefail

SAMPLE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SAMPLE")"
SERVER="${SERVER:-payara}"
PORT="${PORT:-8080}"
PROVIDER_PORT="${PROVIDER_PORT:-$((PORT + 1))}"
PAYARA_VERSION=6.2025.10
WILDFLY_VERSION=39.0.1.Final
LIBERTY_VERSION=26.0.0.3
H2_VERSION=2.4.240
SERVERS="$SAMPLE/target/servers"
PAYARA_JAR="$SERVERS/payara-micro-$PAYARA_VERSION.jar"

log() { printf '\n==> %s\n' "$*"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }

case "$SERVER" in
    payara|wildfly|liberty) ;;
    *) fail "SERVER must be payara, wildfly or liberty (was: $SERVER)" ;;
esac

if [ -z "${SKIP_BUILD:-}" ]; then
    log "Building the library (mvn install, tests skipped)"
    mvn -B -ntp -q -f "$ROOT/pom.xml" install -DskipTests
    log "Building the sample and the demo provider"
    mvn -B -ntp -q -f "$SAMPLE/pom.xml" package
fi
mkdir -p "$SERVERS"

# Downloads an artifact from Maven Central once: copy (jar) or unpack (zip) into $SERVERS.
fetch() {
    local goal="$1" artifact="$2" what="$3"
    log "Getting $what (once)"
    mvn -B -ntp -q -N -f "$SAMPLE/pom.xml" "dependency:$goal" -Dartifact="$artifact" -DoutputDirectory="$SERVERS"
}

[ -f "$PAYARA_JAR" ] || fetch copy "fish.payara.extras:payara-micro:$PAYARA_VERSION:jar" "Payara Micro $PAYARA_VERSION"

PIDS=()
stop() {
    local status=$?
    trap - INT TERM EXIT
    log "Stopping"
    local pid
    for pid in "${PIDS[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    exit "$status"
}
trap stop INT TERM EXIT

# Starts a command in its own process group (so that stop ends all of it), output to a log file.
start() {
    local logfile="$1"
    shift
    : > "$logfile"
    setsid "$@" > >(trap '' INT; exec tee -a "$logfile") 2>&1 &
    LAST_PID=$!
    PIDS+=("$LAST_PID")
}

# Waits until the log says the server (process $4) is ready; fails when the process ends first.
await() {
    local logfile="$1" ready="$2" what="$3" pid="$4"
    until grep -q -- "$ready" "$logfile"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            fail "$what stopped before it was ready (is its port free? PORT=... picks another). See $logfile."
        fi
        sleep 1
    done
}

# Payara Micro on 127.0.0.1 only: HTTP (preboot command), Hazelcast, and the embedded H2 server.
payara() {
    local port="$1" logfile="$2"
    shift 2
    start "$logfile" java -Xmx512m \
        -Dhazelcast.config="$SAMPLE/payara/hazelcast.xml" -Dhazelcast.socket.bind.any=false -Dh2.bindAddress=127.0.0.1 \
        -jar "$PAYARA_JAR" \
        --nocluster --disablephonehome --prebootcommandfile "$SAMPLE/payara/preboot.asadmin" \
        --port "$port" "$@"
}

case "$SERVER" in
    payara)
        # The sample finds the demo provider on the same port, unless told to look elsewhere.
        export SAMPLE_PROVIDER_BASE="${SAMPLE_PROVIDER_BASE:-http://127.0.0.1:$PORT/demo-provider}"
        log "Starting Payara Micro with the sample and the demo provider on 127.0.0.1:$PORT (log: $SAMPLE/target/payara-micro.log)"
        payara "$PORT" "$SAMPLE/target/payara-micro.log" \
            --deploy "$SAMPLE/demo-provider/target/demo-provider.war" --deploy "$SAMPLE/app/target/sample.war"
        await "$SAMPLE/target/payara-micro.log" "ready in" "Payara Micro" "$LAST_PID"
        PROVIDER_URL="http://127.0.0.1:$PORT/demo-provider/"
        ;;
    wildfly|liberty)
        log "Starting the demo provider in Payara Micro on 127.0.0.1:$PROVIDER_PORT (log: $SAMPLE/target/demo-provider.log)"
        payara "$PROVIDER_PORT" "$SAMPLE/target/demo-provider.log" --deploy "$SAMPLE/demo-provider/target/demo-provider.war"
        PROVIDER_PID=$LAST_PID
        export SAMPLE_PROVIDER_BASE="${SAMPLE_PROVIDER_BASE:-http://127.0.0.1:$PROVIDER_PORT/demo-provider}"
        PROVIDER_URL="http://127.0.0.1:$PROVIDER_PORT/demo-provider/"
        ;;
esac

case "$SERVER" in
    wildfly)
        WILDFLY="$SERVERS/wildfly-$WILDFLY_VERSION"
        [ -d "$WILDFLY" ] || fetch unpack "org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" "WildFly $WILDFLY_VERSION"
        rm -rf "$WILDFLY/standalone/deployments/"sample.war*
        # the LTI login (a Jakarta Security mechanism) needs integrated JASPI off: wildfly/jakarta-security.cli
        "$WILDFLY/bin/jboss-cli.sh" --file="$SAMPLE/wildfly/jakarta-security.cli" > "$SAMPLE/target/wildfly-cli.log" 2>&1 \
            || fail "WildFly's configuration could not be changed: see $SAMPLE/target/wildfly-cli.log"
        cp "$SAMPLE/app/target/sample.war" "$WILDFLY/standalone/deployments/"
        log "Starting WildFly (standalone-microprofile.xml) with the sample on 127.0.0.1:$PORT (log: $SAMPLE/target/wildfly.log)"
        # every socket on 127.0.0.1; HTTPS on a random port, management on 127.0.0.1:9990
        start "$SAMPLE/target/wildfly.log" env LAUNCH_JBOSS_IN_BACKGROUND=1 "$WILDFLY/bin/standalone.sh" \
            -c standalone-microprofile.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
            -Djboss.bind.address.private=127.0.0.1 -Djboss.http.port="$PORT" -Djboss.https.port=0 \
            -Dorg.jboss.logmanager.nocolor=true -Djboss.tx.node.id=oauth1-sample
        await "$SAMPLE/target/wildfly.log" "WFLYSRV002[56]" "WildFly" "$LAST_PID"
        grep -q 'WFLYSRV0010: Deployed "sample.war"' "$SAMPLE/target/wildfly.log" \
            || fail "WildFly started, but the sample did not deploy: see $SAMPLE/target/wildfly.log"
        ;;
    liberty)
        WLP="$SERVERS/wlp"
        [ -d "$WLP" ] || fetch unpack "io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip" "Open Liberty $LIBERTY_VERSION"
        USR="$WLP/usr/servers/sample"
        rm -rf "$USR"
        mkdir -p "$USR/dropins" "$USR/lib"
        cp "$SAMPLE/liberty/server.xml" "$USR/"
        printf 'sample.http.port=%s\n' "$PORT" > "$USR/bootstrap.properties"
        [ -f "$SERVERS/h2-$H2_VERSION.jar" ] || fetch copy "com.h2database:h2:$H2_VERSION:jar" "H2 $H2_VERSION"
        cp "$SERVERS/h2-$H2_VERSION.jar" "$USR/lib/h2.jar"
        cp "$SAMPLE/app/target/sample.war" "$USR/dropins/"
        log "Starting Open Liberty with the sample on 127.0.0.1:$PORT (log: $SAMPLE/target/liberty.log)"
        start "$SAMPLE/target/liberty.log" "$WLP/bin/server" run sample
        await "$SAMPLE/target/liberty.log" "CWWKF0011I" "Open Liberty" "$LAST_PID"
        until grep -q -e "CWWKZ0001I: Application sample started" -e "CWWKZ0002E" "$SAMPLE/target/liberty.log"; do
            sleep 1
        done
        grep -q "CWWKZ0001I: Application sample started" "$SAMPLE/target/liberty.log" \
            || fail "Open Liberty started, but the sample did not: see $SAMPLE/target/liberty.log"
        ;;
esac
if [ "$SERVER" != payara ]; then
    await "$SAMPLE/target/demo-provider.log" "ready in" "The demo provider's Payara Micro" "$PROVIDER_PID"
fi

cat <<EOF

  ------------------------------------------------------------------------
   Open http://127.0.0.1:$PORT/sample/   (on $SERVER)
   The demo provider: $PROVIDER_URL
   Ctrl-C stops everything.
  ------------------------------------------------------------------------

EOF
wait "${PIDS[@]}"
