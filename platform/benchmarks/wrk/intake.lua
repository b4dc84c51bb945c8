-- Replays pre-signed webhook requests from the file named by WRK_REQUESTS (see make-requests.py) to WRK_PATH
-- with WRK_CONTENT_TYPE and the signature in WRK_SIGNATURE_HEADER (defaults: the API channel); each wrk thread
-- takes every other line, so no message id is sent twice.
local requests = {}
for line in io.lines(os.getenv("WRK_REQUESTS")) do
  local sig, body = line:match("^(%S+)\t(.*)$")
  requests[#requests + 1] = {sig, body}
end
local path = os.getenv("WRK_PATH") or "/hooks/api/bench/messages"
local contentType = os.getenv("WRK_CONTENT_TYPE") or "application/json"
local signatureHeader = os.getenv("WRK_SIGNATURE_HEADER") or "X-Seamline-Signature"
local counter = 0
local step = 1
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
function init(args)
  step = 2
  counter = offset
end
request = function()
  counter = counter + step
  local r = requests[(counter % #requests) + 1]
  return wrk.format("POST", path, {["Content-Type"] = contentType, [signatureHeader] = r[1]}, r[2])
end
