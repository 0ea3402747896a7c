// Package auth keeps govscore's users: the office and the departments, their passwords (argon2id
// hashes only), their API tokens (SHA-256 hashes only) and the limits on guessing either. It
// knows nothing of HTTP: the server asks it who a name and password, or a token, belong to.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/alexedwards/argon2id"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	sqlfs "github.com/govscore/govscore/sql"
)

// Params are the argon2id parameters of new password hashes: 64 MiB, 2 passes, 2 lanes — above
// OWASP's recommended minimum (46 MiB with 1 pass, or 19 MiB with 2). A hash keeps its own
// parameters, so raising these later leaves old hashes readable.
var Params = &argon2id.Params{Memory: 64 * 1024, Iterations: 2, Parallelism: 2, SaltLength: 16, KeyLength: 32}

// Store is the user list of one database.
type Store struct {
	db      *sql.DB
	now     func() time.Time
	Limiter *Limiter // log-in attempts per user and per address
}

// New is the user list of db; now is the clock (time.Now when nil).
func New(db *sql.DB, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{db: db, now: now, Limiter: NewLimiter(now)}
}

// Credentials are a user's new password and API token, shown once and never stored.
type Credentials struct {
	Password string
	Token    string
}

// Actor is who asks for a change, and from where, for the audit log.
type Actor struct {
	Name, Addr string
}

var nameRE = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$`)

// Add creates a user with a one-time password (to be changed at first log-in) and an API token.
func (s *Store) Add(ctx context.Context, name, role, dept string, by Actor) (govscore.User, Credentials, error) {
	if err := checkNew(name, role, dept); err != nil {
		return govscore.User{}, Credentials{}, err
	}
	if err := s.checkDept(ctx, role, dept); err != nil {
		return govscore.User{}, Credentials{}, err
	}
	cred, hash, err := newCredentials()
	if err != nil {
		return govscore.User{}, Credentials{}, err
	}
	u := govscore.User{Name: name, Role: role, Dept: dept, MustChange: true, CreatedAt: s.now().UTC()}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT nextval('user_ids')`).Scan(&u.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlfs.Query("userAdd"), u.ID, name, role, orNull(dept), hash, u.CreatedAt, by.Name); err != nil {
			return s.explainAdd(err, name)
		}
		if err := s.addToken(ctx, tx, u.ID, cred.Token); err != nil {
			return err
		}
		return s.audit(ctx, tx, by, "user.add", name, "", audit.JSON(u))
	})
	return u, cred, err
}

func checkNew(name, role, dept string) error {
	switch {
	case !nameRE.MatchString(name):
		return govscore.Errorf(govscore.EINVALID, "用户名“%s”无效:应为 1–64 个字母、数字或 . _ @ -,以字母或数字开头",
			"user name %q: expected 1–64 letters, digits or . _ @ -, starting with a letter or digit", name)
	case role != govscore.RoleAdmin && role != govscore.RoleDepartment:
		return govscore.Errorf(govscore.EINVALID, "角色“%s”无效:应为 admin 或 department", "role %q: expected admin or department", role)
	case role == govscore.RoleDepartment && dept == "":
		return govscore.Errorf(govscore.EINVALID, "部门用户须用 --dept 指定部门代码", "a department user needs its department: --dept CODE")
	case role == govscore.RoleAdmin && dept != "":
		return govscore.Errorf(govscore.EINVALID, "办公室(admin)用户不属于某个部门:请去掉 --dept", "an admin user belongs to no department: drop --dept")
	}
	return nil
}

// checkDept refuses a department user for a department the registry does not know.
func (s *Store) checkDept(ctx context.Context, role, dept string) error {
	if role != govscore.RoleDepartment {
		return nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM depts WHERE code = ?`, dept).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return govscore.Errorf(govscore.ENOTFOUND, "部门名单中没有代码为“%s”的部门", "no department with code %q in the department list", dept)
	}
	return nil
}

func (s *Store) explainAdd(err error, name string) error {
	if strings.Contains(err.Error(), "Duplicate key") || strings.Contains(err.Error(), "unique") {
		return govscore.Errorf(govscore.ECONFLICT, "用户“%s”已存在", "user %q already exists", name)
	}
	return err
}

// newCredentials makes a random password and token, and the password's hash.
func newCredentials() (Credentials, string, error) {
	pw, err := random(15) // 20 characters of base64url: about 120 bits
	if err != nil {
		return Credentials{}, "", err
	}
	tok, err := random(32)
	if err != nil {
		return Credentials{}, "", err
	}
	hash, err := argon2id.CreateHash(pw, Params)
	if err != nil {
		return Credentials{}, "", err
	}
	return Credentials{Password: pw, Token: "gs_" + tok}, hash, nil
}

func random(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// tokenHash is how a token is kept and looked up.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (s *Store) addToken(ctx context.Context, tx *sql.Tx, user int64, token string) error {
	_, err := tx.ExecContext(ctx, sqlfs.Query("tokenAdd"), tokenHash(token), user, s.now().UTC())
	return err
}

func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) audit(ctx context.Context, tx *sql.Tx, by Actor, action, subject, before, after string) error {
	return audit.Write(ctx, tx, audit.Entry{At: s.now(), Actor: by.Name, Action: action, Subject: subject, Addr: by.Addr,
		Before: before, After: after, Detail: fmt.Sprintf("%s %s", action, subject)})
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ErrUnknownUser is a name that belongs to no user.
var ErrUnknownUser = errors.New("unknown user")

// DB is the database the users are kept in.
func (s *Store) DB() *sql.DB { return s.db }
