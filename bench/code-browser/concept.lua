-- wrk script: the concept page GET /codes/icd-10-se/{code} for random ICD-10-SE 2022 codes (categories and
-- subcategories), through the gateway, anonymous: the whole server-rendered page (path, children, history, maps).
local codes = {}
local root = os.getenv("TERMINOLOGY_DIR") or "codeserver-service/src/main/resources/terminology"
for _, f in ipairs({"digit3.txt", "digit4.txt"}) do
  for line in io.lines(root .. "/icd-10-se/2022/" .. f) do
    local code = line:gsub("^\239\187\191", ""):match("^([%w%-]+)\t")
    if code then codes[#codes + 1] = code end
  end
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + math.random(1000000))
end

request = function()
  return wrk.format("GET", "/codes/icd-10-se/" .. codes[math.random(#codes)])
end

done = function(summary, latency, requests)
  io.write(string.format("codes=%d requests=%d non2xx=%d p50=%.2fms p95=%.2fms p99=%.2fms req/s=%.0f\n", #codes,
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1000000)))
end
