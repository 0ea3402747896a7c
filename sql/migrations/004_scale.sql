-- Scale: what a score run needs to render reasons later, so that a run over hundreds of
-- thousands of department-months can skip formatting reason text it may never show.

-- The files of every rule set a run used (ruleset.yaml and each rule), by the rule set's hash:
-- explain re-runs the rules of the run that wrote a line to render its reason on demand.
CREATE TABLE rule_files (
    ruleset_hash VARCHAR NOT NULL,
    file         VARCHAR NOT NULL,
    body         VARCHAR NOT NULL,
    PRIMARY KEY (ruleset_hash, file)
);
