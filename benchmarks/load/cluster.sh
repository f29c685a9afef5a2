#!/usr/bin/env bash
# Load benchmark of @ValidateSignature on a cluster: the validated endpoint on one Payara Micro
# with the in-memory nonce store, against the same endpoint on two Payara Micro joined in one
# Hazelcast cluster (TCP-IP on 127.0.0.1) with oauth1.store=jcache, the load spread over both (one
# wrk per node, half the connections each), in the same run, alternately (ABBA across rounds). All
# three share the machine's cores. Prints both throughputs, their ratio (pair / single), and the
# servers' CPU time per request.
#
#   bash benchmarks/load/cluster.sh        # from anywhere in the repository
#
# Same scenarios and settings as run.sh (see common.sh); nodes on PORT, PORT+1 and PORT+2, their
# Hazelcast members on PORT+101 and PORT+102. Needs Java 17, Maven and wrk.
#
# NONCE_BACKUP: how the nonce cache is backed up on the other member: "sync" (default: nothing
# declared, Hazelcast's one synchronous backup), "async" (the cache declared in hazelcast.xml with
# one asynchronous backup: a request no longer waits for it, a nonce recorded just before a member
# dies may be lost), "none" (no backup: every nonce of a member that dies is lost). The declared
# cache has the expiry the library would give it (11 minutes) and no eviction.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SINGLE="http://127.0.0.1:$PORT"
NODE_A="http://127.0.0.1:$((PORT + 1))"
NODE_B="http://127.0.0.1:$((PORT + 2))"
HALF_CONNECTIONS=$(( (CONNECTIONS + 1) / 2 ))
HALF_THREADS=$(( THREADS > 1 ? THREADS / 2 : 1 ))
NONCE_BACKUP="${NONCE_BACKUP:-sync}"
case "$NONCE_BACKUP" in
    sync | async | none) ;;
    *) echo "NONCE_BACKUP must be sync, async or none, not '$NONCE_BACKUP'" >&2; exit 2 ;;
esac

# nonce_cache_xml: the declaration of the nonce cache NONCE_BACKUP asks for (none for "sync")
nonce_cache_xml() {
    local sync=0 async=0
    case "$NONCE_BACKUP" in
        sync) return ;;
        async) async=1 ;;
    esac
    cat <<XML
    <cache name="oauth1-nonces">
        <backup-count>$sync</backup-count>
        <async-backup-count>$async</async-backup-count>
        <expiry-policy-factory>
            <timed-expiry-policy-factory expiry-policy-type="CREATED" duration-amount="11" time-unit="MINUTES"/>
        </expiry-policy-factory>
        <eviction size="2147483647" max-size-policy="ENTRY_COUNT" eviction-policy="LRU"/>
    </cache>
XML
}

# hazelcast_xml <own port> <file>: a member on 127.0.0.1 that joins the other one by TCP-IP
hazelcast_xml() {
    cat >"$2" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<hazelcast xmlns="http://www.hazelcast.com/schema/config">
    <network>
        <port auto-increment="false">$1</port>
        <join>
            <auto-detection enabled="false"/>
            <multicast enabled="false"/>
            <tcp-ip enabled="true">
                <member>127.0.0.1:$((PORT + 101))</member>
                <member>127.0.0.1:$((PORT + 102))</member>
            </tcp-ip>
        </join>
        <interfaces enabled="true">
            <interface>127.0.0.1</interface>
        </interfaces>
    </network>
$(nonce_cache_xml)
</hazelcast>
XML
}

build
hazelcast_xml $((PORT + 101)) "$WORK/hazelcast-a.xml"
hazelcast_xml $((PORT + 102)) "$WORK/hazelcast-b.xml"
start_payara single "$PORT" 2g "$ROOT/src/test/resources/payara/hazelcast.xml" nocluster
start_payara a $((PORT + 1)) 3g "$WORK/hazelcast-a.xml" cluster OAUTH1_STORE=jcache
start_payara b $((PORT + 2)) 3g "$WORK/hazelcast-b.xml" cluster OAUTH1_STORE=jcache
await_payara single "$PORT"
await_payara a $((PORT + 1))
await_payara b $((PORT + 2))
grep -q "DG Size: 2" "$WORK/payara-a.log" || { echo "the two nodes did not form one cluster: see $WORK/payara-a.log" >&2; exit 1; }

