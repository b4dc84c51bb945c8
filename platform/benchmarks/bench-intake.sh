#!/bin/sh
# Durable intake benchmark through the API channel (QUALITY.md P1, P2).
# Usage: platform/benchmarks/bench-intake.sh [embedded|postgresql] [seconds] [rate] [threads]
# Build first: mvn -B install -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exec java -Xmx1g -Dseamline.distribution="$root/distribution/target/seamline" \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  org.seamline.benchmarks.IntakeBenchmark "${1:-embedded}" "${2:-30}" "${3:-2000}" "${4:-32}"
