-- One fixed request: BENCH_METHOD, BENCH_PATH, optional BENCH_BODY (JSON) and BENCH_TOKEN (Authorization).
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")
request = function()
  local headers = { ["Content-Type"] = "application/json" }
  if token and #token > 0 then headers["Authorization"] = token end
  return wrk.format(method, path, headers, body)
end
