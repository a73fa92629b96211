-- gsv-trainer schema, PostgreSQL flavour (see ../sqlite for the same schema on PostgreSQL).
CREATE TABLE api_key (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    key_hash    TEXT NOT NULL UNIQUE,
    prefix      TEXT NOT NULL,
    scope       TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);

CREATE TABLE task (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    owner_key     TEXT,
    config        TEXT NOT NULL,
    plan          TEXT,
    review_state  TEXT NOT NULL DEFAULT 'none',
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ix_task_owner ON task (owner_key, created_at);

CREATE TABLE step_run (
    id                TEXT PRIMARY KEY,
    task_id           TEXT NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    step              TEXT NOT NULL,
    attempt           BIGINT NOT NULL,
    params            TEXT NOT NULL,
    force             BIGINT NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,
    progress          DOUBLE PRECISION NOT NULL DEFAULT 0,
    detail            TEXT NOT NULL DEFAULT '{}',
    created_at        BIGINT NOT NULL,
    started_at        BIGINT,
    finished_at       BIGINT,
    exit_code         BIGINT,
    error_code        TEXT,
    error_message     TEXT,
    resources         TEXT NOT NULL DEFAULT '{}',
    pid               BIGINT,
    pid_started_at    BIGINT,
    heartbeat_at      BIGINT,
    log_path          TEXT,
    log_offset        BIGINT NOT NULL DEFAULT 0,
    cancel_requested  BIGINT NOT NULL DEFAULT 0,
    outdated          BIGINT NOT NULL DEFAULT 0,
    version           BIGINT NOT NULL DEFAULT 0,
    UNIQUE (task_id, step, attempt)
);
CREATE INDEX ix_run_status ON step_run (status, created_at);
CREATE INDEX ix_run_task ON step_run (task_id, created_at);
-- At most one queued or running run per task and step: the second of two racing requests fails here.
CREATE UNIQUE INDEX ux_run_active ON step_run (task_id, step) WHERE status IN ('queued', 'running');

CREATE TABLE event (
    id       BIGSERIAL PRIMARY KEY,
    task_id  TEXT NOT NULL,
    run_id   TEXT,
    at       BIGINT NOT NULL,
    level    TEXT NOT NULL,
    type     TEXT NOT NULL,
    data     TEXT NOT NULL
);
CREATE INDEX ix_event_task ON event (task_id, id);

CREATE TABLE artifact (
    id          TEXT PRIMARY KEY,
    task_id     TEXT NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    run_id      TEXT,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    path        TEXT NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT NOT NULL,
    metadata    TEXT NOT NULL DEFAULT '{}',
    created_at  BIGINT NOT NULL,
    UNIQUE (task_id, path)
);
CREATE INDEX ix_artifact_task ON artifact (task_id, kind);

CREATE TABLE scheduler_lease (
    name        TEXT PRIMARY KEY,
    holder      TEXT,
    expires_at  BIGINT NOT NULL
);
INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ('local', NULL, 0);
