-- Shared by the wrk scripts: the ICD-10 codes FMB knows, in the forms clients send them
-- (F32, F32.1 and F321 for a child code, with and without dot), read from codes.txt.
local codes = {}
local function load(path)
  for line in io.lines(path) do
    if #line > 0 then codes[#codes + 1] = line end
  end
end
load((os.getenv("BENCH_DIR") or ".") .. "/codes.txt")
function random_code()
  return codes[math.random(#codes)]
end
