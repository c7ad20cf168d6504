-- The audit log page and its CSV export filter by action (the kind of event), newest first.
CREATE INDEX ix_audit_events_action ON audit_events (action, occurred_at);
