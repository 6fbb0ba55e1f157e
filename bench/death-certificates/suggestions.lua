-- wrk: GET .../coding/suggestions for the cause texts of TEXTS in turn, with a bearer TOKEN; prints p50/p95/p99.
local texts = {}
for line in io.lines(os.getenv("TEXTS")) do
  if #line > 0 then texts[#texts + 1] = line end
end
local token = os.getenv("TOKEN")
local date = os.getenv("DEATH_DATE") or "2022-05-01"
local counter = math.random(1, #texts)

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local text = texts[(counter % #texts) + 1]
  return wrk.format("GET", "/death-certificates/api/v1/coding/suggestions?date=" .. date .. "&text=" .. encode(text),
    { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("suggestions under load: %d requests, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, not 2xx %d, socket errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
