#!/usr/bin/env python3
"""An example tickwire service in Python: consumes feature snapshots and publishes signals.

It subscribes to md.features.json and, for every snapshot whose momentum feature crosses the threshold (up or down,
on the edge, like tickwire's rules), publishes a signal on md.external.signals under its own provider name. tickwire
checks the signal, stores it with the rules' signals and serves it on /api/signals.

    python3 clients/python/momentum_service.py --token-file data/bridge-token
"""

import argparse
import sys

from tickwire_bridge import Bridge, BridgeError, read_token


def signal_for(snapshot, feature, threshold, provider, last_sign):
    """The signal for this snapshot, or None; last_sign remembers each symbol's side so only crossings fire."""
    value = snapshot.get("features", {}).get(feature)
    if not isinstance(value, (int, float)):
        return None
    sign = 1 if value > threshold else -1 if value < -threshold else 0
    key = (snapshot["venue"], snapshot["symbol"])
    previous = last_sign.get(key)
    last_sign[key] = sign
    if sign == 0 or sign == previous:
        return None
    return {
        "ver": 1,
        "provider": provider,
        "symbol": snapshot["symbol"],
        "ts": snapshot["ts"],
        "name": "momentum_" + ("up" if sign > 0 else "down"),
        "value": float(sign),
        "score": min(1.0, abs(value) / (abs(threshold) * 10) if threshold else 1.0),
        "meta": {"venue": snapshot["venue"], feature: value, "price": snapshot.get("price")},
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7001)
    p.add_argument("--token-file", default="data/bridge-token", help="the node's <data_dir>/bridge-token")
    p.add_argument("--token", help="the token itself (else $TICKWIRE_BRIDGE_TOKEN, else --token-file)")
    p.add_argument("--provider", default="py-momentum", help="the provider name its signals are stored under")
    p.add_argument("--feature", default="momentum_1m", help="the feature to watch")
    p.add_argument("--threshold", type=float, default=0.0005, help="fire when the feature crosses +/- this")
    p.add_argument("--limit", type=int, default=0, help="exit after publishing this many signals (0: never)")
    args = p.parse_args()
    try:
        token = read_token(args.token, args.token_file)
        published = 0
        last_sign = {}
        with Bridge(args.host, args.port, token) as bridge:
            bridge.subscribe("md.features.json")
            for message in bridge.messages():
                signal = signal_for(message["body"], args.feature, args.threshold, args.provider, last_sign)
                if signal is None:
                    continue
                bridge.publish("md.external.signals", signal)
                published += 1
                print("published %s %s %s" % (signal["name"], signal["symbol"], signal["ts"]), flush=True)
                if args.limit and published >= args.limit:
                    return 0
    except (BridgeError, OSError) as e:
        print("momentum_service: " + str(e), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
