-- W3: place an order of 3 lines (REST), one of the CHANNELS and CUSTOMERS in turn, SKUs from SKUS (comma list)
-- or spread over NSKU generated ones; a unique Idempotency-Key per request (RUN-thread-n). With ACK_FILE set,
-- the key of every 201 is appended to ACK_FILE.thread (the fault scripts compare them with the database).
-- SAME_KEYS=1 makes the keys independent of RUN and thread (two wrk runs against two instances then send the same keys).
dofile("bench/common.lua")
local token = os.getenv("TOKEN")
local channels = env_list("CHANNELS")
local customers = os.getenv("CUSTOMERS") and env_list("CUSTOMERS") or nil
local skus = os.getenv("SKUS") and env_list("SKUS") or nil
local nsku = tonumber(os.getenv("NSKU") or "10000")
local fmt = "SKU-%0" .. (os.getenv("SKU_DIGITS") or "6") .. "d"
local run = os.getenv("RUN") or tostring(os.time())
local ackfile = os.getenv("ACK_FILE")
local same = os.getenv("SAME_KEYS") == "1"
local n, ack = 0, nil

function init(args)
  if ackfile then ack = io.open(ackfile .. "." .. tid, "a") end
end

local function sku(k)
  if skus then return skus[(k % #skus) + 1] end
  local i = (k % nsku) + 1
  if i % 50 == 49 then i = i + 1 end -- generate.sh marks every 50th SKU DISCONTINUED: not orderable
  return string.format(fmt, i)
end

request = function()
  n = n + 1
  local key
  if same then key = run .. "-" .. n else key = run .. "-" .. tid .. "-" .. n end
  local base = (n * 7919 + tid * 104729)
  local lines = {}
  local seen = {}
  local i, k = 0, 0
  while i < 3 do
    local s = sku(base + k * 1237)
    k = k + 1
    if not seen[s] then
      seen[s] = true
      i = i + 1
      lines[i] = '{"sku":"' .. s .. '","quantity":' .. (1 + (n + i) % 3) .. '}'
    end
  end
  local c = channels[((n + tid) % #channels) + 1]
  local cust = customers and (',"customerId":"' .. customers[((n * 31 + tid) % #customers) + 1] .. '"') or ""
  local body = '{"channelId":"' .. c .. '"' .. cust .. ',"lines":[' .. table.concat(lines, ",") .. ']}'
  return wrk.format("POST", "/api/v1/orders", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = key}, body)
end

-- The 201 body carries the order id: that is what is recorded (responses on several connections of a thread
-- do not come back in request order, so the key is not matched to its response here).
response = function(status, headers, body)
  count(status, body, status == 201)
  if ack and status == 201 then
    local id = string.match(body, '"id"%s*:%s*"([0-9a-f%-]+)"')
    ack:write((id or "?") .. "\n")
    ack:flush()
  end
end
