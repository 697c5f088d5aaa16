-- Requests for bench/load/run.sh. JIXIAO_TARGET: api (the register API, a random page 1–1000 of a city-year, sorted),
-- api-first (the same, pages 1–5 only),
-- page (the register page, server-rendered), statistics (the reconsideration statistics page of the city-year).
local cookie = os.getenv("JIXIAO_COOKIE")
local year = os.getenv("JIXIAO_YEAR")
local city = os.getenv("JIXIAO_CITY")
local target = os.getenv("JIXIAO_TARGET")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  errors = 0
end

request = function()
  local path
  if target == "api" or target == "api-first" then
    local last = target == "api" and 1000 or 5
    path = string.format("/api/reconsideration/cases?unit=%s&from=%s-01-01&to=%s-12-31&sort=ReceivedOn&desc=true&pageSize=20&page=%d",
      city, year, year, math.random(1, last))
  elseif target == "page" then
    path = "/reconsideration/cases"
  else
    path = string.format("/reconsideration/statistics?unit=%s&year=%s", city, year)
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "application/json, text/html" })
end

response = function(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

done = function(summary, latency, requests)
  local non200 = 0
  for _, thread in ipairs(threads) do
    non200 = non200 + thread:get("errors")
  end
  io.write(string.format("non-200 responses: %d; socket errors: %d; p50 %.1f ms, p99 %.1f ms, %.0f requests/s\n",
    non200, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
