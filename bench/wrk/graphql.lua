-- wrk script for every bench workload: sends the JSON body in the file named by the first script argument
-- (POST, or GET with "GET" as the second argument), an Authorization header when BENCH_TOKEN is set, and counts
-- 200 answers whose body holds "errors" (a fast error is not a result). With "create-movie" as the body file,
-- each request is a createMovie with a title of its own (run id, thread, counter).
-- done() prints one line: BENCH_RESULT {json}.

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

local counter = 0
local graphql_errors = 0
local creating = false
local run_id = os.getenv("BENCH_RUN_ID") or tostring(os.time())

local create_query = "mutation($i: MovieInput!) { createMovie(input: $i) { movie { id version } "
  .. "userErrors { field message code } } }"
local directors = { "Akira Tanaka", "Agnes Dubois", "Sven Williams", "Maria Rossi", "Kofi Mensah" }

function init(args)
  local source = args[1]
  wrk.headers["Content-Type"] = "application/json"
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  if source == "create-movie" then
    creating = true
    wrk.method = "POST"
    return
  end
  if source and source ~= "" then
    local file = assert(io.open(source, "r"))
    wrk.body = file:read("*a")
    file:close()
  end
  wrk.method = args[2] or "POST"
end

function request()
  if not creating then
    return wrk.format()
  end
  counter = counter + 1
  local title = string.format("Bench %s-%d-%d", run_id, thread_id, counter)
  local body = string.format(
    '{"query":"%s","variables":{"i":{"title":"%s","releaseDate":"2020-%02d-%02d","rating":%d,'
      .. '"runtimeMinutes":%d,"genres":[{"name":"Drama"},{"name":"Comedy"}],"directors":[{"name":"%s"}]}}}',
    create_query, title, 1 + counter % 12, 1 + counter % 28, counter % 101, 80 + counter % 60,
    directors[1 + counter % #directors])
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  if status == 200 and body and string.find(body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  local errors_in_body = 0
  for _, thread in ipairs(threads) do
    errors_in_body = errors_in_body + (thread:get("graphql_errors") or 0)
  end
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,'
      .. '"write_errors":%d,"non_2xx":%d,"timeouts":%d,"graphql_errors":%d,"p50_us":%d,"p90_us":%d,'
      .. '"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout, errors_in_body,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
