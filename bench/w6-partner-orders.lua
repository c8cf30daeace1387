-- W6: a partner's order list (REST, newest first, 20 with lines): GET /api/v1/orders?limit=20 with a partner
-- token (role partner, claim channel) of one of the PARTNER_TOKENS in turn; every 4th request asks for the
-- partner's open orders only (status=CONFIRMED).
dofile("bench/common.lua")
local tokens = env_list("PARTNER_TOKENS")
local n = 0
request = function()
  n = n + 1
  local path = "/api/v1/orders?limit=20"
  if n % 4 == 0 then path = path .. "&status=CONFIRMED" end
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]})
end
response = function(status, headers, body)
  count(status, body, status == 200)
end
