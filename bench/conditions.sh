#!/bin/bash
# bench/conditions.sh: the download stage where users are, side by side with its peers in one
# run. Needs root (Dovecot, a loop device for the "fresh" row) and a build (scripts/build.sh);
# peers that are not installed are skipped (bench/run.sh --install-peers installs them).
#
# Conditions (CONDITIONS, default all), each run RUNS times (default 3) with the tools
# alternating within every run, so that both sides see the same noise; medians go to
# work/conditions.md, every run to work/conditions.tsv:
#   steady        the spool on the ordinary file system (bench/work/steady, never recreated); after
#                 each timed download the connector's own transfer and dispatch run (untimed) and
#                 deliver to Dovecot LMTP, whose mail is then removed: the churn a running
#                 connector causes. mpop's Maildir is emptied after each run the same way.
#   seq-writer    steady, with a sequential writer without fsync on the same file system
#   fsync-writer  steady, with a writer that fsyncs each 30 KB file on the same file system
#   busy-cpu      steady, with a program that keeps one CPU busy and writes nothing: the part of
#                 the seq writer's cost that is its CPU, not its writing
#   fresh         each run on a freshly made ext4 (a loop device): the ideal, for comparison
#   tls           POP3S for every tool (TLS_N messages, default 1000)
#   rtt20, rtt80  through bench/netproxy.py (that RTT, 50 Mbit/s per connection; NET_N messages,
#                 default 200), the raw pipelined client through the same proxy as the limit
#   many          50 mailboxes over 4 servers (127.0.0.2-5) behind the proxy at RTT 80 ms,
#                 MANY_PER messages each (default 40): connector against the raw client with
#                 the same 50 connections at once
#   pipeline      PIPE_N messages (default 2000) downloaded, routed and delivered to Dovecot LMTP
#                 by the connector on the steady spool, against raw_lmtp.py (4 connections)
#   sustained     the pipeline in steady state with the manager attached: SUS_CYCLES cycles
#                 (default 10) of SUS_N new messages each (default 5000), every cycle started
#                 from the manager (bench/gui_bench.cpp, Spool tab open on PickUp) on one
#                 running pop3connectord; before each, raw_lmtp.py delivers the same messages
#                 (the LMTP server's own limit); the UI thread's longest stall per cycle
#                 (SUS_CLIENT=ctl: the cycles started by pop3connectorctl, no manager)
#   limits        what one sync costs anyone on the spool's file system, quiet and beside each
#                 neighbour (bench/synclatency.py), to work/limits.txt
# BASELINE=/path/to/an/older/pop3connectord adds the tools connector-baseline and
# connector-baseline-pipeline, connector-baseline-50 (name them in STEADY_TOOLS, TLS_TOOLS,
# NET_TOOLS, MANY_TOOLS or PIPE_TOOLS);
# VARIANT=/path/to/another/pop3connectord the tool connector-variant, the same way.
# Where the CPU went in each timed run (the tool's own user and system time, the neighbour's, and
# the whole machine's busy, idle and iowait seconds) goes to work/conditions-cpu.tsv.
# SMOKE=1: one run of a tiny corpus per condition (what a quick check needs).
# LOG_LEVEL=maximum: the connector's events, with their times, in the spool's log/events.log
# (where a pipeline run's time goes: each transfer and delivery run is an event at Maximum).
set -euo pipefail
B=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$B")
N=${N:-5000}
TLS_N=${TLS_N:-1000}
NET_N=${NET_N:-200}
MANY_PER=${MANY_PER:-40}
PIPE_N=${PIPE_N:-2000}
SUS_N=${SUS_N:-5000}
SUS_CYCLES=${SUS_CYCLES:-10}
RUNS=${RUNS:-3}
PEER_RUNS=${PEER_RUNS:-1} # runs of the slow peers (fetchmail, getmail) over TLS and the proxy
FRESH_RUNS=${FRESH_RUNS:-1} # the fresh file system is the ideal, not a condition
if [ "${SMOKE:-0}" = 1 ]; then
    N=60 TLS_N=30 NET_N=20 MANY_PER=2 PIPE_N=30 SUS_N=20 SUS_CYCLES=2 RUNS=1
