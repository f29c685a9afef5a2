#!/usr/bin/env bash
# Load benchmark of @ValidateSignature: one Payara Micro serves two identical endpoints, one with
# @ValidateSignature and one without; wrk sends both the same pre-signed requests, alternately, in
# the same run, and the script prints each throughput and the ratio, and Payara's CPU time per
# request on each endpoint (read from /proc: a figure that other load on the machine disturbs less).
#
#   bash benchmarks/load/run.sh            # from anywhere in the repository
#
# Two scenarios: "get" (a GET, protocol parameters in the Authorization header) and "form" (an
# LTI-style launch: a form POST with the protocol parameters in the body, read by @FormParam).
# Settings (environment): DURATION seconds per measurement (20), ROUNDS per scenario (4),
# WARMUP seconds per endpoint (60), CONNECTIONS (32), THREADS of wrk (2), PORT (8181), SCENARIOS ("get form"),
# PRESIGNED requests signed per measurement (500000; raise it if the run reports WRAPPED or
# Non-2xx responses). Needs Java 17, Maven and wrk (apt-get install -y wrk).
set -euo pipefail

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
ORIGIN="http://127.0.0.1:$PORT"
PAYARA_VERSION=6.2025.10

log() { printf '\n==> %s\n' "$*" >&2; }

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$WORK"

log "building and installing the library (tests skipped), then the benchmark WAR"
mvn -B -ntp -q -f "$ROOT/pom.xml" -DskipTests -Dbuild.dir="$WORK/library" install
mvn -B -ntp -q -f "$HERE/pom.xml" package
LIBRARY_JAR="$(ls "$WORK"/library/oauth1-consumer-*.jar | grep -v -e sources -e javadoc | head -1)"
mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
    -DoutputDirectory="$WORK" -Dmdep.stripVersion=true

log "starting Payara Micro on $ORIGIN (log: $WORK/payara.log)"
java -Xms2g -Xmx2g \
    -Dhazelcast.config="$ROOT/src/test/resources/payara/hazelcast.xml" -Dhazelcast.socket.bind.any=false -Dh2.bindAddress=127.0.0.1 \
    -jar "$WORK/payara-micro.jar" --nocluster --disablephonehome \
    --prebootcommandfile "$ROOT/src/test/resources/payara/preboot.asadmin" \
    --port "$PORT" --deploy "$WORK/bench.war" >"$WORK/payara.log" 2>&1 &
PAYARA_PID=$!
trap 'kill "$PAYARA_PID" 2>/dev/null || true; wait "$PAYARA_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    if curl -fs "$ORIGIN/bench/api/plain/get?item=0" >/dev/null 2>&1; then break; fi
    kill -0 "$PAYARA_PID" 2>/dev/null || { tail -50 "$WORK/payara.log" >&2; exit 1; }
    sleep 1
done
curl -fs "$ORIGIN/bench/api/plain/get?item=0" >/dev/null || { echo "Payara did not start" >&2; exit 1; }

# presign <scenario> <count> <file>
presign() {
    java -cp "$LIBRARY_JAR" "$HERE/Presign.java" "$1" "$2" "$ORIGIN" "$3"
}

# CPU time Payara has used so far, in clock ticks
payara_cpu() {
    awk '{print $14 + $15}' "/proc/$PAYARA_PID/stat"
}

# measure <file> <validated|plain> <seconds>: sets RPS (requests per second) and CPU (Payara's CPU
# time per request, in microseconds); fails on any non-2xx answer, and when the validated endpoint
# would have been sent a request twice (a replay)
measure() {
    local output before after
    before="$(payara_cpu)"
    output="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3"s -s "$HERE/presigned.lua" "$ORIGIN" -- "$1" "$2" "$THREADS")"
    after="$(payara_cpu)"
    printf '%s\n' "$output" >>"$WORK/wrk.log"
    if grep -q -e "Non-2xx" -e "Socket errors" <<<"$output" || { [ "$2" = validated ] && grep -q WRAPPED <<<"$output"; }; then
        printf '%s\n' "$output" >&2
        echo "the $2 measurement had failed requests (see above): raise PRESIGNED or look at $WORK/payara.log" >&2
        exit 1
    fi
    read -r RPS CPU < <(awk -v ticks="$((after - before))" -v hz="$(getconf CLK_TCK)" '
        /requests in/ {requests = $1}
        /^Requests\/sec:/ {rps = $2}
        END {printf "%s %.1f\n", rps, ticks * 1000000 / hz / requests}' <<<"$output")
}

: >"$WORK/wrk.log"
RESULTS="$WORK/results.tsv"
printf 'scenario\tround\tvalidated_rps\tplain_rps\trps_ratio\tvalidated_cpu_us\tplain_cpu_us\tcpu_ratio\tload\n' >"$RESULTS"
for scenario in $SCENARIOS; do
    log "$scenario: warming up both endpoints for about ${WARMUP}s each (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for _ in $(seq 1 $(( (WARMUP + DURATION - 1) / DURATION ))); do
        presign "$scenario" "$PRESIGNED" "$WORK/requests.tsv"
        measure "$WORK/requests.tsv" validated "$DURATION"
        measure "$WORK/requests.tsv" plain "$DURATION"
    done
    for round in $(seq 1 "$ROUNDS"); do
        presign "$scenario" "$PRESIGNED" "$WORK/requests.tsv"
        # odd rounds measure the validated endpoint first, even rounds the plain one, so that a
        # machine getting faster or slower during the run favours neither
        for target in $( (( round % 2 == 1 )) && echo validated plain || echo plain validated); do
            measure "$WORK/requests.tsv" "$target" "$DURATION"
            if [ "$target" = validated ]; then validated=$RPS validated_cpu=$CPU; else plain=$RPS plain_cpu=$CPU; fi
        done
        ratio="$(awk -v v="$validated" -v p="$plain" 'BEGIN {printf "%.3f", v / p}')"
        cpu_ratio="$(awk -v v="$validated_cpu" -v p="$plain_cpu" 'BEGIN {printf "%.3f", p / v}')"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$round" "$validated" "$plain" "$ratio" \
            "$validated_cpu" "$plain_cpu" "$cpu_ratio" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
        log "$scenario round $round: validated $validated req/s ($validated_cpu us CPU each)," \
            "plain $plain req/s ($plain_cpu us CPU each): throughput ratio $ratio, CPU ratio $cpu_ratio"
    done
done

log "results ($RESULTS); load average now: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
column -t "$RESULTS"
awk -F'\t' 'NR > 1 {v[$1] += $3; p[$1] += $4; vc[$1] += $6; pc[$1] += $7; n[$1]++}
    END {for (s in v) printf "%s: validated %.0f req/s, plain %.0f req/s, throughput ratio %.3f;" \
        " CPU per request validated %.1f us, plain %.1f us, ratio plain/validated %.3f\n",
        s, v[s] / n[s], p[s] / n[s], v[s] / p[s], vc[s] / n[s], pc[s] / n[s], pc[s] / vc[s]}' "$RESULTS"
