-- auth-with-password rotating over the seeded users (BENCH_USERS of them), so no one account sees many attempts at once
-- (the login throttle counts attempts in flight against an account).
local users = tonumber(os.getenv("BENCH_USERS"))
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"identity":"user%d@bench.test","password":"bench password"}', counter % users)
  return wrk.format("POST", "/api/collections/users/auth-with-password", { ["Content-Type"] = "application/json" }, body)
end
