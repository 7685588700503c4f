-- Trigram searches read their GIN index's pending list in full on every search. With fastupdate (PostgreSQL's
-- default) each write adds its entries to that list until a vacuum or 4 MB of writes flush it, so after a burst
-- of creates (W5, W6's writes) a rare word cost 1-5 ms instead of 0.1 ms at 1,000,000 movies (bench/README.md,
-- "Search plans at 1,000,000 movies"). Without it a write puts its ~20 trigrams straight into the index's trees:
-- 5,000 single-row inserts took 2.35 s against 2.69 s with the list (commits dominate).
--
-- Changing the option takes a SHARE UPDATE EXCLUSIVE lock (reads and writes go on) and rewrites nothing; the
-- entries already pending are moved into the trees by gin_clean_pending_list.
ALTER INDEX movie_title_genres_idx SET (fastupdate = off);
ALTER INDEX person_name_trgm_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('movie_title_genres_idx'::regclass);
SELECT gin_clean_pending_list('person_name_trgm_idx'::regclass);