fi
CONDITIONS=${CONDITIONS:-"steady seq-writer fsync-writer busy-cpu fresh tls rtt20 rtt80 many pipeline sustained limits"}
PORT=${PORT:-21400}
PROXY_PORT=$((PORT + 10))
W=$B/work
DC=$W/cond-dovecot
S=$W/steady # the long-lived outputs: spool, Maildir, neighbours
DAEMON=$ROOT/build/app/pop3connectord
CORPUS_TOOL=$ROOT/build/tests/p3c-corpus
GUI_BENCH=$ROOT/build/tests/p3c-gui-bench
MAILUID=65534
[ -x "$DAEMON" ] && [ -x "$CORPUS_TOOL" ] || "$ROOT/scripts/build.sh"
command -v /usr/bin/time >/dev/null || { echo "bench needs /usr/bin/time (apt-get install time)"; exit 1; }
mkdir -p "$W" "$S"
TSV=$W/conditions.tsv
CPU_TSV=$W/conditions-cpu.tsv
HOOK=${1:-} # --sustained-prepare CYCLE: p3c-gui-bench's hook, run inside this script's setup
[ "$HOOK" = --sustained-prepare ] || {
    printf 'condition\ttool\trun\twall_s\trss_kb\tmessages\tbytes\tverified\tload\n' > "$TSV"
    printf 'condition\ttool\trun\twall_s\tverified\tcpus\ttool_user_s\ttool_sys_s\tneighbour_s\tbusy_s\tidle_s\tiowait_s\n' > "$CPU_TSV"
}
MANY_USERS=$(for i in $(seq -w 1 50); do printf 'm%s:pw ' "$i"; done)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    "$ROOT/scripts/private-dovecot.sh" stop "$DC"
    mountpoint -q "$W/fresh" && umount "$W/fresh"
    rm -f "$W/fresh.img"
}

log() { printf '%s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null; }

corpus() { # corpus NAME COUNT SEED BIG MAX -> prints its folder (made once)
    local dir=$W/corpus/$1
    [ -d "$dir/new" ] || "$CORPUS_TOOL" "$2" "$dir" "$3" "$4" "$5" >/dev/null
    echo "$dir"
}

fill() { # fill CORPUS BOX...: the corpus round-robin over the boxes (hard links), index warmed
    local corpus=$1 i=0 f
    shift
    local boxes=("$@")
    for b in "${boxes[@]}"; do
        rm -rf "$DC/mail/$b"
        mkdir -p "$DC/mail/$b"/{new,cur,tmp}
    done
    if [ ${#boxes[@]} = 1 ]; then
        cp -al "$corpus/new/." "$DC/mail/${boxes[0]}/new/"
    else
        for f in "$corpus"/new/*; do
            ln "$f" "$DC/mail/${boxes[$((i % ${#boxes[@]}))]}/new/"
            i=$((i + 1))
        done
    fi
    chown -R $MAILUID:$MAILUID "$DC/mail"
    python3 - "$PORT" "${boxes[@]}" <<'PY'
import poplib, sys
for b in sys.argv[2:]:
    p = poplib.POP3("127.0.0.1", int(sys.argv[1])); p.user(b); p.pass_("pw"); p.stat(); p.quit()
PY
}

left_on_server() { find "$DC/mail"/box1/new "$DC/mail"/box1/cur "$DC/mail"/m[0-9]*/new "$DC/mail"/m[0-9]*/cur -type f 2>/dev/null | wc -l; }

# Configuration of each tool for a place: plain|tls|proxy, and an output root.
connector_ini() { # connector_ini WHERE OUT [many] -> path
    local where=$1 out=$2 ini=$W/cond-connector-$1-${3:-one}.ini host=127.0.0.1 port=$PORT sec=none
    case $where in
        tls) port=$((PORT + 1)) sec=tls ;;
        proxy) port=$PROXY_PORT ;;
    esac
    cat > "$ini" <<INI
[connector]
spool = $out/spool
log_level = ${LOG_LEVEL:-minimum}
max_connections_per_host = 16
undeliverable_mailbox = local@office.example
[delivery]
transport = lmtp
host = 127.0.0.1
port = $((PORT + 2))
INI
    if [ "${3:-}" = many ]; then
        local i=0 u
        for u in $MANY_USERS; do
            u=${u%%:*}
            printf '[mailbox.%s]\nhost = 127.0.0.%d\nport = %d\nsecurity = none\nuser = %s\npassword_file = %s\nlocal_mailbox = local@office.example\n' \
                "$u" $((2 + i % 4)) "$PROXY_PORT" "$u" "$W/pw" >> "$ini"
            i=$((i + 1))
        done
    else
        printf '[mailbox.box1]\nhost = %s\nport = %d\nsecurity = %s\nuser = box1\npassword_file = %s\nlocal_mailbox = local@office.example\n' \
            "$host" "$port" "$sec" "$W/pw" >> "$ini"
        [ "$sec" = tls ] && echo "ca_file = $DC/ssl/ca.pem" >> "$ini"
    fi
    echo "$ini"
}

peer_configs() { # peer_configs WHERE OUT: mpop, fetchmail and getmail for box1 there
    local where=$1 o=$2/Maildir port=$PORT tls=off
    case $where in
        tls) port=$((PORT + 1)) tls=on ;;
        proxy) port=$PROXY_PORT ;;
    esac
    mkdir -p "$2" && chmod 755 "$2"
    mkdir -p -m 700 "$o" "$o"/{new,cur,tmp} "$2/state/getmail"
    chown -R $MAILUID:$MAILUID "$o"
    cat > "$W/cond-mpoprc" <<RC
