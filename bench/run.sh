#!/bin/bash
# bench/run.sh: POP3 Connector against fetchmail, getmail6 and mpop on one private Dovecot, in one
# run, as ratios. Needs root (Dovecot) and a build (scripts/build.sh). Peers that are not
# installed are skipped; `bench/run.sh --install-peers` installs them (Debian packages).
#
# Scenarios (SCENARIOS, default all):
#   main      N realistic messages (default 5000: 2 KB .. 2 MB, one 20 MB), delete after download:
#             raw pipelined client (the limit), connector, mpop, fetchmail, getmail6
#   small     SMALL_N messages of about 2 KB (default 20000): raw, connector, mpop
#   big       one BIG_MB message (default 100): connector (peak memory), mpop
#   parallel  the main corpus in 4 mailboxes retrieved at once, against 1 mailbox (and the raw
#             client the same way: the machine's own ceiling)
#   gui       the manager: opening the Spool tab on SPOOL_N messages (default 50000), and the
#             longest UI-thread stall while it runs a cycle over the main corpus
#   BASELINE=/path/to/an/older/pop3connectord adds the tools connector-baseline and
#   connector-baseline-pipeline (name them in TOOLS or PIPE_TOOLS): the same runs with that
#   binary, to show that a change does not make the connector slower.
#   pipeline  PIPE_N messages (default 1000) downloaded, routed and delivered to Dovecot LMTP:
#             connector (all stages), connector (download only), fetchmail -> LMTP, and a raw
#             pipelined LMTP client over 4 connections (what the local server can take at best)
# RUNS (default 3) runs of each; medians go to bench/RESULTS.md, every run to work/runs.tsv.
#
# Every run writes its output (Maildir, spool, state) to a freshly made ext4 file system on a
# loop device (OUTFS=loop, the default), so that no run inherits the files, or the recently
# freed inodes, of another: ext4 scans past inodes freed in the last minute when it allocates new
# ones, which would charge each tool for the previous one's clean-up. OUTFS=plain writes under
# work/ instead.
set -euo pipefail
B=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$B")
if [ "${1:-}" = --install-peers ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fetchmail getmail6 mpop safecat time
fi
N=${N:-5000}
SMALL_N=${SMALL_N:-20000}
BIG_MB=${BIG_MB:-100}
PIPE_N=${PIPE_N:-1000}
RUNS=${RUNS:-3}
SCENARIOS=${SCENARIOS:-"main small big parallel pipeline gui"}
SPOOL_N=${SPOOL_N:-50000}
PORT=${PORT:-21300}
W=$B/work
DC=$W/dovecot
OUTFS=${OUTFS:-loop}
M=$W/out-fs   # outputs of the run under way
DAEMON=$ROOT/build/app/pop3connectord
CORPUS_TOOL=$ROOT/build/tests/p3c-corpus
GUI_BENCH=$ROOT/build/tests/p3c-gui-bench
MAILUID=65534
[ -x "$DAEMON" ] && [ -x "$CORPUS_TOOL" ] || "$ROOT/scripts/build.sh"
command -v /usr/bin/time >/dev/null || { echo "bench needs /usr/bin/time (apt-get install time)"; exit 1; }

mkdir -p "$W/trash"
TSV=$W/runs.tsv
[ -f "$TSV" ] || printf 'scenario\ttool\trun\twall_s\trss_kb\tmessages\tbytes\tverified\n' > "$TSV"
"$ROOT/scripts/private-dovecot.sh" start "$DC" "$PORT" box1:pw box2:pw box3:pw box4:pw local:pw >/dev/null
cleanup() {
    "$ROOT/scripts/private-dovecot.sh" stop "$DC"
    mountpoint -q "$M" && umount "$M"
    rm -rf "$W/trash" "$W/out-fs.img"
}
trap cleanup EXIT

fresh_outputs() {  # an empty output tree under $M for the next run
    if [ "$OUTFS" = loop ]; then
        mountpoint -q "$M" && umount "$M"
        [ -f "$W/out-fs.img" ] || truncate -s 8G "$W/out-fs.img"
        mkfs.ext4 -q -F "$W/out-fs.img"
        mkdir -p "$M"
        mount -o loop "$W/out-fs.img" "$M"
    else
        [ -e "$M" ] && mv "$M" "$(mktemp -d "$W/trash/XXXXXX")/"
        mkdir -p "$M"
    fi
    mkdir -p "$M/state/getmail"
    mkdir -p -m 700 "$M/out" "$M/out"/{new,cur,tmp}
    chown -R $MAILUID:$MAILUID "$M/out"
}

have() { command -v "$1" >/dev/null; }
log() { printf '%s\n' "$*" >&2; }

corpus() {  # corpus NAME COUNT SEED BIG MAX -> prints its folder (made once)
    local dir=$W/corpus/$1
    if [ ! -d "$dir/new" ]; then
        "$CORPUS_TOOL" "$2" "$dir" "$3" "$4" "$5" >/dev/null
    fi
    echo "$dir"
}

fill() {  # fill CORPUS BOX... : the corpus spread round-robin over the boxes (hard links)
    local corpus=$1; shift
    local boxes=("$@") i=0
    rm -rf "$DC/mail"/box[1-4]
    for b in "${boxes[@]}"; do
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
    for b in "${boxes[@]}"; do  # warm Dovecot's index, as a long-lived mailbox would have
        python3 -c "import poplib; p=poplib.POP3('127.0.0.1',$PORT); p.user('$b'); p.pass_('pw'); p.stat(); p.quit()"
    done
}

left_on_server() { find "$DC/mail"/box*/new "$DC/mail"/box*/cur -type f 2>/dev/null | wc -l; }

write_configs() {
    local o=$M/out
    cat > "$W/connector.ini" <<INI
[connector]
spool = $M/spool
log_level = minimum
max_connections_per_host = 4
undeliverable_mailbox = local@office.example
[delivery]
transport = lmtp
host = 127.0.0.1
port = $((PORT + 2))
INI
    for b in box1 box2 box3 box4; do
        cat >> "$W/connector.ini" <<INI
[mailbox.$b]
host = 127.0.0.1
port = $PORT
security = none
user = $b
password_file = $W/pw
local_mailbox = local@office.example
INI
    done
    (umask 077; echo pw > "$W/pw")
    cat > "$W/mpoprc" <<RC
account bench
host 127.0.0.1
port $PORT
tls off
auth user
user box1
password pw
pipelining auto
keep off
only_new off
uidls_file $M/state/mpop.uidls
delivery maildir $o
RC
    cat > "$W/fetchmailrc" <<RC
set no bouncemail
set no syslog
poll 127.0.0.1 with service $PORT protocol pop3 auth password timeout 60:
  user "box1" there with password "pw" is "root" here
  options fetchall nokeep no rewrite sslproto ''
  mda "/usr/bin/safecat $o/tmp $o/new"
RC
    cat > "$W/fetchmailrc-lmtp" <<RC
set no bouncemail
set no syslog
poll 127.0.0.1 with service $PORT protocol pop3 auth password timeout 60:
  user "box1" there with password "pw" is "local" here
  options fetchall nokeep no rewrite sslproto ''
  smtphost "127.0.0.1/$((PORT + 2))" lmtp smtpaddress office.example
RC
    cat > "$W/getmailrc" <<RC
[retriever]
type = SimplePOP3Retriever
server = 127.0.0.1
port = $PORT
username = box1
password = pw
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
    chmod 600 "$W/mpoprc" "$W"/fetchmailrc*
}

# connector-only configurations with one or four mailboxes
connector_ini() {  # connector_ini BOXES -> path
    local ini=$W/connector-$1.ini
    if [ "$1" = 4 ]; then
        cp "$W/connector.ini" "$ini"
    else
        sed -e '/^\[mailbox.box[2-4]\]/,/^local_mailbox/d' "$W/connector.ini" > "$ini"
    fi
    echo "$ini"
}

command_for() {  # command_for TOOL
    case $1 in
                raw) echo "python3 $B/raw_pop3.py $PORT box1 pw" ;;
        raw-4-mailboxes) echo "python3 $B/raw_pop3.py $PORT box1 pw box2 box3 box4" ;;
        raw-lmtp) echo "python3 $B/raw_lmtp.py $((PORT + 2)) local@office.example $CORPUS 4" ;;
        connector|connector-download) echo "$DAEMON --config $(connector_ini 1) --once --stages download" ;;
        connector-4-mailboxes) echo "$DAEMON --config $(connector_ini 4) --once --stages download" ;;
        connector-pipeline) echo "$DAEMON --config $(connector_ini 1) --once" ;;
        connector-baseline) echo "$BASELINE --config $(connector_ini 1) --once --stages download" ;;
        connector-baseline-pipeline) echo "$BASELINE --config $(connector_ini 1) --once" ;;
        mpop) echo "mpop -C $W/mpoprc -q bench" ;;
        fetchmail) echo "env FETCHMAILHOME=$M/state fetchmail -f $W/fetchmailrc --pidfile $M/state/fetchmail.pid -s" ;;
        fetchmail-lmtp) echo "env FETCHMAILHOME=$M/state fetchmail -f $W/fetchmailrc-lmtp --pidfile $M/state/fetchmail.pid -s" ;;
        getmail) echo "getmail -q --getmaildir $M/state/getmail --rcfile $W/getmailrc" ;;
    esac
}

