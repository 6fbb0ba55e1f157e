-- wrk script: search as you type, GET /codes/suggest?q=... over every code system, where every query is different:
-- what a user's keystrokes send, a prefix (3 letters to the whole word) of a random word of a random ICD-10-SE 2022
-- display, half the time after a whole first word ("akut hjärtinf"). Through the gateway, anonymous.
local words = {}

local function load(path)
  for line in io.lines(path) do
    local text = line:match("^[^\t]*\t[^\t]*\t(.*)$")
    if text then
      for word in text:gmatch("[%wåäöÅÄÖéü]+") do
        if #word >= 4 then words[#words + 1] = word:lower() end
      end
    end
  end
end

local root = os.getenv("TERMINOLOGY_DIR") or "codeserver-service/src/main/resources/terminology"
for _, f in ipairs({"digit3.txt", "digit4.txt", "digit5.txt"}) do load(root .. "/icd-10-se/2022/" .. f) end

local function prefix(word)
  local n = math.random(3, #word)
  -- do not cut inside a multi-byte UTF-8 letter (å, ä, ö ...)
  while n < #word and word:byte(n + 1) >= 128 and word:byte(n + 1) < 192 do n = n + 1 end
  return word:sub(1, n)
end

local function escape(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + math.random(1000000))
end

request = function()
  local q = prefix(words[math.random(#words)])
  if math.random() < 0.5 then q = words[math.random(#words)] .. " " .. q end
  return wrk.format("GET", "/codes/suggest?q=" .. escape(q))
end

done = function(summary, latency, requests)
  io.write(string.format("words=%d requests=%d non2xx=%d p50=%.2fms p95=%.2fms p99=%.2fms req/s=%.0f\n", #words,
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1000000)))
end