account bench
host 127.0.0.1
port $port
tls $tls
tls_starttls off
tls_trust_file $DC/ssl/ca.pem
auth user
user box1
password pw
pipelining auto
keep off
only_new off
uidls_file $2/state/mpop.uidls
delivery maildir $o
RC
    [ $tls = on ] || sed -i '/^tls_/d' "$W/cond-mpoprc"
    local ssl="sslproto ''"
    [ $tls = on ] && ssl="ssl sslcertck sslcertfile $DC/ssl/ca.pem sslcommonname localhost"
    cat > "$W/cond-fetchmailrc" <<RC
set no bouncemail
set no syslog
poll 127.0.0.1 with service $port protocol pop3 auth password timeout 60:
  user "box1" there with password "pw" is "root" here
  options fetchall nokeep no rewrite $ssl
  mda "/usr/bin/safecat $o/tmp $o/new"
RC
    local retriever=SimplePOP3Retriever
    [ $tls = on ] && retriever=SimplePOP3SSLRetriever
    cat > "$W/cond-getmailrc" <<RC
[retriever]
type = $retriever
server = 127.0.0.1
port = $port
username = box1
password = pw
$([ $tls = on ] && echo "ca_certs = $DC/ssl/ca.pem")
[destination]
type = Maildir
path = $o/
user = nobody
[options]
verbose = 0
read_all = true
delete = true
message_log_syslog = false
RC
    chmod 600 "$W"/cond-mpoprc "$W"/cond-fetchmailrc "$W"/cond-getmailrc
}

command_for() { # command_for TOOL WHERE OUT
    local tool=$1 where=$2 out=$3 port=$PORT
    [ "$where" = proxy ] && port=$PROXY_PORT
    case $tool in
        raw) if [ "$where" = tls ]; then echo "env RAW_TLS_CA=$DC/ssl/ca.pem python3 $B/raw_pop3.py $((PORT + 1)) box1 pw"
             else echo "python3 $B/raw_pop3.py $port box1 pw"; fi ;;
        raw-50) local users=() i=0 u
                for u in $MANY_USERS; do users+=("${u%%:*}@127.0.0.$((2 + i % 4)):$PROXY_PORT"); i=$((i + 1)); done
                echo "python3 $B/raw_pop3.py $PROXY_PORT ${users[0]} pw ${users[*]:1}" ;;
        connector) echo "$DAEMON --config $(connector_ini "$where" "$out") --once --stages download" ;;
        connector-50) echo "$DAEMON --config $(connector_ini "$where" "$out" many) --once --stages download" ;;
        connector-baseline-50) echo "$BASELINE --config $(connector_ini "$where" "$out" many) --once --stages download" ;;
        connector-pipeline) echo "$DAEMON --config $(connector_ini "$where" "$out") --once" ;;
        connector-baseline) echo "$BASELINE --config $(connector_ini "$where" "$out") --once --stages download" ;;
        connector-variant) echo "$VARIANT --config $(connector_ini "$where" "$out") --once --stages download" ;;
        connector-baseline-pipeline) echo "$BASELINE --config $(connector_ini "$where" "$out") --once" ;;
        raw-lmtp) echo "python3 $B/raw_lmtp.py $((PORT + 2)) local@office.example $CORPUS 4" ;;
        mpop) echo "mpop -C $W/cond-mpoprc -q bench" ;;
        fetchmail) echo "env FETCHMAILHOME=$out/state fetchmail -f $W/cond-fetchmailrc --pidfile $out/state/fetchmail.pid -s" ;;
        getmail) echo "getmail -q --getmaildir $out/state/getmail --rcfile $W/cond-getmailrc" ;;
    esac
}

