#!/bin/bash
# private-dovecot.sh start DIR PORT USER:PASSWORD...   |   private-dovecot.sh stop DIR
# A Dovecot of its own under DIR, on 127.0.0.1 only: POP3 (with STLS) on PORT, POP3S on PORT+1,
# LMTP on PORT+2, a CA of its own in DIR/ssl/ca.pem, mail in DIR/mail/USER (Maildir). Nothing in
# /etc/dovecot is read or changed. Used by the demo and the benchmark; needs root.
set -euo pipefail
cmd=${1:?usage: private-dovecot.sh start DIR PORT USER:PASSWORD... | stop DIR}
dir=$(realpath -m "${2:?DIR}")
mail_uid=65534

# The master of the Dovecot under $dir: the pid in master.pid if that process runs our
# configuration (a pid file left behind may name another process by now), else any master that
# runs it (one that has not written its pid file yet).
master() {
    local pid p
    pid=$(cat "$dir/run/master.pid" 2>/dev/null) || true
    if [ -n "$pid" ] && tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$dir/dovecot.conf"; then
        echo "$pid"
        return
    fi
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/exe" 2>/dev/null)" = /usr/sbin/dovecot ] || continue
        if tr '\0' '\n' < "$p/cmdline" 2>/dev/null | grep -qxF "$dir/dovecot.conf"; then
            echo "${p#/proc/}"
            return
        fi
    done
}

# Stops our Dovecot and waits until its master has ended (it ends its processes first).
stop() {
    local pid; pid=$(master)
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "unknown command $cmd" >&2; exit 2; }
port=${3:?PORT}
shift 3
stop
mkdir -p "$dir"/{run,state,mail,home,ssl}
chmod 755 "$dir"
if [ ! -s "$dir/ssl/server.pem" ]; then
    ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
    openssl req -x509 "${ec[@]}" -keyout "$dir/ssl/ca.key" -out "$dir/ssl/ca.pem" -days 3650 \
        -subj "/CN=POP3 Connector demo CA" -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
    openssl req "${ec[@]}" -keyout "$dir/ssl/server.key" -out "$dir/ssl/server.csr" -subj /CN=localhost 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$dir/ssl/ext"
    openssl x509 -req -in "$dir/ssl/server.csr" -CA "$dir/ssl/ca.pem" -CAkey "$dir/ssl/ca.key" \
        -CAcreateserial -out "$dir/ssl/server.pem" -days 3650 -extfile "$dir/ssl/ext" 2>/dev/null
fi
: > "$dir/users"
for entry in "$@"; do
    echo "${entry%%:*}:{PLAIN}${entry#*:}::::::" >> "$dir/users"
    mkdir -p "$dir/mail/${entry%%:*}"/{new,cur,tmp}
done
chown -R $mail_uid:$mail_uid "$dir/mail" "$dir/home"
cat > "$dir/dovecot.conf" <<CONF
instance_name = pop3connector-$port
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols = pop3 lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <$dir/ssl/server.pem
ssl_key = <$dir/ssl/server.key
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login cram-md5
auth_username_format = %Ln
mail_location = maildir:$dir/mail/%u
first_valid_uid = $mail_uid
last_valid_uid = $mail_uid
postmaster_address = postmaster@office.example
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $dir/users
}
# Users from the passwd-file too: LMTP refuses a recipient that is not one of them.
userdb {
  driver = passwd-file
  args = username_format=%n $dir/users
  default_fields = uid=$mail_uid gid=$mail_uid home=$dir/home/%n
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $port
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = $((port + 1))
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $((port + 2))
  }
}
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
# Detached from our stdout: a pipe reader would otherwise wait for the daemon to end. It says
# why it cannot start (a port in use, say) on stderr, before it has a log.
failed() {
    echo "Dovecot did not start (are ports $port-$((port + 2)) in use?):" >&2
    cat "$dir/start.err" >&2
    tail -5 "$dir/dovecot.log" 2>/dev/null >&2 || true
    stop
    exit 1
}
/usr/sbin/dovecot -c "$dir/dovecot.conf" </dev/null >/dev/null 2>"$dir/start.err" || failed
# Ready when our master runs and the port answers: another program on the port must not pass
# for ours.
for _ in $(seq 100); do
    pid=$(master)
    if [ -n "$pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        kill -0 "$pid" 2>/dev/null && exit 0
    fi
    sleep 0.1
done
failed
