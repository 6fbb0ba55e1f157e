-- TOKEN=... wrk -t2 -c32 -d30s -s sick-leave.lua http://localhost:18081
-- POST /fmb/api/v1/sick-leave-checks with a random code and two random, valid periods.
-- The codes are those of codes.txt that ICD-10-SE 2022 has (checkable-codes.txt): the check refuses the others
-- with 422, as it must, and a benchmark of refusals measures nothing.
local codes = {}
for line in io.lines((os.getenv("BENCH_DIR") or ".") .. "/checkable-codes.txt") do
  if #line > 0 then codes[#codes + 1] = line end
end
local function random_code()
  return codes[math.random(#codes)]
end
math.randomseed(os.time())
local token = os.getenv("TOKEN")
local degrees = {25, 50, 75, 100}
request = function()
  local start = math.random(0, 200)
  local length = math.random(1, 120)
  local d1 = os.date("!%Y-%m-%d", 1767225600 + start * 86400)
  local d2 = os.date("!%Y-%m-%d", 1767225600 + (start + length) * 86400)
  local d3 = os.date("!%Y-%m-%d", 1767225600 + (start + length + 1) * 86400)
  local d4 = os.date("!%Y-%m-%d", 1767225600 + (start + length + 1 + math.random(0, 60)) * 86400)
  local body = string.format('{"icd10Codes":["%s"],"daysAlreadyOnSickLeave":%d,"periods":[' ..
      '{"from":"%s","to":"%s","degree":%d},{"from":"%s","to":"%s","degree":%d}]}',
      random_code(), math.random(0, 30), d1, d2, degrees[math.random(4)], d3, d4, degrees[math.random(4)])
  return wrk.format("POST", "/fmb/api/v1/sick-leave-checks",
      {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
