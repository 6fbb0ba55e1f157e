-- wrk: POST /hosp/api/v1/licence-checks with 1,000 random {identityNumber, professionCode} pairs per request
-- env: IDS_FILE, TOKEN
local bodies = {}
local token = os.getenv("TOKEN")
local professions = { "SJ", "LK", "FT", "PS", "AT", "TL", "BM", "SJ" }

function init(args)
  local ids = {}
  for line in io.lines(os.getenv("IDS_FILE")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  for b = 1, 20 do
    local parts = {}
    for i = 1, 1000 do
      parts[i] = string.format('{"identityNumber":"%s","professionCode":"%s"}', ids[math.random(#ids)],
        professions[math.random(#professions)])
    end
    bodies[b] = '{"checks":[' .. table.concat(parts, ",") .. ']}'
  end
end

local n = 0
function request()
  n = n + 1
  return wrk.format("POST", "/hosp/api/v1/licence-checks",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, bodies[(n % #bodies) + 1])
end

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.1f  p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms  non-2xx/3xx: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status))
end
