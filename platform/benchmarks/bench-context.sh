#!/bin/sh
# Customer context at scale on PostgreSQL (QUALITY.md P4, P5): identity lookups with N identifiers, merge
# visibility, end-to-end inbound messages/s through resolution.
# Usage: platform/benchmarks/bench-context.sh [identifiers] [lookups] [messages]
# Build first: mvn -B install -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exec java -Xmx1g -Dseamline.distribution="$root/distribution/target/seamline" \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  org.seamline.benchmarks.ContextBenchmark "${1:-1000000}" "${2:-5000}" "${3:-5000}"
