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
# Settings (environment): see common.sh. Needs Java 17, Maven and wrk (apt-get install -y wrk).
# cluster.sh compares one node with two clustered ones instead.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ORIGIN="http://127.0.0.1:$PORT"

build
start_otlp_sink
start_payara single "$PORT" 2g "$ROOT/src/test/resources/payara/hazelcast.xml" nocluster
await_payara single "$PORT"

# measure <file> <validated|plain> <seconds>: sets RPS (requests per second) and CPU (Payara's CPU
# time per request, in microseconds)
measure() {
    local output before after
    before="$(cpu_ticks "$PID_single")"
    output="$(drive "$ORIGIN" "$1" "$2" "$3" "$CONNECTIONS" "$THREADS")"
    after="$(cpu_ticks "$PID_single")"
    RPS="$(rps_of "$output")"
    CPU="$(awk -v ticks="$((after - before))" -v hz="$(getconf CLK_TCK)" -v requests="$(requests_of "$output")" \
        'BEGIN {printf "%.1f", ticks * 1000000 / hz / requests}')"
}

: >"$WORK/wrk.log"
RESULTS="$WORK/results.tsv"
printf 'scenario\tround\tvalidated_rps\tplain_rps\trps_ratio\tvalidated_cpu_us\tplain_cpu_us\tcpu_ratio\tload\n' >"$RESULTS"
for scenario in $SCENARIOS; do
    log "$scenario: warming up both endpoints for about ${WARMUP}s each (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for _ in $(seq 1 $(( (WARMUP + DURATION - 1) / DURATION ))); do
        presign "$scenario" "$PRESIGNED" "$ORIGIN" "$WORK/requests.tsv"
        WARMING=1 measure "$WORK/requests.tsv" validated "$DURATION"
        WARMING=1 measure "$WORK/requests.tsv" plain "$DURATION"
    done
    for round in $(seq 1 "$ROUNDS"); do
        presign "$scenario" "$PRESIGNED" "$ORIGIN" "$WORK/requests.tsv"
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

if [ "$METRICS" = on ]; then log "OTLP exports received:"; cat "$WORK/otlp-counts.tsv" >&2; fi
log "results ($RESULTS); load average now: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
column -t "$RESULTS"
awk -F'\t' 'NR > 1 {v[$1] += $3; p[$1] += $4; vc[$1] += $6; pc[$1] += $7; n[$1]++}
    END {for (s in v) printf "%s: validated %.0f req/s, plain %.0f req/s, throughput ratio %.3f;" \
        " CPU per request validated %.1f us, plain %.1f us, ratio plain/validated %.3f\n",
        s, v[s] / n[s], p[s] / n[s], v[s] / p[s], vc[s] / n[s], pc[s] / n[s], pc[s] / vc[s]}' "$RESULTS"
