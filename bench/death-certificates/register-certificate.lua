-- wrk script: RegisterCertificate v3 SOAP requests, each with a new certificate id (full validation + insert).
-- Usage: TOKEN=... wrk -t2 -c8 -d60s --latency -s register-certificate.lua http://localhost:18084
local template
local counter = 0
thread_id = 0
local setup_count = 0
local run = tostring(os.time())
not_ok = 0
answers = 0
local threads = {}

function setup(thread)
  setup_count = setup_count + 1
  thread:set("thread_id", setup_count)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("TEMPLATE") or "register-certificate.template.xml", "r"))
  template = file:read("*a")
  file:close()
  math.randomseed(os.time() * 100 + thread_id)
  wrk.method = "POST"
  wrk.path = "/services/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21"
  wrk.headers["Content-Type"] = "text/xml; charset=UTF-8"
  wrk.headers["SOAPAction"] = "\"\""
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local id = string.format("bench-%s-%d-%d-%06d", run, thread_id, counter, math.random(0, 999999))
  local body = template:gsub("{{ID}}", id)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  answers = answers + 1
  if status ~= 200 or not body:find("<resultCode>OK</resultCode>", 1, true) then
    not_ok = not_ok + 1
    if not_ok <= 3 then
      io.stderr:write("not OK (" .. status .. "): " .. body:sub(1, 400) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local total_not_ok = 0
  for _, thread in ipairs(threads) do
    total_not_ok = total_not_ok + (thread:get("not_ok") or 0)
  end
  io.write(string.format("certificates/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.1f ms  p90: %.1f ms  p99: %.1f ms  max: %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("answers not OK: %d of %d\n", total_not_ok, summary.requests))
end
