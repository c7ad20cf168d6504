-- Single sign-on is bound to the provider's account, not to an e-mail address: the first sign-in with a verified
-- e-mail links the user to the issuer and subject (iss + sub) it came with, and later sign-ins are matched by those
-- alone. So a changed e-mail at the provider does not move the account, and another provider (or another account at
-- the same provider) asserting the same e-mail gets nothing. One identity per user: user_id is the key.
CREATE TABLE user_identities (
    user_id    varchar(64)  NOT NULL PRIMARY KEY REFERENCES users (id),
    issuer     varchar(200) NOT NULL,
    subject    varchar(200) NOT NULL,
    linked_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX ux_user_identities_subject ON user_identities (issuer, subject);

-- A web session started by exchanging a personal access token names that token: revoking the token ends the session.
ALTER TABLE access_tokens ADD COLUMN parent_token_id varchar(64) NULL REFERENCES access_tokens (id);