output_of() {  # where TOOL's messages land, for verify.py
    case $1 in
                raw*) echo "" ;;
        connector*-pipeline) echo "$DC/mail/local" ;;
        connector*) echo "$M/spool/Incoming Mail" ;;
        fetchmail-lmtp) echo "$DC/mail/local" ;;
        *) echo "$M/out" ;;
    esac
}

available() {
    case $1 in
        mpop) have mpop ;;
        fetchmail) have fetchmail && have safecat ;;
        fetchmail-lmtp) have fetchmail ;;
        connector-baseline*) [ -x "${BASELINE:-}" ] ;;
        getmail) have getmail ;;
        *) return 0 ;;
    esac
}

measure() {  # measure SCENARIO TOOL CORPUS BOXES
    local scenario=$1 tool=$2 corpus=$3 boxes=$4 run
    available "$tool" || { log "  $tool: not installed, skipped"; return; }
    local count bytes
    count=$(find "$corpus/new" -type f | wc -l)
    bytes=$(du -sb "$corpus/new" | cut -f1)
    for run in $(seq 1 "$RUNS"); do
        local mailboxes=(box1)
        [ "$boxes" = 4 ] && mailboxes=(box1 box2 box3 box4)
        fill "$corpus" "${mailboxes[@]}"
        fresh_outputs
        [ -e "$DC/mail/local" ] && mv "$DC/mail/local" "$(mktemp -d "$W/trash/XXXXXX")/"
        mkdir -p "$DC/mail/local"/{new,cur,tmp}
        chown -R $MAILUID:$MAILUID "$DC/mail/local"
        sync
        local status=ok
        /usr/bin/time -f '%e %M' -o "$W/time" $(command_for "$tool") >"$W/$tool.log" 2>&1 || status="exit $?"
        local wall rss
        read -r wall rss < <(tail -1 "$W/time")
        local verified=$status
        if [ "$status" = ok ]; then
                        # The raw LMTP client delivers the corpus without a POP3 server.
            [ "$tool" = raw-lmtp ] || [ "$(left_on_server)" = 0 ] || verified="server not empty"
            local out; out=$(output_of "$tool")
            if [ -n "$out" ] && [ "$verified" = ok ]; then
                verified=$(python3 "$B/verify.py" "$corpus" "$out" | tail -1 | tr '\t' ' ')
            fi
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$tool" "$run" "$wall" "$rss" "$count" "$bytes" "$verified" >> "$TSV"
        log "  $tool run $run: ${wall}s, ${rss} KB, $verified"
    done
}

