-- The sign-in throttle's tallies (auth/LoginThrottle), shared by every instance on this database, so that an
-- attacker who alternates between instances gets no more password checks than from one. A tally counts failed
-- sign-ins per username, per client address or per device (a username at an address); its key is the SHA-256 of
-- 'u:<username>', 'a:<address>' or 'd:<username>|<address>', so the table never holds a password someone typed
-- into the username field. Rows expire (expires_at) and each allowed attempt deletes a few expired ones.
CREATE TABLE sign_in_tally (
    tally          bytea       PRIMARY KEY,
    failures       integer     NOT NULL DEFAULT 0,
    -- Password checks under way; they lapse at checking_until, should the instance that reserved them die.
    checking       integer     NOT NULL DEFAULT 0,
    checking_until timestamptz,
    blocked_until  timestamptz,
    -- A device whose username signed in successfully from that address: others' failures do not block it.
    known_until    timestamptz,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX sign_in_tally_expiry_idx ON sign_in_tally (expires_at);

-- The tally of `key`, created if missing, locked for this transaction, and as it stands at `at`: an expired one
-- starts again from nothing, and checks reserved past their lease no longer count. Callers lock tallies in key
-- order, so two sign-ins never wait on each other's rows crosswise.
CREATE FUNCTION sign_in_tally_locked(key bytea, at timestamptz, keep interval) RETURNS sign_in_tally
LANGUAGE plpgsql AS $$
DECLARE
    t sign_in_tally;
BEGIN
    INSERT INTO sign_in_tally AS s (tally, expires_at) VALUES (key, at + keep)
    ON CONFLICT (tally) DO UPDATE SET expires_at = s.expires_at
    RETURNING s.* INTO t;
    IF t.expires_at <= at THEN
        t.failures := 0;
        t.checking := 0;
        t.checking_until := NULL;
        t.blocked_until := NULL;
        t.known_until := NULL;
    ELSIF t.checking_until <= at THEN
        t.checking := 0;
    END IF;
    RETURN t;
END $$;

-- Writes a tally back; it is kept `keep` after its last change (a known device at least as long as it is known).
CREATE FUNCTION sign_in_tally_store(t sign_in_tally, at timestamptz, keep interval) RETURNS void
LANGUAGE sql AS $$
    UPDATE sign_in_tally
       SET failures = t.failures, checking = t.checking, checking_until = t.checking_until,
           blocked_until = t.blocked_until, known_until = t.known_until,
           expires_at = greatest(at + keep, t.known_until)
     WHERE tally = t.tally;
$$;

-- Reserves one password check against the device's tally when the device is known, else against the username's
-- and the address's, all or none. Answers wait = 0 when reserved, else how long to wait (the longest any of the
-- tallies asks), and whether the device was known (which tallies the reservation holds).
CREATE FUNCTION sign_in_reserve(username_tally bytea, address_tally bytea, device_tally bytea,
                                username_free integer, address_free integer, at timestamptz,
                                busy interval, lease interval, keep interval,
                                OUT wait interval, OUT known_device boolean)
LANGUAGE plpgsql AS $$
DECLARE
    keys  bytea[];
    frees integer[];
    held  sign_in_tally[] := '{}';
    t     sign_in_tally;
    i     integer;
