-- wrk -t2 -c32 -d30s -s by-code.lua http://localhost:18081
-- GET /fmb/api/v1/diagnoses/by-code/{random code}
dofile((os.getenv("BENCH_DIR") or ".") .. "/codes.lua")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/fmb/api/v1/diagnoses/by-code/" .. random_code())
end
