-- The orders UPDATED_AT, CREATED_AT and RUNTIME (issue 14). Without these a page sorts every matching movie
-- (KeysetPlanTest). Each ends with the id, as the other order indexes do, so a keyset page reads only its own
-- rows in either direction; RUNTIME sorts unknown runtimes as 0, exactly as MovieOrder's expression does.
CREATE INDEX movie_updated_at_order_idx ON movie (updated_at, id);
CREATE INDEX movie_created_at_order_idx ON movie (created_at, id);
CREATE INDEX movie_runtime_order_idx ON movie ((coalesce(runtime_minutes, 0)), id);
