-- wrk script for every bench workload. The first script argument says what to send:
--   a JSON file       that body on every request (POST, or GET with "GET" as the second argument), with an
--                     Authorization header when BENCH_TOKEN is set;
--   create-movie      a createMovie with a title of its own (run id, thread, counter) on every request;
--   traffic=FILE      W6: one of FILE's requests per request ("A<TAB>body" anonymous, "E<TAB>body" with
--                     BENCH_TOKEN), picked with a Zipf-like skew (line 1 the most popular, fixed seed), plus
--                     editors' writes (BENCH_WRITE_SHARE of the requests, default 0.01): createMovie, or updateMovie of a movie from BENCH_VERSIONS ("id version"
--                     lines) at the version this thread last saw (CONFLICTs are counted apart, and teach it the
--                     current version).
-- 200 answers whose body holds "errors", or userErrors other than CONFLICT, count as errors (a fast error is not
-- a result). done() prints one line: BENCH_RESULT {json}, with completed responses per wall-clock second, and
-- before it BENCH_ERROR_SAMPLE with the start of the first answer that counted as an error, if any. When
-- BENCH_CREATED_IDS names a file, done() writes there the id of every movie a createMovie answer acknowledged.

local threads = {}
local thread_count = 0
-- Counters are globals: done() reads each thread's with thread:get, which sees no locals.

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

local counter = 0
started = nil
graphql_errors = 0
user_errors = 0
conflicts = 0
error_sample = nil
per_second = {}
errors_per_second = {}
non_2xx_per_second = {}
created_ids = {}
local mode = "body"
local run_id = os.getenv("BENCH_RUN_ID") or tostring(os.time())
local token = os.getenv("BENCH_TOKEN") or ""
local write_share = tonumber(os.getenv("BENCH_WRITE_SHARE") or "") or 0.01

local create_query = "mutation($i: MovieInput!) { createMovie(input: $i) { movie { id version } "
  .. "userErrors { field message code } } }"
local update_query = "mutation($id: ID!, $v: Int!, $i: MovieUpdateInput!) { updateMovie(id: $id, "
  .. "expectedVersion: $v, input: $i) { movie { id: databaseId version } current { id: databaseId version } "
  .. "userErrors { code } } }"
local directors = { "Akira Tanaka", "Agnes Dubois", "Sven Williams", "Maria Rossi", "Kofi Mensah" }

local bodies, editor, cumulative = {}, {}, {}
local anonymous_headers = { ["Content-Type"] = "application/json" }
local editor_headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
local writable, versions = {}, {}