BEGIN
    wait := interval '0';
    SELECT coalesce(bool_or(known_until > at), false) INTO known_device
      FROM sign_in_tally WHERE tally = device_tally AND expires_at > at;
    IF known_device THEN
        keys := ARRAY[device_tally];
        frees := ARRAY[username_free];
    ELSE
        keys := ARRAY[username_tally, address_tally];
        frees := ARRAY[username_free, address_free];
    END IF;
    FOR i IN SELECT k.n FROM unnest(keys) WITH ORDINALITY AS k(key, n) ORDER BY k.key LOOP
        t := sign_in_tally_locked(keys[i], at, keep);
        IF t.blocked_until > at THEN
            wait := greatest(wait, t.blocked_until - at);
        -- Within the free failures, as many checks as failures are left; past them, one at a time.
        ELSIF NOT (t.failures + t.checking < frees[i] OR (t.failures >= frees[i] AND t.checking = 0)) THEN
            wait := greatest(wait, busy);
        END IF;
        held := held || t;
    END LOOP;
    IF wait > interval '0' THEN
        -- Refused: nothing is reserved, and a tally made just now for this attempt goes again.
        DELETE FROM sign_in_tally
         WHERE tally = ANY (keys) AND failures = 0 AND checking = 0 AND known_until IS NULL;
        RETURN;
    END IF;
    FOREACH t IN ARRAY held LOOP
        t.checking := t.checking + 1;
        t.checking_until := at + lease;
        PERFORM sign_in_tally_store(t, at, keep);
    END LOOP;
    -- The bounded clean-up: an attempt makes at most three tallies and forgets up to sixteen expired ones.
    DELETE FROM sign_in_tally
     WHERE tally IN (SELECT s.tally FROM sign_in_tally s WHERE s.expires_at < at
                      ORDER BY s.expires_at LIMIT 16 FOR UPDATE SKIP LOCKED);
END $$;

-- A failed check: counts against every tally in `keys` (username, address and device, whichever of them decided
-- the attempt), gives back the reservations it held (`reserved`), and past a tally's free failures makes it wait
-- first_wait, then twice as long after every further failure, at most longest_wait.
CREATE FUNCTION sign_in_failed(keys bytea[], frees integer[], reserved boolean[], at timestamptz,
                               first_wait interval, longest_wait interval, keep interval) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    t sign_in_tally;
    i integer;
BEGIN
    FOR i IN SELECT k.n FROM unnest(keys) WITH ORDINALITY AS k(key, n) ORDER BY k.key LOOP
        t := sign_in_tally_locked(keys[i], at, keep);
        IF reserved[i] THEN
            t.checking := greatest(0, t.checking - 1);
        END IF;
        t.failures := t.failures + 1;
        IF t.failures >= frees[i] THEN
            t.blocked_until := at + least(longest_wait, first_wait * power(2, least(t.failures - frees[i], 20)));
        END IF;
        PERFORM sign_in_tally_store(t, at, keep);
    END LOOP;
END $$;

-- A successful check: the username's tally is forgotten, the address's reservation given back (others' failures
-- from it still stand), and the device starts again from nothing, known for `known_for`.
CREATE FUNCTION sign_in_succeeded(username_tally bytea, address_tally bytea, device_tally bytea,
                                  known_device boolean, at timestamptz, known_for interval, keep interval)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    t   sign_in_tally;
    key bytea;
BEGIN
    FOR key IN SELECT k FROM unnest(CASE WHEN known_device THEN ARRAY[device_tally]
                                         ELSE ARRAY[username_tally, address_tally, device_tally] END) k ORDER BY k LOOP
        t := sign_in_tally_locked(key, at, keep);
        IF key = device_tally THEN
            t.failures := 0;
            t.checking := 0;
            t.checking_until := NULL;
            t.blocked_until := NULL;
            t.known_until := at + known_for;
            PERFORM sign_in_tally_store(t, at, keep);
        ELSIF key = username_tally THEN
            DELETE FROM sign_in_tally WHERE tally = key;
        ELSE
            t.checking := greatest(0, t.checking - 1);
            PERFORM sign_in_tally_store(t, at, keep);
        END IF;
    END LOOP;
END $$;

-- An attempt that ended neither way (the database failed, say): its reservations are given back.
CREATE FUNCTION sign_in_release(keys bytea[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM sign_in_tally WHERE tally = ANY (keys) ORDER BY tally FOR UPDATE;
    UPDATE sign_in_tally SET checking = greatest(0, checking - 1) WHERE tally = ANY (keys);
END $$;
