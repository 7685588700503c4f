-- The audit log's date range (auditLog(since, until)): without it, a week long ago is found by reading history
-- backwards from the newest entry, and imports write an entry per movie (millions in the benchmark's database).
CREATE INDEX audit_entry_at_idx ON audit_entry (at, id);
