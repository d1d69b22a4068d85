-- POST /v1/checkins spread over many participants, each request with an Idempotency-Key of its own:
--   wrk ... -s checkins.lua http://host -- TOKENS_FILE PROGRAM_ID [READ_TOKEN READ_PATH...]
-- With read paths, 80 % of requests are GETs of those paths (the mixed case) and 20 % are check-ins.
local tokens, program, reader, paths = {}, nil, nil, {}
local n = 0
local counter = 0
thread_id = 0 -- set per thread by setup()

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  program = args[2]
  reader = args[3]
  for i = 4, #args do paths[#paths + 1] = args[i] end
  math.randomseed(os.time() + thread_id)
end

local function checkin()
  local token = tokens[(n % #tokens) + 1]
  local body = '{"program_id":"' .. program .. '","mood":' .. (n % 5 + 1) .. ',"tags":["gratitude"],"note":"bench"}'
  return wrk.format("POST", "/v1/checkins", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. n .. "-" .. math.random(1, 1000000000),
  }, body)
end

function request()
  n = n + 1
  if #paths > 0 and n % 5 ~= 0 then
    return wrk.format("GET", paths[(n % #paths) + 1], { ["Authorization"] = "Bearer " .. reader })
  end
  return checkin()
end
