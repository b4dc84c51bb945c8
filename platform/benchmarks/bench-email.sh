#!/bin/sh
# Mail ingestion from a full mailbox through the email channel (issue 4 target: >= 200 mails/s).
# Usage: platform/benchmarks/bench-email.sh [greenmail|dovecot] [mails] [batchSize]
#   greenmail: GreenMail in the benchmark JVM (nothing to install; GreenMail scans the whole folder per message,
#              so large inboxes measure GreenMail)
#   dovecot:   a throw-away Dovecot on 127.0.0.1:10143 (apt-get install dovecot-imapd), Maildir in a temp folder
# Build first: mvn -B install -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
server=${1:-dovecot}
mails=${2:-10000}
batch=${3:-100}
run() {
  java -Xmx2g -Dseamline.distribution="$root/distribution/target/seamline" \
    -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.seamline.benchmarks.EmailIngestBenchmark "$@"
}
if [ "$server" = greenmail ]; then
  run "$mails" "$batch"
  exit
fi
work=$(mktemp -d)
trap 'doveadm -c "$work/dovecot.conf" stop 2>/dev/null || true; rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/run" "$work/state" "$work/home/support@example.com/Maildir/new"
chmod -R 777 "$work/home"
echo 'support@example.com:{PLAIN}mailbox-secret' > "$work/users"
cat > "$work/dovecot.conf" <<CONF
base_dir = $work/run
state_dir = $work/state
log_path = $work/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/users
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=$work/home/%u
}
mail_location = maildir:$work/home/%u/Maildir
first_valid_uid = 100
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 10143
  }
}
CONF
dovecot -c "$work/dovecot.conf"
run "$mails" "$batch" 10143 "$work/home/support@example.com/Maildir"
