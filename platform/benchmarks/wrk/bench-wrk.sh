#!/bin/sh
# Intake through the API channel with wrk (a C load generator: far less CPU than the JDK client, which
# matters on a 2-core machine). Requires: apt-get install wrk; python3. Build first: mvn -B install -DskipTests
# Usage: platform/benchmarks/wrk/bench-wrk.sh [connections] [seconds]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
port=${SEAMLINE_BENCH_PORT:-18282}
secret=wrk-secret
python3 "$here/make-requests.py" "$work/warmup.txt" warmup 60000 "$secret"
python3 "$here/make-requests.py" "$work/run.txt" run 150000 "$secret"
cp -r "$root/distribution/target/seamline" "$work/seamline"
home="$work/seamline"
rm -rf "$home/data"/* "$home/logs"/*
echo "secret=$secret" > "$home/etc/org.seamline.channel.api-bench.cfg"
SEAMLINE_HTTP_PORT=$port SEAMLINE_ADMIN_PASSWORD=bench "$home/bin/seamline" start
trap '"$home/bin/seamline" stop; rm -rf "$work"' EXIT
until curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/hooks/api/bench/messages" | grep -q 401; do sleep 0.1; done
WRK_REQUESTS="$work/warmup.txt" wrk -t2 -c"${1:-64}" -d8s -s "$here/intake.lua" "http://127.0.0.1:$port" > /dev/null
WRK_REQUESTS="$work/run.txt" wrk -t2 -c"${1:-64}" -d"${2:-20}s" --latency -s "$here/intake.lua" "http://127.0.0.1:$port"
