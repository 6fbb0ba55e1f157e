-- wrk: GET /hosp/api/v1/persons/{random identity number of the synthetic register}
-- env: IDS_FILE (one identity number a line), TOKEN (bearer token)
local ids = {}
local token = os.getenv("TOKEN")

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/hosp/api/v1/persons/" .. id,
    { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.1f  p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms  non-2xx/3xx: %d  socket errors: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
