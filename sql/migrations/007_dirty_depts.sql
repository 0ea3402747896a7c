-- Department-periods whose inputs changed since they were last scored (a corrected row, an
-- office adjustment), when they are few: a rule set whose departments are scored independently
-- (ruleset.yaml per_department: true) then re-scores those departments alone, and only the
-- ranks and year-to-date figures of everyone else. dirty_periods still marks whole periods.
CREATE TABLE dirty_depts (
    dept_code VARCHAR NOT NULL,
    period    VARCHAR NOT NULL,
    PRIMARY KEY (dept_code, period)
);
