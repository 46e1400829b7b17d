#!/usr/bin/env python3
"""CPU per event and bytes per event on the wire, per role, on a loopback cluster: one ingest node and M compute
nodes (M = 1 or more), N synthetic events at the maximum rate. Standard library only; run in a scratch directory.

  python3 bench/capacity.py 0          # one node, not clustered: ingest and compute in one JVM (the baseline)
  python3 bench/capacity.py 1          # two nodes: ingest | compute
  python3 bench/capacity.py 2          # three nodes: ingest | compute | compute
  N=3000000 SYMBOLS=64 python3 bench/capacity.py 2

For each node it reports its JVM's CPU seconds (user + system, from /proc, once the ingest node has logged that its
source finished; a cluster node stays up after that), and for the compute nodes the bytes their event bus read on
the partition inboxes (vertx_eventbus_bytes_read on md.ticks.<p>#batcher, scraped from /metrics). Both are divided
by N. The CPU a node spent starting (up to its /ready, or the ingest node's "tickwire running") is subtracted; the
JIT's warm-up is not, so N should be large (millions) for the per-event figures to mean the steady state; the
throughput line is the ingest node's "tickwire running" to "sources finished" span.
"""
import datetime
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

JAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "verticles", "target", "tickwire.jar")
N = int(os.environ.get("N", "3000000"))
SYMBOLS = int(os.environ.get("SYMBOLS", "8"))
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """utime + stime of a live process, from /proc/<pid>/stat (fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def bytes_read_on_partitions(port):
    """Sum of vertx_eventbus_bytes_read_sum over the md.ticks.<p>#batcher inboxes, remote side."""
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30).read().decode()
    total = 0.0
    for line in text.splitlines():
        if line.startswith("vertx_eventbus_bytes_read_sum") and re.search(r'address="md\.ticks[^"]*#batcher"', line):
            total += float(line.rsplit(" ", 1)[1])
    return total


def wait_ready(port, deadline_s=180):
    end = time.time() + deadline_s
    while time.time() < end:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=5).status == 200:
                return
        except Exception:
            pass
        time.sleep(1)
    sys.exit(f"compute node on :{port} not ready within {deadline_s} s")


def span_seconds(stderr_path, end="sources finished"):
    stamps = [l.split()[0] for l in open(stderr_path) if "tickwire running" in l or end in l]
    return (datetime.datetime.fromisoformat(stamps[1]) - datetime.datetime.fromisoformat(stamps[0])).total_seconds()


def single():
    """The baseline: one JVM with both roles, no cluster, no event bus between them."""
    node = subprocess.Popen(["java", "-jar", JAR, "run", "--roles", "ingest,compute", *source(),
                             "--set", "web.enabled=false", "--set", "data_dir=data-s"],
                            stdout=open("single.out", "w"), stderr=open("single.err", "w"))
    started = cpu_at(node, "tickwire running", "single.err")
    node.wait(timeout=3600)
    cpu = node_cpu_at_exit(node) - started
    span = span_seconds("single.err", "stopping:")
    print(f"nodes: 1, not clustered (ingest,compute); N={N} events over {SYMBOLS} symbols; "
          f"span {span:.2f} s = {N / span:,.0f} events/s")
    print(f"single node : {cpu:7.2f} CPU s after start-up = {cpu * 1e6 / N:6.2f} us/event")


def source():
    symbols = "[" + ",".join(f"S{i}-USD" for i in range(SYMBOLS)) + "]"
    return ["--set", "ingest.tcp.enabled=false", "--set", "inference.enabled=false",
            "--set", "synthetic.rate=max", "--set", f"synthetic.count={N}", "--set", f"synthetic.symbols={symbols}"]


def cpu_at(process, line, stderr_path):
    """The process's CPU seconds as soon as its stderr shows {line}."""
    while line not in open(stderr_path).read():
        if process.poll() is not None:
            sys.exit(f"node exited with {process.returncode}; see {stderr_path}")
        time.sleep(0.2)
    return cpu_seconds(process.pid)


