-- Which respondent was invited to which round by e-mail, with which one-time link. One row per (round, user): pressing
-- "send invitations" twice cannot invite twice, because the second insert meets the primary key. A re-send swaps
-- token_id by compare-and-set, so of two concurrent re-sends exactly one wins; the old token is revoked.
CREATE TABLE round_invitations (
    round_id    nvarchar(64) NOT NULL REFERENCES rounds (id),
    user_id     nvarchar(64) NOT NULL REFERENCES users (id),
    token_id    nvarchar(64) NOT NULL REFERENCES access_tokens (id),
    mail_id     nvarchar(64) NOT NULL,
    sends       int          NOT NULL,
    created_at  datetime2(7) NOT NULL,
    updated_at  datetime2(7) NOT NULL,
    PRIMARY KEY (round_id, user_id)
);
