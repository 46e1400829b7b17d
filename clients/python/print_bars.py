#!/usr/bin/env python3
"""Subscribes to a tickwire node's bars over the event-bus bridge and prints each as one JSON line.

    python3 clients/python/print_bars.py --token-file data/bridge-token --limit 5
"""

import argparse
import json
import sys

from tickwire_bridge import Bridge, BridgeError, read_token


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7001)
    p.add_argument("--token-file", default="data/bridge-token", help="the node's <data_dir>/bridge-token")
    p.add_argument("--token", help="the token itself (else $TICKWIRE_BRIDGE_TOKEN, else --token-file)")
    p.add_argument("--address", default="md.bars.json", help="what to subscribe to")
    p.add_argument("--limit", type=int, default=0, help="exit after this many (0: never)")
    args = p.parse_args()
    try:
        token = read_token(args.token, args.token_file)
        printed = 0
        with Bridge(args.host, args.port, token) as bridge:
            bridge.subscribe(args.address)
            for message in bridge.messages():
                print(json.dumps(message["body"], separators=(",", ":")), flush=True)
                printed += 1
                if args.limit and printed >= args.limit:
                    return 0
    except (BridgeError, OSError) as e:
        print("print_bars: " + str(e), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
