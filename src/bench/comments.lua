-- wrk script: POST /api/v1/comments (scored, moderated and stored) with a unique externalId per request.
-- CG_KEY is an ingest key, CG_ARTICLE a registered article, CG_RUN a prefix unique to this run.
local texts = {
  "Finally a tram line. The buses on this route are late every single morning.",
  "You are an idiot if you think this will ever be finished on budget.",
  "The council should publish the full cost estimate before the next vote.",
  "What a load of crap, this city never learns from its mistakes.",
  "Check out cheap watches at http://spam.example/deals, best prices!!!",
  "I ride the line every day and the new timetable is a real improvement.",
}
local threads = {}
local id = 0

setup = function(thread)
  id = id + 1
  thread:set("tid", id)
  table.insert(threads, thread)
end

local n = 0
request = function()
  n = n + 1
  local external = os.getenv("CG_RUN") .. "-" .. tid .. "-" .. n
  local body = '{"externalId": "' .. external .. '", "articleId": "' .. os.getenv("CG_ARTICLE")
    .. '", "author": {"id": "reader-' .. (n % 97) .. '", "name": "Reader"}, "text": "'
    .. texts[(n % #texts) + 1] .. ' (' .. external .. ')"}'
  return wrk.format("POST", "/api/v1/comments",
    {["Content-Type"] = "application/json", ["X-Api-Key"] = os.getenv("CG_KEY")}, body)
end

-- Globals, so done() can read each thread's count with thread:get.
created = 0
response = function(status, headers, body)
  if status == 201 then
    created = created + 1
  end
end

done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("created")
  end
  io.write(string.format("comments acknowledged with 201: %d\n", total))
end
