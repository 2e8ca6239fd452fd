-- wrk script: authenticated GET of one case. The cookie and the case path come from the
-- environment (bench/case-read.sh sets them); HAVEN_PAUSE_MS, when set, makes each connection wait
-- that long between requests, as people at work do, instead of sending as fast as it can.
local cookie = os.getenv("HAVEN_COOKIE")
local path = os.getenv("HAVEN_CASE_PATH")
local pause = tonumber(os.getenv("HAVEN_PAUSE_MS") or "")

if pause then
  delay = function()
    return pause
  end
end

request = function()
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept-Language"] = "vi" })
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx: %d  errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
