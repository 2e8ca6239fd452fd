-- wrk script: authenticated POST of one JSON body, round-robin over a list of paths (so that the
-- records of a write benchmark spread over many cases, as a centre's do). The cookie, the session's
-- anti-forgery token, the paths (comma-separated) and the body come from the environment
-- (bench/writes.sh sets them).
local cookie = os.getenv("HAVEN_COOKIE")
local csrf = os.getenv("HAVEN_CSRF")
local body = os.getenv("HAVEN_BODY")
local paths = {}
for path in string.gmatch(os.getenv("HAVEN_PATHS"), "[^,]+") do
  table.insert(paths, path)
end
local sent = 0

request = function()
  sent = sent + 1
  return wrk.format("POST", paths[(sent % #paths) + 1], {
    ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json", ["Accept-Language"] = "vi",
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx: %d  errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
