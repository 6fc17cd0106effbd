"""Reads diplograph's claim events through a durable JetStream consumer and
prints one line per event. The Python example of docs/events.md.

    pip install -r consumers/python/requirements.txt
    python3 consumers/python/consumer.py --durable my-service --filter 'diplo.claims.oppose.>'

It may start before the NATS server does: it waits for the server and for
the CLAIMS stream. Being durable, it resumes after a restart (its own or the
server's) where it left off; events it has acknowledged are not delivered
again.
"""

import argparse
import asyncio
import json
import os
import signal
import sys

import nats
from nats.errors import Error as NATSError
from nats.errors import NoServersError, TimeoutError
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from nats.js.errors import NotFoundError, ServiceUnavailableError


async def connect(url):
    """Connects, waiting for the server, and reconnects forever after."""
    auth = {}
    if os.environ.get("NATS_USER"):
        auth = {"user": os.environ["NATS_USER"], "password": os.environ.get("NATS_PASSWORD", "")}
    if os.environ.get("NATS_TOKEN"):
        auth = {"token": os.environ["NATS_TOKEN"]}
    while True:
        try:
            return await nats.connect(
                url, max_reconnect_attempts=-1, reconnect_time_wait=0.25, connect_timeout=1, **auth
            )
        except (NoServersError, OSError, TimeoutError):
            await asyncio.sleep(0.25)


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("NATS_URL", "nats://127.0.0.1:4222"))
    parser.add_argument("--durable", default="claims-printer-py", help="durable consumer name: one per application")
    parser.add_argument("--filter", default="diplo.claims.>", help="subject filter: diplo.claims.<predicate>.<actor>")
    args = parser.parse_args()

    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)

    nc = await connect(args.url)
    js = nc.jetstream()
    # The CLAIMS stream exists once diplograph has started: until then,
    # try again every 250 ms.
    config = ConsumerConfig(ack_policy=AckPolicy.EXPLICIT, deliver_policy=DeliverPolicy.ALL)
    while True:
        try:
            sub = await js.pull_subscribe(args.filter, durable=args.durable, stream="CLAIMS", config=config)
            break
        except (NotFoundError, ServiceUnavailableError, TimeoutError):
            await asyncio.sleep(0.25)
    print(f"consuming {args.filter} as {args.durable}; Ctrl-C stops", file=sys.stderr, flush=True)

    while not stop.is_set():
        try:
            msgs = await sub.fetch(batch=64, timeout=1)
        except TimeoutError:
            continue
        except NATSError:
            # The server went away: the client reconnects meanwhile.
            await asyncio.sleep(0.25)
            continue
        for msg in msgs:
            try:
                ev = json.loads(msg.data)
            except ValueError:
                # Input that will never parse: do not have it redelivered.
                await msg.term()
                continue
            if ev.get("schema") != "diplograph.claim.v1":
                # Another type on the same subjects (a later version, a
                # retraction): name it rather than misread it.
                print(ev.get("schema"), ev.get("id"), ev.get("actor"), flush=True)
                await msg.ack()
                continue
            obj = ev.get("target") or ev.get("topic") or ""
            evidence = ev["evidence"][0]["text"] if ev.get("evidence") else ""
            print(ev["id"], ev["actor"], ev["predicate"], obj, ev["date"], json.dumps(evidence, ensure_ascii=False), flush=True)
            # Acknowledge once the event is handled: an event not
            # acknowledged is delivered again.
            await msg.ack()
    await nc.drain()


if __name__ == "__main__":
    asyncio.run(main())
