-- History relayed from another system (a CSV change log, Jira Service Management, ServiceNow) keeps
-- that system's time and names in at / by_user; these columns say that it was relayed, from where,
-- by which driftproof user and when (server clock). First-hand entries leave them null.
ALTER TABLE change_history ADD COLUMN imported_from VARCHAR(16);
ALTER TABLE change_history ADD COLUMN imported_by VARCHAR(128);
ALTER TABLE change_history ADD COLUMN imported_at TIMESTAMP WITH TIME ZONE;
