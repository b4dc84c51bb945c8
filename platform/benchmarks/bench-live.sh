#!/bin/sh
# From webhook accepted to the message on an open agent screen (QUALITY.md P11).
# Usage: platform/benchmarks/bench-live.sh [streams] [rate] [seconds] [warm-up seconds]
# Build first: mvn -B install -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exec java -Xmx1g -Dseamline.distribution="$root/distribution/target/seamline" \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  org.seamline.benchmarks.LiveBenchmark "${1:-50}" "${2:-200}" "${3:-60}" "${4:-10}"