available() {
    case $1 in
        mpop) have mpop ;;
        fetchmail) have fetchmail && have safecat ;;
        getmail) have getmail ;;
        connector-baseline*) [ -x "${BASELINE:-}" ] ;;
        connector-variant) [ -x "${VARIANT:-}" ] ;;
        *) return 0 ;;
    esac
}

output_of() { # where TOOL's messages land, for verify.py
    case $1 in
        raw* | connector*-50) echo "" ;;
        connector*-pipeline) echo "$DC/mail/local" ;;
        connector*) echo "$2/spool/Incoming Mail" ;;
        *) echo "$2/Maildir" ;;
    esac
}

start_neighbour() { # start_neighbour seq|fsync|cpu: another program on the spool's file system
    python3 "$B/neighbour.py" "$1" "$S/neighbour-$1" &
    PIDS+=($!)
    sleep 1 # its dirty pages or its fsyncs are under way before the timed run starts
}

CLK_TCK=$(getconf CLK_TCK)
machine_cpu() { # the machine's busy, idle and iowait seconds since boot (steal counts as busy)
    awk -v hz="$CLK_TCK" '/^cpu / { printf "%.2f %.2f %.2f", ($2+$3+$4+$7+$8+$9)/hz, $5/hz, $6/hz }' /proc/stat
}
cpu_delta() { # cpu_delta BUSY IDLE IOWAIT BUSY IDLE IOWAIT -> the three differences, tab-separated
    awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" -v e="$5" -v f="$6" 'BEGIN { printf "%.2f\t%.2f\t%.2f", d-a, e-b, f-c }'
}
difference() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; } # difference A B -> B - A
neighbour_cpu() { # the running neighbours' user and system seconds so far
    local p total=0
    for p in "${PIDS[@]}"; do
        total=$(awk -v hz="$CLK_TCK" -v t="$total" '{ printf "%.2f", t + ($14+$15)/hz }' "/proc/$p/stat" 2>/dev/null || echo "$total")
    done
    echo "$total"
}

stop_neighbours() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    PIDS=()
    rm -rf "$S"/neighbour-*
}

# The churn of a running connector's own stages: what download stored is routed, delivered to
# Dovecot LMTP and removed; Dovecot's copies go too (its own consumers' churn).
churn() { # churn OUT
    local ini
    ini=$(connector_ini plain "$1")
    # The same corpus arrives every run: the delivery history would take it for duplicates.
    rm -f "$1/spool/state/delivered.log"
    "$DAEMON" --config "$ini" --once --stages transfer,dispatch >/dev/null 2>&1 || true
    rm -rf "$DC/mail/local"
    mkdir -p "$DC/mail/local"/{new,cur,tmp}
    chown -R $MAILUID:$MAILUID "$DC/mail/local"
}

