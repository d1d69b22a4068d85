-- GETs that go round the paths given after "--", each with the bearer token given first:
--   wrk ... -s reads.lua http://host -- TOKEN /v1/programs/ID /v1/groups/ID ...
local token, paths, n = nil, {}, 0

function init(args)
  token = args[1]
  for i = 2, #args do paths[#paths + 1] = args[i] end
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Authorization"] = "Bearer " .. token })
end