# measure_single <scenario> <seconds>: sets RPS and CPU (µs of server CPU per request)
measure_single() {
    local output before after
    presign "$1" "$PRESIGNED" "$SINGLE" "$WORK/single.tsv"
    before="$(cpu_ticks "$PID_single")"
    output="$(drive "$SINGLE" "$WORK/single.tsv" validated "$2" "$CONNECTIONS" "$THREADS")"
    after="$(cpu_ticks "$PID_single")"
    RPS="$(rps_of "$output")"
    CPU="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$(requests_of "$output")" 'BEGIN {printf "%.1f", t * 1000000 / hz / n}')"
}

# measure_pair <scenario> <seconds>: both nodes at once, each its own requests (nonces); sets RPS (the sum) and CPU
measure_pair() {
    local before after out_a out_b
    presign "$1" $((PRESIGNED / 2)) "$NODE_A" "$WORK/a.tsv"
    presign "$1" $((PRESIGNED / 2)) "$NODE_B" "$WORK/b.tsv"
    before="$(cpu_ticks "$PID_a" "$PID_b")"
    drive "$NODE_A" "$WORK/a.tsv" validated "$2" "$HALF_CONNECTIONS" "$HALF_THREADS" >"$WORK/wrk-a.out" &
    local wrk_a=$!
    drive "$NODE_B" "$WORK/b.tsv" validated "$2" "$HALF_CONNECTIONS" "$HALF_THREADS" >"$WORK/wrk-b.out"
    wait "$wrk_a"
    after="$(cpu_ticks "$PID_a" "$PID_b")"
    out_a="$(cat "$WORK/wrk-a.out")"
    out_b="$(cat "$WORK/wrk-b.out")"
    RPS="$(awk -v a="$(rps_of "$out_a")" -v b="$(rps_of "$out_b")" 'BEGIN {printf "%.2f", a + b}')"
    CPU="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$(( $(requests_of "$out_a") + $(requests_of "$out_b") ))" \
        'BEGIN {printf "%.1f", t * 1000000 / hz / n}')"
}

: >"$WORK/wrk.log"
RESULTS="$WORK/cluster-results.tsv"
printf 'scenario\tround\tsingle_rps\tpair_rps\tratio\tsingle_cpu_us\tpair_cpu_us\tload\n' >"$RESULTS"
for scenario in $SCENARIOS; do
    log "$scenario: warming up the single node and the pair for about ${WARMUP}s each (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for _ in $(seq 1 $(( (WARMUP + DURATION - 1) / DURATION ))); do
        WARMING=1 measure_single "$scenario" "$DURATION"
        WARMING=1 measure_pair "$scenario" "$DURATION"
    done
    for round in $(seq 1 "$ROUNDS"); do
        for target in $( (( round % 2 == 1 )) && echo single pair || echo pair single); do
            "measure_$target" "$scenario" "$DURATION"
            if [ "$target" = single ]; then single=$RPS single_cpu=$CPU; else pair=$RPS pair_cpu=$CPU; fi
        done
        ratio="$(awk -v p="$pair" -v s="$single" 'BEGIN {printf "%.3f", p / s}')"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$round" "$single" "$pair" "$ratio" \
            "$single_cpu" "$pair_cpu" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
        log "$scenario round $round: one node (in-memory nonces) $single req/s ($single_cpu us CPU each)," \
            "two nodes (JCache nonces) $pair req/s ($pair_cpu us CPU each): ratio $ratio"
    done
done

log "nonce cache backup: $NONCE_BACKUP"
log "results ($RESULTS); load average now: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
column -t "$RESULTS"
awk -F'\t' 'NR > 1 {s[$1] += $3; p[$1] += $4; sc[$1] += $6; pc[$1] += $7; n[$1]++}
    END {for (k in s) printf "%s: one node %.0f req/s, two clustered nodes %.0f req/s, ratio %.3f;" \
        " CPU per request one node %.1f us, pair %.1f us\n", k, s[k] / n[k], p[k] / n[k], p[k] / s[k], sc[k] / n[k], pc[k] / n[k]}' "$RESULTS"
