-- wrk script: GET /codes/api/v1/code-systems/icd-10-se/concepts/{code} with a random ICD-10-SE 2022 code per request
-- (codes read from the bundled kodtextfiler; half of them written with a dot, e.g. F32.1).
local codes = {}

local function load(path)
  for line in io.lines(path) do
    local code = line:gsub("^\239\187\191", ""):match("^([A-Z][0-9][0-9][0-9A-Z]*)\t")
    if code then codes[#codes + 1] = code end
  end
end

local root = os.getenv("TERMINOLOGY_DIR") or "codeserver-service/src/main/resources/terminology"
for _, f in ipairs({"digit3.txt", "digit4.txt", "digit5.txt"}) do load(root .. "/icd-10-se/2022/" .. f) end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local code = codes[math.random(#codes)]
  if #code > 3 and math.random() < 0.5 then code = code:sub(1, 3) .. "." .. code:sub(4) end
  return wrk.format("GET", "/codes/api/v1/code-systems/icd-10-se/concepts/" .. code)
end

done = function(summary, latency, requests)
  io.write(string.format("codes=%d requests=%d non2xx=%d p50=%.2fms p95=%.2fms p99=%.2fms req/s=%.0f\n", #codes,
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1000000)))
end
