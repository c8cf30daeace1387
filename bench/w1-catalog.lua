-- W1: a GraphQL catalogue page of PAGE products with resolved prices, for one of the CHANNELS in turn.
dofile("bench/common.lua")
local token = os.getenv("TOKEN")
local page = tonumber(os.getenv("PAGE") or "20")
local channels = env_list("CHANNELS")
local n = 0
local query = "query($c: ID, $n: Int) { products(channelId: $c, first: $n) { edges { node { sku name "
  .. "price { unitPrice listPrice priceListCode promotionCode } } } pageInfo { hasNextPage endCursor } } }"
request = function()
  n = n + 1
  local c = channels[(n % #channels) + 1]
  local body = '{"query":"' .. query .. '","variables":{"c":"' .. c .. '","n":' .. page .. '}}'
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
response = function(status, headers, body)
  count(status, body, status == 200 and not string.find(body, '"errors"', 1, true))
end
