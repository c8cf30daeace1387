-- W2: a 10-line REST quote for one of the CHANNELS in turn, SKUs spread over the catalogue of NSKU
-- (SKU-00001 style, SKU_DIGITS wide: 5 for bench/load.sql, 6 for bench/generate.sh), quantities across the tiers.
dofile("bench/common.lua")
local token = os.getenv("TOKEN")
local channels = env_list("CHANNELS")
local nsku = tonumber(os.getenv("NSKU") or "10000")
local fmt = "SKU-%0" .. (os.getenv("SKU_DIGITS") or "5") .. "d"
local n = 0
request = function()
  n = n + 1
  local c = channels[(n % #channels) + 1]
  local lines = {}
  for i = 1, 10 do
    local k = ((n * 7919 + i * 104729) % nsku) + 1
    if k % 50 == 49 then k = k + 1 end -- generate.sh marks every 50th SKU (49, 99, ...) DISCONTINUED: not quotable
    local sku = string.format(fmt, k)
    lines[i] = '{"sku":"' .. sku .. '","quantity":' .. (1 + (n + i) % 12) .. '}'
  end
  local body = '{"channelId":"' .. c .. '","lines":[' .. table.concat(lines, ",") .. ']}'
  return wrk.format("POST", "/api/v1/prices/quote", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
response = function(status, headers, body)
  count(status, body, status == 200)
end
