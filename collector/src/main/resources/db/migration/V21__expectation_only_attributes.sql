-- An expectation may match only changes confined to some attributes (e.g. an ignore rule for
-- owner-only changes under a path): comma-separated attribute names; null matches any change.
ALTER TABLE change_expectation ADD COLUMN only_attributes VARCHAR(255);