def node_cpu_at_exit(process):
    """A child's CPU seconds once reaped: Python's wait() leaves the rusage in os.times() of the children."""
    children = os.times()
    return children.children_user + children.children_system


def main():
    computes = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    if computes == 0:
        single()
        return
    hz_ports = [free_port() for _ in range(computes + 1)]
    members = "[" + ",".join(f"127.0.0.1:{p}" for p in hz_ports) + "]"
    symbols = "[" + ",".join(f"S{i}-USD" for i in range(SYMBOLS)) + "]"
    common = ["--set", "ingest.tcp.enabled=false", "--set", "inference.enabled=false",
              "--set", "synthetic.rate=max", "--set", f"synthetic.count={N}", "--set", f"synthetic.symbols={symbols}",
              "--set", f"cluster.name=capacity{os.getpid()}", "--set", f"cluster.members={members}",
              "--set", "cluster.roles=ingest,compute", "--set", "cluster.join_timeout_ms=120000"]
    nodes = []
    for i in range(computes):
        web = free_port()
        args = ["java", "-jar", JAR, "run", "--cluster", "--roles", "compute", *common,
                "--set", f"cluster.port={hz_ports[i + 1]}", "--set", f"web.port={web}",
                "--set", f"data_dir=data-c{i}"]
        nodes.append((subprocess.Popen(args, stdout=open(f"compute-{i}.out", "w"),
                                       stderr=open(f"compute-{i}.err", "w")), web))
    started = []
    for process, web in nodes:
        wait_ready(web)
        started.append(cpu_seconds(process.pid))
    ingest = subprocess.Popen(["java", "-jar", JAR, "run", "--cluster", "--roles", "ingest", *common,
                               "--set", f"cluster.port={hz_ports[0]}", "--set", "web.enabled=false",
                               "--set", "data_dir=data-i"],
                              stdout=open("ingest.out", "w"), stderr=open("ingest.err", "w"))
    while "tickwire running" not in open("ingest.err").read():
        if ingest.poll() is not None:
            sys.exit(f"ingest node exited with {ingest.returncode}; see ingest.err")
        time.sleep(0.2)
    ingest_started = cpu_seconds(ingest.pid)
    while "sources finished" not in open("ingest.err").read():
        if ingest.poll() is not None:
            sys.exit(f"ingest node exited with {ingest.returncode}; see ingest.err")
        time.sleep(1)
    time.sleep(5)  # the compute nodes finish the batches still in their windows
    ingest_cpu = cpu_seconds(ingest.pid) - ingest_started
    ingest.terminate()
    span = span_seconds("ingest.err")
    print(f"nodes: 1 ingest + {computes} compute; N={N} events over {SYMBOLS} symbols; "
          f"ingest span {span:.2f} s = {N / span:,.0f} events/s")
    print("CPU seconds after start-up:")
    print(f"ingest node : {ingest_cpu:7.2f} CPU s = {ingest_cpu * 1e6 / N:6.2f} us/event")
    total_cpu = 0.0
    total_bytes = 0.0
    for i, (process, web) in enumerate(nodes):
        cpu = cpu_seconds(process.pid) - started[i]
        wire = bytes_read_on_partitions(web)
        total_cpu += cpu
        total_bytes += wire
        print(f"compute {i}   : {cpu:7.2f} CPU s = {cpu * 1e6 / N:6.2f} us/event (of all N); "
              f"{wire / 1e6:8.1f} MB read on md.ticks.<p>#batcher")
        process.terminate()
    for process, _ in nodes:
        process.wait(timeout=180)
    ingest.wait(timeout=180)
    print(f"compute all : {total_cpu:7.2f} CPU s = {total_cpu * 1e6 / N:6.2f} us/event; "
          f"wire ingest->compute {total_bytes / N:6.1f} bytes/event")


if __name__ == "__main__":
    main()
