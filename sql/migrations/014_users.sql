-- Users of the server: the office (admin) and departments (each bound to its department code).
-- Passwords are kept only as argon2id hashes, API tokens only as SHA-256 hashes.
CREATE SEQUENCE user_ids START 1;
CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    name          VARCHAR NOT NULL UNIQUE,
    role          VARCHAR NOT NULL CHECK (role IN ('admin', 'department')),
    dept_code     VARCHAR,                 -- the department a department user speaks for
    password_hash VARCHAR NOT NULL,        -- argon2id, with its salt and parameters
    must_change   BOOLEAN NOT NULL,        -- the password was issued by someone else: change it at log-in
    disabled_at   TIMESTAMP,
    created_at    TIMESTAMP NOT NULL,
    created_by    VARCHAR NOT NULL,
    CHECK ((role = 'department') = (dept_code IS NOT NULL))
);

-- API tokens: `Authorization: Bearer TOKEN` authenticates as the token's user. A reset revokes
-- the old token.
CREATE TABLE tokens (
    hash        VARCHAR PRIMARY KEY,       -- hex SHA-256 of the token; the token itself is never stored
    user_id     BIGINT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    revoked_at  TIMESTAMP
);
