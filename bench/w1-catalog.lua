-- W1: a GraphQL catalogue page of PAGE products with resolved prices, for one of the 200 channels in turn.
local token = os.getenv("TOKEN")
local page = tonumber(os.getenv("PAGE") or "20")
local channels = {}
for id in string.gmatch(os.getenv("CHANNELS") or "", "[^,]+") do channels[#channels + 1] = id end
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
  if status ~= 200 or string.find(body, '"errors"') then
    io.stderr:write("unexpected: " .. status .. " " .. string.sub(body, 1, 200) .. "\n")
  end
end
