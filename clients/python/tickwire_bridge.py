"""A tickwire event-bus bridge client: Python standard library only.

The bridge speaks the Vert.x TCP event-bus bridge protocol: each frame is a 4-byte big-endian length followed by
that many bytes of UTF-8 JSON. tickwire requires its token in every frame's headers, so this client adds it.

    with Bridge("127.0.0.1", 7001, token) as bridge:
        bridge.subscribe("md.bars.json")
        for message in bridge.messages():
            print(message["body"])
"""

import json
import os
import socket
import struct
import threading
import time

# The largest frame accepted from the node; anything longer means the stream is not the bridge protocol.
MAX_FRAME_BYTES = 16 * 1024 * 1024
# The node closes a connection silent for bridge.idle_timeout_ms (60 s by default): ping well within that.
PING_SECONDS = 20


class BridgeError(Exception):
    """The node refused a frame (its "err" message) or the connection broke."""


def read_token(token=None, token_file=None):
    """The token: given, else $TICKWIRE_BRIDGE_TOKEN, else the file (a node's <data_dir>/bridge-token)."""
    if token:
        return token
    if os.environ.get("TICKWIRE_BRIDGE_TOKEN"):
        return os.environ["TICKWIRE_BRIDGE_TOKEN"]
    if token_file:
        with open(token_file, encoding="utf-8") as f:
            return f.read().strip()
    raise BridgeError("no token: pass --token-file (a node's data/bridge-token) or set TICKWIRE_BRIDGE_TOKEN")


class Bridge:
    def __init__(self, host, port, token, timeout=30.0):
        self._token = token
        self._sock = socket.create_connection((host, port), timeout=timeout)
        self._sock.settimeout(None)
        self._write_lock = threading.Lock()
        self._closed = threading.Event()
        self._pinger = threading.Thread(target=self._ping_forever, daemon=True)
        self._pinger.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._closed.set()
        try:
            self._sock.close()
        except OSError:
            pass

    def subscribe(self, address):
        """Receive what is published on address (md.bars.json, md.features.json, md.signals.json, ...)."""
        self._send({"type": "register", "address": address})

    def unsubscribe(self, address):
        self._send({"type": "unregister", "address": address})

    def publish(self, address, body):
        """Publish body (a dict) on address (md.external.signals or md.external.events)."""
        self._send({"type": "publish", "address": address, "body": body})

    def send(self, address, body):
        self._send({"type": "send", "address": address, "body": body})

    def messages(self):
        """Yields each message frame as a dict (address, body); raises BridgeError on an "err" frame or EOF."""
        while True:
            frame = self._read_frame()
            kind = frame.get("type")
            if kind == "message":
                yield frame
            elif kind == "err":
                raise BridgeError("the node refused a frame: " + str(frame.get("message")))
            # "pong" and anything else: nothing to hand on

    def _send(self, frame):
        frame["headers"] = {"token": self._token}
        data = json.dumps(frame, separators=(",", ":")).encode("utf-8")
        with self._write_lock:
            self._sock.sendall(struct.pack(">I", len(data)) + data)

    def _read_exactly(self, n):
        chunks = []
        while n > 0:
            chunk = self._sock.recv(min(n, 65536))
            if not chunk:
                raise BridgeError("the node closed the connection")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def _read_frame(self):
        (length,) = struct.unpack(">I", self._read_exactly(4))
        if length > MAX_FRAME_BYTES:
            raise BridgeError("frame of %d bytes is larger than %d: not the bridge protocol" % (length, MAX_FRAME_BYTES))
        return json.loads(self._read_exactly(length).decode("utf-8"))

    def _ping_forever(self):
        while not self._closed.wait(PING_SECONDS):
            try:
                self._send({"type": "ping"})
            except OSError:
                return


def now_iso():
    """The current time as tickwire's ISO-8601 timestamps (microseconds, UTC)."""
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%06dZ" % int((t % 1) * 1_000_000)
