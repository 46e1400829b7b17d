#!/usr/bin/env bash
# Runs the Flink peer job (io.tickwire.bench.flink.FlinkBars) on a local MiniCluster in one JVM, forwarding every
# argument, e.g.: bench-flink/run.sh --file trades.jsonl --bars flink-bars.jsonl
# Builds the module with Maven (profile flink) when its jar or classpath is missing or older than its sources.
# Build output goes to stderr, so stdout carries only the job's one-line JSON summary. FLINK_JAVA_OPTS adds JVM
# options (e.g. -Xmx1g). --build-only builds (when needed) and exits, so a benchmark can build before it times.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/tickwire-bench-flink-0.1.0-SNAPSHOT.jar"
classpath_file="$here/target/runtime-classpath.txt"

stale() {
  [[ ! -f "$jar" || ! -f "$classpath_file" ]] && return 0
  [[ -n "$(find "$here/pom.xml" "$root/pom.xml" "$here/src/main" -type f -newer "$jar" -print -quit 2>/dev/null)" ]]
}

if stale; then
  command -v mvn >/dev/null || { echo "run.sh: Maven (mvn) is needed to build $jar" >&2; exit 1; }
  echo "run.sh: building $jar ..." >&2
  (cd "$root" && MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" \
    mvn -B -q -Dstyle.color=never -Pflink -pl bench-flink -DskipTests package 1>&2)
fi
[[ "${1:-}" == "--build-only" ]] && exit 0

# Flink reflects into the JDK (closure cleaner, serializers); on Java 17 these packages must be opened to it. The
# list Flink's own distribution sets in env.java.opts.all, and the pom's flink.jvm.opens for the tests.
opens=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

# The same JVM flags as the tickwire launcher, so the two sides differ in what they run, not how the JVM is set up.
# shellcheck disable=SC2086
exec java -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC -Dfile.encoding=UTF-8 "${opens[@]}" ${FLINK_JAVA_OPTS:-} \
  -cp "$jar:$(cat "$classpath_file")" io.tickwire.bench.flink.FlinkBars "$@"
