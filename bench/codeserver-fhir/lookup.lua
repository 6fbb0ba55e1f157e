-- CodeSystem/$lookup of random ICD-10-SE codes (all 35 684 codes of 2022).
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local common = require("common")
local codes = common.lines((os.getenv("BENCH_DIR") or ".") .. "/icd-codes.txt")
local system = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se"

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local code = codes[math.random(#codes)]
  return wrk.format("GET", "/fhir/CodeSystem/$lookup?system=" .. system .. "&code=" .. code, {["Accept"] = "application/fhir+json"})
end

done = common.report
