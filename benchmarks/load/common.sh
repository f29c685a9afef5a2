# Shared by the load benchmarks (run.sh, cluster.sh): settings, the build, Payara Micro, pre-signing
# and wrk. Source it; it defines functions and settings and changes nothing else.
#
# Settings (environment): DURATION seconds per measurement (20), ROUNDS per scenario (4), WARMUP
# seconds per endpoint (60), CONNECTIONS (32), THREADS of wrk (2), PORT (8181), SCENARIOS ("get
# form"), PRESIGNED requests signed per measurement (500000; raise it if a run reports WRAPPED or
# Non-2xx responses), METRICS (off; "on": MicroProfile Telemetry on in Payara, the library's
# metrics exported over OTLP every 10 s to otlp-sink.py on OTLP_PORT, 4318).

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
DURATION="${DURATION:-20}"
ROUNDS="${ROUNDS:-4}"
WARMUP="${WARMUP:-60}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-8181}"
PRESIGNED="${PRESIGNED:-500000}"
SCENARIOS="${SCENARIOS:-get form}"
METRICS="${METRICS:-off}"
OTLP_PORT="${OTLP_PORT:-4318}"
PAYARA_VERSION=6.2025.10
STARTED_PIDS=()

log() { printf '\n==> %s\n' "$*" >&2; }

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$WORK"
trap 'for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done' EXIT

# build: the library (tests skipped), the benchmark WAR and the Payara Micro jar; sets LIBRARY_JAR
build() {
    log "building and installing the library (tests skipped), then the benchmark WAR"
    mvn -B -ntp -q -f "$ROOT/pom.xml" -DskipTests -Dbuild.dir="$WORK/library" install
    mvn -B -ntp -q -f "$HERE/pom.xml" package
    LIBRARY_JAR="$(ls "$WORK"/library/oauth1-consumer-*.jar | grep -v -e sources -e javadoc | head -1)"
    mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
        -DoutputDirectory="$WORK" -Dmdep.stripVersion=true
}

# start_payara <name> <port> <heap> <hazelcast.xml> <nocluster|cluster> [VAR=value ...]: boots
# bench.war in a Payara Micro with these environment variables, waits until it answers, and sets
# PID_<name>. Its log: $WORK/payara-<name>.log.
start_payara() {
    local name="$1" port="$2" heap="$3" hazelcast="$4" cluster="$5" pid
    shift 5
    log "starting Payara Micro '$name' on http://127.0.0.1:$port (log: $WORK/payara-$name.log)"
    env "$@" java -Xms"$heap" -Xmx"$heap" $(telemetry_options) \
        -Dhazelcast.config="$hazelcast" -Dhazelcast.socket.bind.any=false -Dh2.bindAddress=127.0.0.1 \
        -jar "$WORK/payara-micro.jar" $([ "$cluster" = nocluster ] && echo --nocluster) --disablephonehome \
        --name "$name" --prebootcommandfile "$ROOT/src/test/resources/payara/preboot.asadmin" \
        --port "$port" --deploy "$WORK/bench.war" >"$WORK/payara-$name.log" 2>&1 &
    pid=$!
    STARTED_PIDS+=("$pid")
    printf -v "PID_$name" '%s' "$pid"
}

# telemetry_options: with METRICS=on, the JVM options that switch MicroProfile Telemetry on for
# the application and export its metrics to the sink (started by start_otlp_sink)
telemetry_options() {
    [ "$METRICS" = on ] || return 0
    echo "-Dotel.sdk.disabled=false -Dotel.service.name=bench -Dotel.metrics.exporter=otlp" \
        "-Dotel.traces.exporter=none -Dotel.logs.exporter=none -Dotel.exporter.otlp.protocol=http/protobuf" \
        "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:$OTLP_PORT -Dotel.metric.export.interval=10000"
}

# start_otlp_sink: with METRICS=on, starts otlp-sink.py; what it received: $WORK/otlp-counts.tsv
start_otlp_sink() {
    [ "$METRICS" = on ] || return 0
    log "metrics on: exported to the OTLP sink on 127.0.0.1:$OTLP_PORT (counts: $WORK/otlp-counts.tsv)"
    python3 "$HERE/otlp-sink.py" "$OTLP_PORT" "$WORK/otlp-counts.tsv" &
    STARTED_PIDS+=("$!")
}

# await_payara <name> <port>: waits (at most 5 minutes) until the benchmark application answers
await_payara() {
    local name="$1" port="$2" pid_var="PID_$1"
    for _ in $(seq 1 300); do
        if curl -fs "http://127.0.0.1:$port/bench/api/plain/get?item=0" >/dev/null 2>&1; then return; fi
        kill -0 "${!pid_var}" 2>/dev/null || { tail -50 "$WORK/payara-$name.log" >&2; exit 1; }
        sleep 1
    done
    echo "Payara '$name' did not start" >&2
    exit 1
}

# presign <scenario> <count> <origin> <file>
presign() {
    java -cp "$LIBRARY_JAR" "$HERE/Presign.java" "$1" "$2" "$3" "$4"
}

# cpu_ticks <pid>...: the CPU time these processes have used so far, in clock ticks
cpu_ticks() {
    local total=0 pid
    for pid in "$@"; do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$total"
}

# drive <origin> <file> <validated|plain> <seconds> <connections> <threads>: runs wrk with the
# pre-signed requests and prints its output; fails on any non-2xx answer, and when the validated
# endpoint would have been sent a request twice (a replay); on socket errors too, except while
# WARMING=1 (warm-up rounds are not measured, and a cold server on a loaded machine lets a few
# requests pass wrk's 2 s timeout)
drive() {
    local output errors="Socket errors"
    [ "${WARMING:-0}" = 1 ] && errors="Non-2xx"
    output="$(wrk -t"$6" -c"$5" -d"$4"s -s "$HERE/presigned.lua" "$1" -- "$2" "$3" "$6")"
    printf '%s\n' "$output" >>"$WORK/wrk.log"
    if grep -q -e "Non-2xx" -e "$errors" <<<"$output" || { [ "$3" = validated ] && grep -q WRAPPED <<<"$output"; }; then
        printf '%s\n' "$output" >&2
        echo "the $3 measurement on $1 had failed requests (see above): raise PRESIGNED or look at $WORK/payara-*.log" >&2
        exit 1
    fi
    printf '%s\n' "$output"
}

# requests_of <wrk output>, rps_of <wrk output>
requests_of() { awk '/requests in/ {print $1}' <<<"$1"; }
rps_of() { awk '/^Requests\/sec:/ {print $2}' <<<"$1"; }
