#!/bin/sh
# Intake with wrk (a C load generator: far less CPU than the JDK client, which matters on a 2-core machine), through
# the API channel (default) or the SMS channel's signed Twilio webhooks (SEAMLINE_BENCH_CHANNEL=sms).
# Requires: apt-get install wrk; python3. Build first: mvn -B install -DskipTests
# Usage: [SEAMLINE_BENCH_CHANNEL=api|sms] platform/benchmarks/wrk/bench-wrk.sh [connections] [seconds]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
port=${SEAMLINE_BENCH_PORT:-18282}
channel=${SEAMLINE_BENCH_CHANNEL:-api}
secret=wrk-secret
cp -r "$root/distribution/target/seamline" "$work/seamline"
home="$work/seamline"
rm -rf "$home/data"/* "$home/logs"/*
if [ "$channel" = sms ]; then
  path=/hooks/sms/bench/inbound
  url="http://127.0.0.1:$port$path"
  python3 "$here/make-requests.py" "$work/warmup.txt" warmup 60000 "$secret" sms "$url"
  python3 "$here/make-requests.py" "$work/run.txt" run 150000 "$secret" sms "$url"
  printf 'accountSid=AC%s\nauthToken=%s\npublicBaseUrl=http://127.0.0.1:%s\nfrom=+15005550006\napiBaseUrl=http://127.0.0.1:9\n' \
    00000000000000000000000000000000 "$secret" "$port" > "$home/etc/org.seamline.channel.sms-bench.cfg"
  export WRK_PATH=$path WRK_CONTENT_TYPE=application/x-www-form-urlencoded WRK_SIGNATURE_HEADER=X-Twilio-Signature
  refused=403
else
  path=/hooks/api/bench/messages
  python3 "$here/make-requests.py" "$work/warmup.txt" warmup 60000 "$secret"
  python3 "$here/make-requests.py" "$work/run.txt" run 150000 "$secret"
  echo "secret=$secret" > "$home/etc/org.seamline.channel.api-bench.cfg"
  refused=401
fi
SEAMLINE_HTTP_PORT=$port SEAMLINE_ADMIN_PASSWORD=bench "$home/bin/seamline" start
trap '"$home/bin/seamline" stop; rm -rf "$work"' EXIT
until curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port$path" | grep -q $refused; do sleep 0.1; done
WRK_REQUESTS="$work/warmup.txt" wrk -t2 -c"${1:-64}" -d8s -s "$here/intake.lua" "http://127.0.0.1:$port" > /dev/null
WRK_REQUESTS="$work/run.txt" wrk -t2 -c"${1:-64}" -d"${2:-20}s" --latency -s "$here/intake.lua" "http://127.0.0.1:$port"
