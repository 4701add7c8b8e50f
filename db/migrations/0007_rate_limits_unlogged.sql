-- Rate-limit counters are written on nearly every public request (share links, sign-in, the
-- verify API) and are worthless after a crash: an unlogged table skips the write-ahead log for
-- them. PostgreSQL empties it after a crash, which only resets the counters.
ALTER TABLE "rate_limits" SET UNLOGGED;
