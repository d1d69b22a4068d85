-- Wrong-password logins for one account, as fast as the server answers them (the login-flood case):
--   wrk ... -s logins.lua http://host -- EMAIL
local body

function init(args)
  body = '{"email":"' .. args[1] .. '","password":"a wrong password, again"}'
end

function request()
  return wrk.format("POST", "/v1/auth/token", { ["Content-Type"] = "application/json" }, body)
end
