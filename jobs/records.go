package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Record is one row of job_runs.
type Record struct {
	ID       int64      `json:"id"`
	Job      string     `json:"job"`
	Cause    string     `json:"cause"`
	Status   string     `json:"status"`
	Started  time.Time  `json:"started"`
	Finished *time.Time `json:"finished"`
	Files    int        `json:"files"`
	Rows     int        `json:"rows"`
	Error    string     `json:"error"`
	Detail   string     `json:"detail"`
}

// Recent lists the newest limit runs, of one job or (job empty) of all; idle runs (nothing to
// do) only when idle is true.
func Recent(ctx context.Context, db *sql.DB, limit int, job string, idle bool) ([]Record, error) {
	var j any
	if job != "" {
		j = job
	}
	rows, err := db.QueryContext(ctx, query("jobRuns"), limit, j, idle)
	if err != nil {
		return nil, fmt.Errorf("job runs: %w", err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		var r Record
		var fin sql.NullTime
		if err := rows.Scan(&r.ID, &r.Job, &r.Cause, &r.Status, &r.Started, &fin, &r.Files, &r.Rows, &r.Error, &r.Detail); err != nil {
			return nil, err
		}
		if fin.Valid {
			r.Finished = &fin.Time
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Missing is a department on the reminder list: it had not submitted the period by the due day.
type Missing struct {
	Period   string `json:"period"`
	DeptCode string `json:"dept_code"`
	DeptName string `json:"dept_name"`
	Group    string `json:"group"`
	DueDay   int    `json:"due_day"`
}

// Reminders lists the newest reminder list, by group and code.
func Reminders(ctx context.Context, db *sql.DB) ([]Missing, error) {
	rows, err := db.QueryContext(ctx, query("jobReminders"))
	if err != nil {
		return nil, fmt.Errorf("reminders: %w", err)
	}
	defer rows.Close()
	var out []Missing
	for rows.Next() {
		var m Missing
		if err := rows.Scan(&m.Period, &m.DeptCode, &m.DeptName, &m.Group, &m.DueDay); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