# One timed run of TOOL: the server filled, the tool run, its output verified.
measure() { # measure CONDITION TOOL WHERE OUT CORPUS BOX...
    local condition=$1 tool=$2 where=$3 out=$4 corpus=$5 run=$6
    shift 6
    available "$tool" || { log "  $tool: not installed, skipped"; return; }
    [ "$tool" = raw-lmtp ] || fill "$corpus" "$@"
    case $tool in mpop | fetchmail | getmail) peer_configs "$where" "$out" ;; esac
    rm -rf "$DC/mail/local"
    mkdir -p "$DC/mail/local"/{new,cur,tmp} && chown -R $MAILUID:$MAILUID "$DC/mail/local"
    [[ $tool = connector*-pipeline ]] && rm -f "$out/spool/state/delivered.log" # as in churn()
    case $condition in
        seq-writer) start_neighbour seq ;;
        fsync-writer) start_neighbour fsync ;;
        busy-cpu) start_neighbour cpu ;;
    esac
    local load status=ok cpu0 cpu1 nb0 nb1
    load=$(cut -d' ' -f1 /proc/loadavg)
    cpu0=$(machine_cpu) nb0=$(neighbour_cpu)
    # shellcheck disable=SC2046
    /usr/bin/time -f '%e %M %U %S' -o "$W/cond-time" $(command_for "$tool" "$where" "$out") > "$W/cond-$tool.log" 2>&1 || status="exit $?"
    cpu1=$(machine_cpu) nb1=$(neighbour_cpu)
    stop_neighbours
    local wall rss user sys verified count bytes
    read -r wall rss user sys < <(tail -1 "$W/cond-time")
    count=$(find "$corpus/new" -type f | wc -l)
    bytes=$(du -sb "$corpus/new" | cut -f1)
    [[ $tool = *-50 ]] && count=$((MANY_PER * 50))
    verified=$status
    if [ "$status" = ok ] && [ "$tool" != raw-lmtp ]; then
        [ "$(left_on_server)" = 0 ] || verified="server not empty"
        local o
        o=$(output_of "$tool" "$out")
        if [ -n "$o" ] && [ "$verified" = ok ]; then
            verified=$(python3 "$B/verify.py" "$corpus" "$o" | tail -1 | tr '\t' ' ' || true)
        fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$condition" "$tool" "$run" "$wall" "$rss" "$count" "$bytes" "$verified" "$load" >> "$TSV"
    # shellcheck disable=SC2086
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$condition" "$tool" "$run" "$wall" "$verified" "$(nproc)" \
        "$user" "$sys" "$(difference "$nb0" "$nb1")" "$(cpu_delta $cpu0 $cpu1)" >> "$CPU_TSV"
    log "  $condition $tool run $run: ${wall}s, ${rss} KB, $verified, load $load"
    # What a long-lived installation does with what arrived.
    case $tool in
        connector | connector-baseline | connector-variant) if [ "$where" = fresh ] || [ "$out" != "$S" ]; then rm -rf "$out/spool"; else churn "$out"; fi ;;
        connector*-pipeline) rm -rf "$DC/mail/local" ;;
        connector*-50) rm -rf "$out/spool" ;;
        mpop | fetchmail | getmail) rm -rf "$out/Maildir" "$out/state" ;;
    esac
}

delivered_locally() { find "$DC/mail/local/new" "$DC/mail/local/cur" -type f | wc -l; }

empty_local() { # the local mailbox Dovecot LMTP delivers to, emptied (its consumers' churn)
    rm -rf "$DC/mail/local"
    mkdir -p "$DC/mail/local"/{new,cur,tmp}
    chown -R $MAILUID:$MAILUID "$DC/mail/local"
}

# Run by p3c-gui-bench before each cycle: raw LMTP's time for the cycle's corpus, then the same
# corpus on the server for the connector.
sustained_prepare() { # sustained_prepare CYCLE
    local c load t0 t1
    c=$(corpus sustained-$SUS_N-$1 "$SUS_N" $((100 + $1)) 0 2000000)
    load=$(cut -d' ' -f1 /proc/loadavg)
    [ "$1" = 1 ] || echo "$(($1 - 1)) $(delivered_locally)" >> "$W/sustained-delivered.txt"
    empty_local
    t0=$(date +%s.%N)
    python3 "$B/raw_lmtp.py" $((PORT + 2)) local@office.example "$c" 4 > "$W/cond-raw-lmtp.log" 2>&1
    t1=$(date +%s.%N)
    printf 'sustained\traw-lmtp\t%s\t%.2f\t0\t%s\t%s\tok\t%s\n' "$1" "$(echo "$t1 - $t0" | bc)" \
        "$(find "$c/new" -type f | wc -l)" "$(du -sb "$c/new" | cut -f1)" "$load" >> "$TSV"
    empty_local
    fill "$c" box1
}

