-- W2: a 10-line REST quote for one of the 200 channels, SKUs spread over the 10,000.
local token = os.getenv("TOKEN")
local channels = {}
for id in string.gmatch(os.getenv("CHANNELS") or "", "[^,]+") do channels[#channels + 1] = id end
local n = 0
request = function()
  n = n + 1
  local c = channels[(n % #channels) + 1]
  local lines = {}
  for i = 1, 10 do
    local sku = string.format("SKU-%05d", ((n * 7919 + i * 104729) % 10000) + 1)
    lines[i] = '{"sku":"' .. sku .. '","quantity":' .. (1 + (n + i) % 12) .. '}'
  end
  local body = '{"channelId":"' .. c .. '","lines":[' .. table.concat(lines, ",") .. ']}'
  return wrk.format("POST", "/api/v1/prices/quote", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected: " .. status .. " " .. string.sub(body, 1, 200) .. "\n")
  end
end
