-- Rotating record ids for view/update: BENCH_IDS names a file of ids, one a line; BENCH_PATH is the path prefix.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local prefix = os.getenv("BENCH_PATH")
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  if token and #token > 0 then headers["Authorization"] = token end
  return wrk.format(method, prefix .. ids[(counter % #ids) + 1], headers, body)
end
