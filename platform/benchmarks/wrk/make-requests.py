#!/usr/bin/env python3
"""Writes N pre-signed API channel requests (signature TAB body per line) with unique ids for wrk/intake.lua.
Usage: make-requests.py FILE PREFIX COUNT SECRET"""
import hashlib
import hmac
import sys

path, prefix, count, secret = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].encode()
with open(path, "w") as out:
    for i in range(count):
        body = '{"id":"%s-%d","from":{"userId":"u-%d"},"text":"Hello, where is my order %d?"}' % (prefix, i, i % 5000, i)
        out.write("sha256=%s\t%s\n" % (hmac.new(secret, body.encode(), hashlib.sha256).hexdigest(), body))
