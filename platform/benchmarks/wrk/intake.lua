-- Replays pre-signed API channel requests from the file named by WRK_REQUESTS (see make-requests.py);
-- each wrk thread takes every other line, so no message id is sent twice.
local requests = {}
for line in io.lines(os.getenv("WRK_REQUESTS")) do
  local sig, body = line:match("^(%S+)\t(.*)$")
  requests[#requests + 1] = {sig, body}
end
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
  return wrk.format("POST", "/hooks/api/bench/messages",
    {["Content-Type"] = "application/json", ["X-Seamline-Signature"] = r[1]}, r[2])
end
