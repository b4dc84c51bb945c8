#!/usr/bin/env python3
"""Writes N pre-signed webhook requests (signature TAB body per line) with unique ids for wrk/intake.lua.
Usage: make-requests.py FILE PREFIX COUNT SECRET [api|sms URL]
  api: API channel JSON, X-Seamline-Signature (HMAC-SHA256 of the body)
  sms: Twilio SMS form posts to URL, X-Twilio-Signature (HMAC-SHA1 of URL + sorted parameters, base64)"""
import base64
import hashlib
import hmac
import sys
from urllib.parse import urlencode

path, prefix, count, secret = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].encode()
kind = sys.argv[5] if len(sys.argv) > 5 else "api"
with open(path, "w") as out:
    for i in range(count):
        if kind == "sms":
            sid = "SM" + hashlib.md5(("%s-%d" % (prefix, i)).encode()).hexdigest()
            params = {"MessageSid": sid, "SmsSid": sid, "AccountSid": "AC" + "0" * 32, "From": "+1415555%04d" % (i % 5000),
                      "To": "+15005550006", "Body": "Hello, where is my order %d?" % i, "NumMedia": "0",
                      "SmsStatus": "received", "ApiVersion": "2010-04-01"}
            data = sys.argv[6] + "".join(k + params[k] for k in sorted(params))
            sig = base64.b64encode(hmac.new(secret, data.encode(), hashlib.sha1).digest()).decode()
            out.write("%s\t%s\n" % (sig, urlencode(params)))
        else:
            body = '{"id":"%s-%d","from":{"userId":"u-%d"},"text":"Hello, where is my order %d?"}' % (prefix, i, i % 5000, i)
            out.write("sha256=%s\t%s\n" % (hmac.new(secret, body.encode(), hashlib.sha256).hexdigest(), body))
