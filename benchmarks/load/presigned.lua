-- wrk script of the @ValidateSignature load benchmark: sends the requests that Presign.java wrote,
-- each one once. Arguments (after --): <file> <validated|plain> <threads>.
-- Each wrk thread takes every <threads>-th line, so no two threads send the same nonce. The plain
-- endpoints get the very same requests with "/validated/" replaced by "/plain/".
-- When a thread has sent all its requests it starts again; the validated endpoint then answers
-- 401 nonce_used, which wrk counts as "Non-2xx" and run.sh treats as a failed run.

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   local file, target, count = args[1], args[2], tonumber(args[3])
   requests = {}
   local line_number = 0
   for line in io.lines(file) do
      if line_number % count == id then
         local method, path, authorization, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
         path = path:gsub("/validated/", "/" .. target .. "/")
         local headers = {}
         if authorization ~= "" then
            headers["Authorization"] = authorization
         end
         if body == "" then
            body = nil
         else
            headers["Content-Type"] = "application/x-www-form-urlencoded"
         end
         requests[#requests + 1] = wrk.format(method, path, headers, body)
      end
      line_number = line_number + 1
   end
   available = #requests
   index = 0
   sent = 0
end

function request()
   index = index + 1
   if index > #requests then
      index = 1
   end
   sent = sent + 1
   return requests[index]
end

function done(summary, latency, requests)
   for _, thread in ipairs(threads) do
      local sent, available = thread:get("sent"), thread:get("available")
      if sent > available then
         io.write(string.format("WRAPPED: a thread sent %d requests but had %d pre-signed ones\n", sent, available))
      end
   end
end
