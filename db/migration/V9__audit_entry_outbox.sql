-- History is the outbox of live updates (subscriptions): every write records its entries in its own transaction,
-- and subscribers read them in the order of their transactions. `xact` is the writing transaction's id; an entry is
-- delivered only once every transaction that began before it has ended (xact below the snapshot's xmin), so a
-- transaction still in flight is never overtaken, and (xact, id) is a position a resume can start after.
ALTER TABLE audit_entry ADD COLUMN xact xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX audit_entry_xact_idx ON audit_entry (xact, id);

-- The server instance that wrote the entry (its connections set mymoviedb.origin), so an instance does not
-- invalidate its result cache twice for its own writes; null for the import command and hand-written SQL.
ALTER TABLE audit_entry ADD COLUMN origin text DEFAULT current_setting('mymoviedb.origin', true);

-- A movie's version just after the write the entry records (null for deletes and for other entities), as the
-- movie's events report it. Filled here so that every path that writes history (the API, imports, merges, renames
-- of genres and people) reports it without knowing about it.
ALTER TABLE audit_entry ADD COLUMN entity_version integer;

CREATE FUNCTION audit_entry_entity_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.entity_type = 'movie' AND NEW.action <> 'DELETE' AND NEW.entity_version IS NULL THEN
        -- A movie created in the same statement (a data-modifying WITH) is not visible yet: it is at version 1.
        NEW.entity_version := coalesce((SELECT version FROM movie WHERE id = NEW.entity_id),
                                       CASE WHEN NEW.action = 'CREATE' THEN 1 END);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_entity_version BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_entity_version();