local function load_traffic(file)
  for line in io.lines(file) do
    local who, body = line:match("^([AE])\t(.*)$")
    if body then
      table.insert(bodies, body)
      table.insert(editor, who == "E")
    end
  end
  assert(#bodies > 0, "no requests in " .. file)
  -- Zipf with s = 1: request k is asked 1/k as often as the most popular one.
  local total = 0
  for k = 1, #bodies do
    total = total + 1 / k
    cumulative[k] = total
  end
  for k = 1, #bodies do cumulative[k] = cumulative[k] / total end
  -- Each thread updates movies of its own, so two threads never race for one version.
  local n = 0
  for line in io.lines(os.getenv("BENCH_VERSIONS")) do
    local id, version = line:match("^(%d+)%s+(%d+)")
    if id then
      n = n + 1
      if n % 2 == thread_id % 2 then
        table.insert(writable, id)
        versions[id] = tonumber(version)
      end
    end
  end
  assert(#writable > 0, "no movies to update in BENCH_VERSIONS")
  math.randomseed(1100 + thread_id)
end

local function popular()
  local u, lo, hi = math.random(), 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < u then lo = mid + 1 else hi = mid end
  end
  return lo
end

function init(args)
  started = os.time()
  local source = args[1] or ""
  wrk.headers["Content-Type"] = "application/json"
  if token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  wrk.method = "POST"
  if source == "create-movie" then
    mode = "create"
  elseif source:sub(1, 8) == "traffic=" then
    mode = "traffic"
    load_traffic(source:sub(9))
  elseif source ~= "" then
    local file = assert(io.open(source, "r"))
    wrk.body = file:read("*a")
    file:close()
    wrk.method = args[2] or "POST"
  end
end

local function create_body()
  counter = counter + 1
  local title = string.format("Bench %s-%d-%d", run_id, thread_id, counter)
  return string.format(
    '{"query":"%s","variables":{"i":{"title":"%s","releaseDate":"2020-%02d-%02d","rating":%d,'
      .. '"runtimeMinutes":%d,"genres":[{"name":"Drama"},{"name":"Comedy"}],"directors":[{"name":"%s"}]}}}',
    create_query, title, 1 + counter % 12, 1 + counter % 28, counter % 101, 80 + counter % 60,
    directors[1 + counter % #directors])
end

local function update_body()
  counter = counter + 1
  local id = writable[math.random(#writable)]
  return string.format('{"query":"%s","variables":{"id":"%s","v":%d,"i":{"rating":%d}}}',
    update_query, id, versions[id], counter % 101)
end

function request()
  if mode == "body" then
    return wrk.format()
  elseif mode == "create" then
    return wrk.format("POST", nil, nil, create_body())
  end
  if math.random() < write_share then
    local body = math.random() < 0.5 and create_body() or update_body()
    return wrk.format("POST", nil, editor_headers, body)
  end
  local k = popular()
  return wrk.format("POST", nil, editor[k] and editor_headers or anonymous_headers, bodies[k])
end

function response(status, headers, body)
  local second = os.time()
  per_second[second] = (per_second[second] or 0) + 1
  if status < 200 or status > 299 then
    non_2xx_per_second[second] = (non_2xx_per_second[second] or 0) + 1
  end
  if status ~= 200 or not body then
    return
  end
  local created = body:match('"createMovie":{"movie":{"id":"(%d+)"')
  if created then table.insert(created_ids, created) end
  if string.find(body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
    errors_per_second[second] = (errors_per_second[second] or 0) + 1
    error_sample = error_sample or body:sub(1, 400)
  elseif mode == "traffic" and string.find(body, '"updateMovie"', 1, true) then
    -- The ids asked for as databaseId: the numbers BENCH_VERSIONS lists (id is the global one).
    local id, version = body:match('"movie":{"id":(%d+),"version":(%d+)}')
    if not id then
      id, version = body:match('"current":{"id":(%d+),"version":(%d+)}')
      if string.find(body, '"code":"CONFLICT"', 1, true) then
        conflicts = conflicts + 1
      else
        user_errors = user_errors + 1
        errors_per_second[second] = (errors_per_second[second] or 0) + 1
        error_sample = error_sample or body:sub(1, 400)
      end
    end
    if id and versions[id] then versions[id] = tonumber(version) end
  elseif mode ~= "body" and string.find(body, '"userErrors":[{', 1, true) then
    user_errors = user_errors + 1
    errors_per_second[second] = (errors_per_second[second] or 0) + 1
    error_sample = error_sample or body:sub(1, 400)
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local sample = thread:get("error_sample")
    if sample then
      io.write("BENCH_ERROR_SAMPLE ", (sample:gsub("[\r\n]", " ")), "\n")
      break
    end
  end
  local errors_in_body, bad_writes, conflicted, seconds, erred, non_2xx = 0, 0, 0, {}, {}, {}
  local ids_file = os.getenv("BENCH_CREATED_IDS")
  local ids = ids_file and ids_file ~= "" and assert(io.open(ids_file, "w"))
  for _, thread in ipairs(threads) do
    errors_in_body = errors_in_body + (thread:get("graphql_errors") or 0)
    bad_writes = bad_writes + (thread:get("user_errors") or 0)
    conflicted = conflicted + (thread:get("conflicts") or 0)
    for second, n in pairs(thread:get("per_second") or {}) do
      seconds[second] = (seconds[second] or 0) + n
    end
    for second, n in pairs(thread:get("errors_per_second") or {}) do erred[second] = (erred[second] or 0) + n end
    for second, n in pairs(thread:get("non_2xx_per_second") or {}) do non_2xx[second] = (non_2xx[second] or 0) + n end
    if ids then
      for _, id in ipairs(thread:get("created_ids") or {}) do ids:write(id, "\n") end
    end
  end
  if ids then ids:close() end
  -- From the second the load began, so seconds in which nothing completed (a cold start) count as 0.
  local first, last = nil, nil
  for _, thread in ipairs(threads) do
    local began = thread:get("started")
    if began and (not first or began < first) then first = began end
  end
  for second in pairs(seconds) do
    if not first or second < first then first = second end
    if not last or second > last then last = second end
  end
  local series, error_series, non_2xx_series = {}, {}, {}
  if first and last then
    for second = first, last do
      table.insert(series, tostring(seconds[second] or 0))
      table.insert(error_series, tostring(erred[second] or 0))
      table.insert(non_2xx_series, tostring(non_2xx[second] or 0))
    end
  end
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,'
      .. '"write_errors":%d,"non_2xx":%d,"timeouts":%d,"graphql_errors":%d,"user_errors":%d,"conflicts":%d,'
      .. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,"first_second":%d,"per_second":[%s],'
      .. '"errors_per_second":[%s],"non_2xx_per_second":[%s]}\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout, errors_in_body, bad_writes, conflicted,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    first or 0, table.concat(series, ","), table.concat(error_series, ","), table.concat(non_2xx_series, ",")))
end
