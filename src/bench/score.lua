-- wrk script: POST /api/v1/score with a realistic comment, its article and parent (full scoring, nothing stored).
-- The key comes from the CG_KEY environment variable.
local texts = {
  "Finally a tram line. The buses on this route are late every single morning.",
  "You are an idiot if you think this will ever be finished on budget.",
  "The council should publish the full cost estimate before the next vote.",
  "What a load of crap, this city never learns from its mistakes.",
  "Check out cheap watches at http://spam.example/deals, best prices!!!",
  "I ride the line every day and the new timetable is a real improvement.",
}
local article = '"article": {"title": "Council approves tram line", "body": "The city council approved the new tram '
  .. 'line on Tuesday after a long debate about costs. Construction starts next spring and the line should open in '
  .. 'three years. Opponents say the budget is unrealistic."}'
local n = 0

request = function()
  n = n + 1
  local body = '{"text": "' .. texts[(n % #texts) + 1] .. '", ' .. article
    .. ', "parent": {"text": "Costs are rising everywhere, so why build it now?"}}'
  return wrk.format("POST", "/api/v1/score",
    {["Content-Type"] = "application/json", ["X-Api-Key"] = os.getenv("CG_KEY")}, body)
end
