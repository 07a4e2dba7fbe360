-- SPDX-License-Identifier: Apache-2.0
-- wrk script: GET /api/v1/customers/{id}?events=N for a uniformly random id in [1, MAX_ID], or
-- CENTRIC_BENCH_PATH with "{id}" replaced by the id when set
-- (e.g. /api/v1/customers/{id}/recommendations).
-- Environment: CENTRIC_BENCH_TOKEN (required), CENTRIC_BENCH_MAX_ID, CENTRIC_BENCH_EVENTS,
-- CENTRIC_BENCH_PATH.
local token = os.getenv("CENTRIC_BENCH_TOKEN") or error("CENTRIC_BENCH_TOKEN is not set")
local max_id = tonumber(os.getenv("CENTRIC_BENCH_MAX_ID") or "1000")
local events = os.getenv("CENTRIC_BENCH_EVENTS") or "50"
local path = os.getenv("CENTRIC_BENCH_PATH") or ("/api/v1/customers/{id}?events=" .. events)
local headers = { ["Authorization"] = "Bearer " .. token }

-- Each wrk thread has its own Lua state; give each its own seed.
local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_index", next_thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_index or 0) * 7919)
end

function request()
  local id = math.random(1, max_id)
  return wrk.format("GET", (path:gsub("{id}", tostring(id))), headers)
end