write_configs
for scenario in $SCENARIOS; do
    log "== $scenario"
    case $scenario in
        main)
            c=$(corpus main-$N "$N" 1 20000000 2000000)
            for t in ${TOOLS:-raw connector mpop fetchmail getmail}; do measure main "$t" "$c" 1; done ;;
        small)
            c=$(corpus small-$SMALL_N "$SMALL_N" 2 0 2048)
                        for t in ${SMALL_TOOLS:-raw connector mpop}; do measure small "$t" "$c" 1; done ;;
        big)
            c=$(corpus big-$BIG_MB 1 3 $((BIG_MB * 1000000)) 2000000)
            for t in connector mpop; do measure big "$t" "$c" 1; done ;;
        parallel)
            c=$(corpus main-$N "$N" 1 20000000 2000000)
                        measure parallel raw "$c" 1
            measure parallel raw-4-mailboxes "$c" 4
            measure parallel connector "$c" 1
            measure parallel connector-4-mailboxes "$c" 4 ;;
        pipeline)
            c=$(corpus pipe-$PIPE_N "$PIPE_N" 4 0 2000000)
                                    CORPUS=$c
                        for t in ${PIPE_TOOLS:-connector-download raw-lmtp connector-pipeline fetchmail-lmtp}; do
                measure pipeline "$t" "$c" 1
            done ;;
        gui)
            c=$(corpus main-$N "$N" 1 20000000 2000000)
            fill "$c" box1
            fresh_outputs
            : > "$W/gui.txt"
            (cd "$W" && QT_QPA_PLATFORM=offscreen "$GUI_BENCH" spool "$SPOOL_N" >> "$W/gui.txt")
            QT_QPA_PLATFORM=offscreen "$GUI_BENCH" retrieve "$(connector_ini 1)" >> "$W/gui.txt"
            echo "retrieve_messages $(find "$c/new" -type f | wc -l)" >> "$W/gui.txt"
            cat "$W/gui.txt" >&2 ;;
    esac
done
python3 "$B/report.py" "$TSV" > "$B/RESULTS.md"
cat "$B/RESULTS.md"
