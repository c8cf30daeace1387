-- W5: sales report by channel for one month: GET /api/v1/analytics/sales?groupBy=channel&from=FROM&to=TO
-- (dates, inclusive). MONTHS (comma list of FROM:TO pairs) cycles over several months when given.
dofile("bench/common.lua")
local token = os.getenv("TOKEN")
local months = env_list("MONTHS")
local n = 0
request = function()
  n = n + 1
  local from, to = string.match(months[(n % #months) + 1], "([^:]+):([^:]+)")
  return wrk.format("GET", "/api/v1/analytics/sales?groupBy=channel&from=" .. from .. "&to=" .. to,
    {["Authorization"] = "Bearer " .. token})
end
response = function(status, headers, body)
  count(status, body, status == 200)
end
