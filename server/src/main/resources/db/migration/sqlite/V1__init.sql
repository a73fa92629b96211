-- gsv-trainer schema, SQLite flavour (see ../postgresql for the same schema on PostgreSQL).
CREATE TABLE api_key (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    key_hash    TEXT NOT NULL UNIQUE,
    prefix      TEXT NOT NULL,
    scope       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);

CREATE TABLE task (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    owner_key     TEXT,
    config        TEXT NOT NULL,
    plan          TEXT,
    review_state  TEXT NOT NULL DEFAULT 'none',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_task_owner ON task (owner_key, created_at);

CREATE TABLE step_run (
    id                TEXT PRIMARY KEY,
    task_id           TEXT NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    step              TEXT NOT NULL,
    attempt           INTEGER NOT NULL,
    params            TEXT NOT NULL,
    force             INTEGER NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,
    progress          REAL NOT NULL DEFAULT 0,
    detail            TEXT NOT NULL DEFAULT '{}',
    created_at        INTEGER NOT NULL,
    started_at        INTEGER,
    finished_at       INTEGER,
    exit_code         INTEGER,
    error_code        TEXT,
    error_message     TEXT,
    resources         TEXT NOT NULL DEFAULT '{}',
    pid               INTEGER,
    pid_started_at    INTEGER,
    heartbeat_at      INTEGER,
    log_path          TEXT,
    log_offset        INTEGER NOT NULL DEFAULT 0,
    cancel_requested  INTEGER NOT NULL DEFAULT 0,
    outdated          INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (task_id, step, attempt)
);
CREATE INDEX ix_run_status ON step_run (status, created_at);
CREATE INDEX ix_run_task ON step_run (task_id, created_at);
-- At most one queued or running run per task and step: the second of two racing requests fails here.
CREATE UNIQUE INDEX ux_run_active ON step_run (task_id, step) WHERE status IN ('queued', 'running');

CREATE TABLE event (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id  TEXT NOT NULL,
    run_id   TEXT,
    at       INTEGER NOT NULL,
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
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    metadata    TEXT NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL,
    UNIQUE (task_id, path)
);
CREATE INDEX ix_artifact_task ON artifact (task_id, kind);

CREATE TABLE scheduler_lease (
    name        TEXT PRIMARY KEY,
    holder      TEXT,
    expires_at  INTEGER NOT NULL
);
INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ('local', NULL, 0);
