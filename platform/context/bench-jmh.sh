#!/bin/sh
# The customer context's JMH suite (QUALITY.md P3, P4, P5 cached): PipelineBenchmark, TimelineAppendBenchmark,
# IdentityLookupBenchmark, ProcessingBenchmark. Arguments go to JMH, e.g.
#   platform/context/bench-jmh.sh -rf json -rff /tmp/jmh.json PipelineBenchmark
# Build first: mvn -B install -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mvn -q -B -f "$root/pom.xml" -pl platform/context test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$here/target/test-classpath.txt"
exec java -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/test-classpath.txt")" \
  org.openjdk.jmh.Main "$@"
