-- wrk script: a sign-in flood. Every attempt comes from an address of its own (X-Forwarded-For,
-- believed from the trusted proxy 127.0.0.1) with a wrong password for a name that does not exist,
-- so every one is under every limit and is hashed. Counts the answers by status.
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

counts = {}  -- global: done() reads each thread's through thread:get
local n = 0
request = function()
  n = n + 1
  local address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local body = string.format('{"username":"flood%d","password":"not the password %d"}', math.random(1, 1000000000), n)
  return wrk.format("POST", "/api/v1/session",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address }, body)
end

response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for _, status in ipairs({ 401, 429, 503 }) do
      total[status] = (total[status] or 0) + (thread:get("counts")[status] or 0)
    end
  end
  io.write(string.format("sign-in flood: %.0f attempts/s; 401: %d, 429: %d, 503 (busy, not hashed): %d\n",
    summary.requests / (summary.duration / 1e6), total[401], total[429], total[503]))
end
