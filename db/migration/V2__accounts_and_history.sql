-- Editors' accounts, their sessions, and the history of every write.

CREATE TABLE app_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text        NOT NULL,
    -- Argon2id, PHC string format; never the password itself.
    password_hash text        NOT NULL,
    role          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_role_known CHECK (role IN ('admin', 'editor')),
    CONSTRAINT app_user_username_shape CHECK (username ~ '^[A-Za-z0-9_.@+-]{1,150}$')
);
CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));

-- Bearer tokens are random; only their SHA-256 is stored, so a copy of this table opens no session.
CREATE TABLE user_session (
    token_hash bytea       PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Who changed what, when, field by field. No foreign key to the changed row: history outlives deletes.
CREATE TABLE audit_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    user_id     bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    username    text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   bigint      NOT NULL,
    -- The entity's name at the time, so a deleted movie's history still says which movie it was.
    entity_label text       NOT NULL,
    -- {"field": {"before": ..., "after": ...}, ...}
    changes     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT audit_entry_action_known CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
    CONSTRAINT audit_entry_entity_known CHECK (entity_type IN ('movie', 'genre', 'person', 'user'))
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id);
CREATE INDEX audit_entry_user_idx ON audit_entry (user_id, id);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, id);
