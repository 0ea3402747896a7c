package govscore

import "time"

// The roles a user may have: the office sees and changes everything; a department sees its own
// scores and its group's ranking, and submits its own data and appeals.
const (
	RoleAdmin      = "admin"
	RoleDepartment = "department"
)

// User is someone who logs in to the server or calls its API.
type User struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Role       string    `json:"role"`
	Dept       string    `json:"dept_code,omitempty"` // a department user's department
	MustChange bool      `json:"must_change"`         // the password was issued by someone else
	Disabled   bool      `json:"disabled"`
	CreatedAt  time.Time `json:"created_at"`
	Tokens     int       `json:"tokens"` // live API tokens (listing only)
}

// IsAdmin reports whether u is the office.
func (u *User) IsAdmin() bool { return u != nil && u.Role == RoleAdmin && !u.Disabled }

// CanSee reports whether u may see the score lines, data and appeals of department dept.
func (u *User) CanSee(dept string) bool {
	if u == nil || u.Disabled {
		return false
	}
	return u.Role == RoleAdmin || u.Dept == dept
}