sustained() { # the connector as a service, the manager attached, SUS_CYCLES cycles
    local ini=$W/cond-connector-sustained.ini out cycle c
    sed -e 's/^log_level = .*/&\nschedule_enabled = false\ncontrol_socket = '"${W//\//\\/}"'\/cond-control/' \
        "$(connector_ini plain "$S")" > "$ini"
    rm -f "$S/spool/state/delivered.log"
    for cycle in $(seq 1 "$SUS_CYCLES"); do corpus sustained-$SUS_N-$cycle "$SUS_N" $((100 + cycle)) 0 2000000 >/dev/null; done
    out=$W/sustained.txt
    printf '#!/bin/sh\nexec env PORT=%s SUS_N=%s bash %s --sustained-prepare "$1"\n' "$PORT" "$SUS_N" "$B/conditions.sh" > "$W/cond-sustained-prepare.sh"
    chmod +x "$W/cond-sustained-prepare.sh"
    : > "$W/sustained-delivered.txt"
    if [ "${SUS_CLIENT:-manager}" = ctl ]; then # the same cycles started by pop3connectorctl
        "$DAEMON" --config "$ini" > "$W/cond-sustained-daemon.log" 2>&1 &
        local daemon=$! t0 t1
        sleep 1
        : > "$out"
        for cycle in $(seq 1 "$SUS_CYCLES"); do
            "$W/cond-sustained-prepare.sh" "$cycle"
            t0=$(date +%s%N)
            "$ROOT/build/app/pop3connectorctl" --config "$ini" retrieve-now --wait > /dev/null
            t1=$(date +%s%N)
            echo "cycle $cycle ms $(((t1 - t0) / 1000000)) longest_ui_stall_ms 0 daemon_peak_rss_kb $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' /proc/$daemon/status) idle_thread_stall_ms 0 ui_stall_ran_ms 0 ui_stall_waited_ms 0 ui_stall_stolen_ms 0" >> "$out"
        done
        kill "$daemon"
        wait "$daemon" || true
    else
        QT_QPA_PLATFORM=offscreen "$GUI_BENCH" cycles "$ini" "$SUS_CYCLES" "$W/cond-sustained-prepare.sh" > "$out"
    fi
    echo "$SUS_CYCLES $(delivered_locally)" >> "$W/sustained-delivered.txt"
    local count delivered verified tool
    while read -r _ cycle _ ms _ stall _ rss _ idle _ ran _ waited _ stolen; do
        c=$W/corpus/sustained-$SUS_N-$cycle
        count=$(find "$c/new" -type f | wc -l)
        delivered=$(sed -n "s/^$cycle //p" "$W/sustained-delivered.txt")
        tool=connector-manager verified="ok stall $stall ms (ran $ran, waited for a CPU $waited, CPU time stolen by the host $stolen; idle thread $idle ms)"
        [ "${SUS_CLIENT:-manager}" = ctl ] && tool=connector-ctl verified=ok # no window to watch
        [ "$delivered" = "$count" ] || verified="delivered $delivered of $count"
        printf 'sustained\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$cycle" "$(echo "$ms / 1000" | bc -l)" \
            "$rss" "$count" "$(du -sb "$c/new" | cut -f1)" \
            "$verified" "-" >> "$TSV"
    done < <(grep '^cycle ' "$out")
    [ "$(left_on_server)" = 0 ] || log "  sustained: mail left on the server"
    empty_local
}

fresh_fs() { # a new ext4 on a loop device at $W/fresh
    mountpoint -q "$W/fresh" && umount "$W/fresh"
    [ -f "$W/fresh.img" ] || truncate -s 8G "$W/fresh.img"
    mkfs.ext4 -q -F "$W/fresh.img"
    mkdir -p "$W/fresh"
    mount -o loop "$W/fresh.img" "$W/fresh"
}

