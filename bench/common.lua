-- Shared by the W* scripts: per-thread counters and one summary line at the end.
--   req/s, p50, p99 and errors = socket errors + non-2xx responses (every non-2xx counts, 4xx included).
-- Optional: ACK_FILE=path appends the Idempotency-Key of every 201 (the fault scripts compare them with the database).
local threads = {}
local tcount = 0
function setup(thread)
  tcount = tcount + 1
  thread:set("tid", tcount)
  table.insert(threads, thread)
end

non2xx, ok, shown, codes = 0, 0, 0, {}
function env_list(name)
  local list = {}
  for v in string.gmatch(os.getenv(name) or "", "[^,]+") do list[#list + 1] = v end
  if #list == 0 then error(name .. " is empty") end
  return list
end

-- check(status, body) -> true when the response is a success for this workload
function count(status, body, good)
  if good then
    ok = ok + 1
  else
    non2xx = non2xx + 1
    local key = tostring(status)
    codes[key] = (codes[key] or 0) + 1
    if shown < 3 then
      shown = shown + 1
      io.stderr:write("unexpected " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local bad, good = 0, 0
  local byCode = {}
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    good = good + (t:get("ok") or 0)
    local c = t:get("codes") or {}
    for k, v in pairs(c) do byCode[k] = (byCode[k] or 0) + v end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local secs = summary.duration / 1e6
  local detail = {}
  for k, v in pairs(byCode) do detail[#detail + 1] = k .. "x" .. v end
  io.write(string.format("RESULT %s c=%s: %.1f req/s  p50 %.1f ms  p99 %.1f ms  errors %d (non-2xx %d%s, socket %d)  ok %d in %.0f s\n",
    os.getenv("WORKLOAD") or "?", os.getenv("CONC") or "?", summary.requests / secs, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, bad + socket, bad, #detail > 0 and (" " .. table.concat(detail, " ")) or "", socket, good, secs))
end
