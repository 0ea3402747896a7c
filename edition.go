package govscore

import (
	"time"

	"github.com/govscore/govscore/locale"
)

// Edition is a published ranking of one period: which one it is (numbered 1, 2, … per period
// and scope), who published it and when, and the rule set that scored it. What it published —
// the rows, the score lines, the data versions and adjustments used — is kept with it, so it
// reads the same whatever changes later.
type Edition struct {
	Period         string        `json:"month"`
	Scope          string        `json:"scope"` // the group published; "" = every group
	Number         int           `json:"edition"`
	PublishedAt    time.Time     `json:"published_at"`
	Author         string        `json:"author"`
	Note           string        `json:"note"`
	RuleSet        string        `json:"ruleset"`
	RuleSetVersion string        `json:"ruleset_version"`
	RuleSetHash    string        `json:"ruleset_hash"`
	Groups         []string      `json:"groups"`       // the groups it ranks
	Depts          int           `json:"depts"`        // how many departments it lists
	GradeLadder    []locale.Text `json:"grade_ladder"` // the rule set's grades then, best first
}

// Adjustment is a manual bonus (points > 0) or deduction (< 0) by the office for one
// department-period. A withdrawn adjustment stays on record, marked, and no longer counts.
type Adjustment struct {
	ID             int64      `json:"id"`
	DeptCode       string     `json:"dept_code"`
	Period         string     `json:"month"`
	Points         float64    `json:"points"`
	Reason         string     `json:"reason"`
	Author         string     `json:"author"`
	CreatedAt      time.Time  `json:"created_at"`
	WithdrawnAt    *time.Time `json:"withdrawn_at"`
	WithdrawnBy    string     `json:"withdrawn_by"`
	WithdrawReason string     `json:"withdraw_reason"`
}

// Active says the adjustment counts (it has not been withdrawn).
func (a Adjustment) Active() bool { return a.WithdrawnAt == nil }

// Registration is a department's entry in the registry: name, group and the months it is
// scored in (YYYY-MM; "" = open).
type Registration struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Group string `json:"group"`
	From  string `json:"active_from"`
	To    string `json:"active_to"`
}

// RegistryChange is what a department list does to one department: its entry before (nil for a
// new department) and after.
type RegistryChange struct {
	Before *Registration `json:"before"`
	After  Registration  `json:"after"`
}