start_proxy() { # start_proxy RTT: 127.0.0.1-5 on PROXY_PORT, 50 Mbit/s per connection
    stop_proxy
    python3 "$B/netproxy.py" "$1" 50 "127.0.0.1:$PROXY_PORT,127.0.0.2:$PROXY_PORT,127.0.0.3:$PROXY_PORT,127.0.0.4:$PROXY_PORT,127.0.0.5:$PROXY_PORT" "127.0.0.1:$PORT" &
    PROXY=$!
    sleep 0.5
}
stop_proxy() { [ -n "${PROXY:-}" ] && { kill "$PROXY" 2>/dev/null || true; wait "$PROXY" 2>/dev/null || true; PROXY=; }; return 0; }

(umask 077; echo pw > "$W/pw")
if [ "$HOOK" = --sustained-prepare ]; then
    sustained_prepare "$2"
    exit 0
fi
# shellcheck disable=SC2086
"$ROOT/scripts/private-dovecot.sh" start "$DC" "$PORT" box1:pw local:pw $MANY_USERS >/dev/null
trap cleanup EXIT
# A run that was stopped may have left mail in the long-lived spool: its stages take it first.
[ -d "$S/spool" ] && churn "$S"
main=$(corpus main-$N "$N" 1 $((N >= 1000 ? 20000000 : 0)) 2000000)
for condition in $CONDITIONS; do
    log "== $condition"
    for run in $(seq 1 "$RUNS"); do
        case $condition in
            steady | seq-writer | fsync-writer | busy-cpu)
                for t in ${STEADY_TOOLS:-connector mpop}; do measure "$condition" "$t" plain "$S" "$main" "$run" box1; done ;;
            fresh)
                [ "$run" -le "$FRESH_RUNS" ] || continue
                for t in ${STEADY_TOOLS:-connector mpop}; do fresh_fs; measure fresh "$t" fresh "$W/fresh" "$main" "$run" box1; done ;;
            tls)
                c=$(corpus tls-$TLS_N "$TLS_N" 5 0 2000000)
                for t in ${TLS_TOOLS:-raw connector mpop}; do measure tls "$t" tls "$S/tls" "$c" "$run" box1; done
                if [ "$run" -le "$PEER_RUNS" ]; then
                    for t in ${TLS_PEERS:-fetchmail getmail}; do measure tls "$t" tls "$S/tls" "$c" "$run" box1; done
                fi ;;
            rtt20 | rtt80)
                c=$(corpus net-$NET_N "$NET_N" 6 0 2000000)
                start_proxy "${condition#rtt}"
                for t in ${NET_TOOLS:-raw connector mpop}; do measure "$condition" "$t" proxy "$S/net" "$c" "$run" box1; done
                if [ "$run" -le "$PEER_RUNS" ]; then
                    for t in ${NET_PEERS:-fetchmail}; do measure "$condition" "$t" proxy "$S/net" "$c" "$run" box1; done
                fi
                stop_proxy ;;
            many)
                c=$(corpus many-$MANY_PER "$((MANY_PER * 50))" 7 0 2000000)
                start_proxy 80
                boxes=$(for u in $MANY_USERS; do printf '%s ' "${u%%:*}"; done)
                # shellcheck disable=SC2086
                for t in ${MANY_TOOLS:-raw-50 connector-50}; do measure many "$t" proxy "$S/many" "$c" "$run" $boxes; done
                stop_proxy ;;
            limits)
                [ "$run" = 1 ] && : > "$W/limits.txt"
                for nb in none seq fsync; do
                    [ "$nb" = none ] || start_neighbour "$nb"
                    python3 "$B/synclatency.py" "$S/probe" | sed "s/^/$nb run $run /" >> "$W/limits.txt"
                    stop_neighbours
                done
                rm -rf "$S/probe" ;;
            sustained)
                [ "$run" = 1 ] && sustained ;;
            pipeline)
                c=$(corpus pipe-$PIPE_N "$PIPE_N" 4 0 2000000)
                CORPUS=$c
                for t in ${PIPE_TOOLS:-raw-lmtp connector-pipeline}; do measure pipeline "$t" plain "$S" "$c" "$run" box1; done ;;
        esac
    done
done
python3 "$B/conditions_report.py" "$TSV" > "$W/conditions.md"
[ -f "$W/limits.txt" ] && { echo; echo '```'; cat "$W/limits.txt"; echo '```'; } >> "$W/conditions.md"
cat "$W/conditions.md"
