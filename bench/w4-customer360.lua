-- W4: customer 360 in one GraphQL query (identities, channels seen, stats, touchpoints, open leads, the
-- last 10 orders with their lines), one of the CUSTOMERS in turn.
dofile("bench/common.lua")
local token = os.getenv("TOKEN")
local customers = env_list("CUSTOMERS")
local n = 0
local query = "query($id: ID!) { customer(id: $id) { id name status group tags "
  .. "identities { kind value channelId } "
  .. "channels { channelId firstSeenAt lastSeenAt orderCount revenue } "
  .. "stats { orderCount revenue averageOrderValue firstOrderAt lastOrderAt repeatCustomer } "
  .. "touchpoints(first: 5) { edges { node { kind channelId occurredAt } } } "
  .. "openLeads { id status assignedChannelId estimatedValue } "
  .. "orders(first: 10) { edges { node { number status paymentStatus total createdAt lines { sku quantity unitPrice } } } } } }"
request = function()
  n = n + 1
  local body = '{"query":"' .. query .. '","variables":{"id":"' .. customers[(n % #customers) + 1] .. '"}}'
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
response = function(status, headers, body)
  count(status, body, status == 200 and not string.find(body, '"errors"', 1, true))
end
