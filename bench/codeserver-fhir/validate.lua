-- CodeSystem/$validate-code of random ICD-10-SE codes; one request in ten asks for a code that does not exist.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local common = require("common")
local codes = common.lines((os.getenv("BENCH_DIR") or ".") .. "/icd-codes.txt")
local system = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se"

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local code = codes[math.random(#codes)]
  if math.random(10) == 1 then code = code .. "Q" end
  return wrk.format("GET", "/fhir/CodeSystem/$validate-code?url=" .. system .. "&code=" .. code, {["Accept"] = "application/fhir+json"})
end

done = common.report
