-- ValueSet/$expand of all of ICD-10-SE with a text filter, count=20; every request uses a different filter
-- (20 000 distinct prefixes of words from the ICD-10-SE texts, taken in order per thread), so no cache can help.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local common = require("common")
local filters = common.lines((os.getenv("BENCH_DIR") or ".") .. "/filters.txt")
local vs = common.encode("http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se?vs")
local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  counter = tonumber(offset) or 0
end

function request()
  local filter = filters[(counter % #filters) + 1]
  counter = counter + (threads > 0 and threads or 2)
  return wrk.format("GET", "/fhir/ValueSet/$expand?url=" .. vs .. "&count=20&filter=" .. common.encode(filter),
    {["Accept"] = "application/fhir+json"})
end

done = common.report
