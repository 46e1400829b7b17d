#!/usr/bin/env bash
# Throughput of a 2-node cluster on loopback (ingest node | compute node) versus one node: N synthetic events at
# the maximum rate; prints the seconds from the ingest node's "tickwire running" to its "stopping" log line (one
# node) or its "sources finished" line (a cluster node stays up after its source has finished, so it is stopped then).
# Usage: bench/cluster-vs-single.sh single|cluster   (N=3000000 by default; run in a scratch directory)
set -u
JAR="$(cd "$(dirname "$0")/.." && pwd)/verticles/target/tickwire.jar"
N=${N:-3000000}
COMMON="--set ingest.tcp.enabled=false --set web.enabled=false --set inference.enabled=false --set synthetic.rate=max --set synthetic.count=$N"
secs() { python3 - "$1" <<'PY'
import sys,re,datetime
t=[l for l in open(sys.argv[1]) if 'tickwire running' in l or 'stopping:' in l or 'sources finished' in l]
f=lambda l: datetime.datetime.fromisoformat(l.split()[0])
print("%.2f" % (f(t[1])-f(t[0])).total_seconds())
PY
}
mode=$1
if [ "$mode" = single ]; then
  java -jar $JAR run --roles ingest,compute $COMMON > single.out 2> single.err
  echo "single $(secs single.err)"
else
  CL="--set cluster.name=bench$$ --set cluster.port=17701 --set cluster.members=[127.0.0.1:17701,127.0.0.1:17702] --set cluster.roles=ingest,compute"
  java -jar $JAR run --cluster --roles compute $COMMON $CL > compute.out 2> compute.err &
  cpid=$!
  sleep 6
  java -jar $JAR run --cluster --roles ingest $COMMON $CL > ingest.out 2> ingest.err &
  ipid=$!
  until grep -q 'sources finished' ingest.err; do
    kill -0 $ipid 2>/dev/null || { echo "ingest node exited; see ingest.err" >&2; kill $cpid; exit 1; }
    sleep 1
  done
  echo "cluster $(secs ingest.err)"
  kill $ipid $cpid; wait $ipid $cpid || true   # both exit 143 after their graceful stop
fi
