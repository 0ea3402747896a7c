package auth_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	"github.com/govscore/govscore/auth"
	"github.com/govscore/govscore/testutil"
)

// real are the parameters govscore hashes with; tests hash many passwords with cheap ones.
var real = *auth.Params

func init() {
	auth.Params = &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newStore(t *testing.T) (*auth.Store, *clock) {
	db, _ := testutil.DB(t)
	if _, err := db.Exec(`INSERT INTO depts VALUES ('JXW', '经济和信息化局', '市级部门', NULL, NULL, now())`); err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2014, 12, 1, 9, 0, 0, 0, time.UTC)}
	return auth.New(db, c.now), c
}

var office = auth.Actor{Name: "admin", Addr: "cli"}

func TestAddLoginToken(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	u, cred, err := s.Add(ctx, "jxw", govscore.RoleDepartment, "JXW", office)
	if err != nil {
		t.Fatal(err)
	}
	if len(cred.Password) < 16 || !strings.HasPrefix(cred.Token, "gs_") || !u.MustChange {
		t.Fatalf("credentials %+v, user %+v", cred, u)
	}
	got, err := s.Login(ctx, "jxw", cred.Password, "127.0.0.1:5000")
	if err != nil || got.Dept != "JXW" || got.Role != govscore.RoleDepartment {
		t.Fatalf("login: %+v, %v", got, err)
	}
	if _, err := s.Login(ctx, "jxw", cred.Password+"x", "127.0.0.1:5000"); govscore.ErrorCode(err) != govscore.EUNAUTHORIZED {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := s.Login(ctx, "nobody", "whatever", "127.0.0.1:5000"); err == nil || err.Error() != auth.ErrBadLogin.Error() {
		t.Errorf("unknown user: %v, want the same message as a wrong password", err)
	}
	byTok, err := s.Token(ctx, cred.Token)
	if err != nil || byTok.Name != "jxw" {
		t.Errorf("token: %+v, %v", byTok, err)
	}
	for _, bad := range []string{"", "gs_", cred.Token + "x", "Bearer " + cred.Token, "' OR 1=1 --"} {
		if _, err := s.Token(ctx, bad); govscore.ErrorCode(err) != govscore.EUNAUTHORIZED {
			t.Errorf("token %q: %v", bad, err)
		}
	}
}

func TestAddRefuses(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	if _, _, err := s.Add(ctx, "office", govscore.RoleAdmin, "", office); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, role, dept, code string }{
		{"office", govscore.RoleAdmin, "", govscore.ECONFLICT},
		{"x", "root", "", govscore.EINVALID},
		{"x", govscore.RoleDepartment, "", govscore.EINVALID},
		{"x", govscore.RoleDepartment, "NOPE", govscore.ENOTFOUND},
		{"x", govscore.RoleAdmin, "JXW", govscore.EINVALID},
		{"bad name", govscore.RoleAdmin, "", govscore.EINVALID},
		{"<script>", govscore.RoleAdmin, "", govscore.EINVALID},
		{"", govscore.RoleAdmin, "", govscore.EINVALID},
	}
	for _, c := range cases {
		if _, _, err := s.Add(ctx, c.name, c.role, c.dept, office); govscore.ErrorCode(err) != c.code {
			t.Errorf("add %q %s %q: %v, want %s", c.name, c.role, c.dept, err, c.code)
		}
	}
}

// TestSecretsNeverStored: neither a password nor a token appears in any table.
func TestSecretsNeverStored(t *testing.T) {
	db, _ := testutil.DB(t)
	s := auth.New(db, nil)
	ctx := context.Background()
	_, cred, err := s.Add(ctx, "office", govscore.RoleAdmin, "", office)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, "office", cred.Password, "10.0.0.1:1"); err != nil {
		t.Fatal(err)
	}
	dump := testutil.Dump(t, db)
	for _, secret := range []string{cred.Password, cred.Token, strings.TrimPrefix(cred.Token, "gs_")} {
		if strings.Contains(dump, secret) {
			t.Errorf("a secret is stored in the database")
		}
	}
	if !strings.Contains(dump, "$argon2id$") {
		t.Errorf("no argon2id hash stored")
	}
}

func TestLimiter(t *testing.T) {
	s, c := newStore(t)
	ctx := context.Background()
	_, cred, err := s.Add(ctx, "jxw", govscore.RoleDepartment, "JXW", office)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if _, err := s.Login(ctx, "jxw", "wrong", "10.0.0.1:1"); govscore.ErrorCode(err) != govscore.EUNAUTHORIZED {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
	}
	// the right password is refused too while the name is locked, from any address
	if _, err := s.Login(ctx, "jxw", cred.Password, "10.0.0.2:1"); err != auth.ErrTooMany {
		t.Fatalf("sixth attempt: %v, want too many", err)
	}
	c.t = c.t.Add(16 * time.Minute)
	if _, err := s.Login(ctx, "jxw", cred.Password, "10.0.0.1:1"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
	// one address guessing many names is stopped after 20 failures
	for i := 0; i < 20; i++ {
		s.Login(ctx, fmt.Sprintf("u%d", i), "x", "10.9.9.9:1234")
	}
	if _, err := s.Login(ctx, "jxw", cred.Password, "10.9.9.9:999"); err != auth.ErrTooMany {
		t.Fatalf("address over its limit: %v", err)
	}
	n := testutil.Count(t, s.DB(), `SELECT count(*) FROM audit WHERE action = 'login.fail'`)
	if n != 25 {
		t.Errorf("audited failures = %d, want 25", n)
	}
}

func TestResetDisableChange(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	_, old, err := s.Add(ctx, "jxw", govscore.RoleDepartment, "JXW", office)
	if err != nil {
		t.Fatal(err)
	}
	cred, err := s.Reset(ctx, "jxw", office)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Token(ctx, old.Token); err == nil {
		t.Errorf("the old token still works after a reset")
	}
	if _, err := s.Login(ctx, "jxw", old.Password, "1.1.1.1:1"); err == nil {
		t.Errorf("the old password still works after a reset")
	}
	if err := s.ChangePassword(ctx, "jxw", cred.Password, "short", office); govscore.ErrorCode(err) != govscore.EINVALID {
		t.Errorf("short password: %v", err)
	}
	if err := s.ChangePassword(ctx, "jxw", cred.Password, "a much longer secret", office); err != nil {
		t.Fatal(err)
	}
	u, err := s.Login(ctx, "jxw", "a much longer secret", "1.1.1.1:1")
	if err != nil || u.MustChange {
		t.Fatalf("after change: %+v, %v", u, err)
	}
	if err := s.Disable(ctx, "jxw", office); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, "jxw", "a much longer secret", "1.1.1.1:1"); err == nil {
		t.Errorf("a disabled user logged in")
	}
	if _, err := s.Token(ctx, cred.Token); err == nil {
		t.Errorf("a disabled user's token works")
	}
	list, err := s.List(ctx)
	if err != nil || len(list) != 1 || !list[0].Disabled || list[0].Tokens != 0 {
		t.Errorf("list: %+v, %v", list, err)
	}
	actions, _ := audit.List(ctx, s.DB(), audit.Filter{Action: "user"})
	if len(actions) != 4 {
		t.Errorf("user audit entries: %+v", actions)
	}
}

// TestParams: real hashes use argon2id with at least OWASP's minimum (19 MiB and 2 passes, or
// 46 MiB and 1), and a real hash verifies.
func TestParams(t *testing.T) {
	if !(real.Memory >= 19*1024 && real.Iterations >= 2 || real.Memory >= 46*1024) || real.SaltLength < 16 {
		t.Errorf("argon2id parameters %+v are below OWASP's minimum", real)
	}
	hash, err := argon2id.CreateHash("correct horse", &real)
	if err != nil || !strings.HasPrefix(hash, "$argon2id$v=19$m=65536,t=2,p=2$") {
		t.Fatalf("hash %q, %v", hash, err)
	}
	if ok, err := argon2id.ComparePasswordAndHash("correct horse", hash); !ok || err != nil {
		t.Errorf("a real hash does not verify: %v", err)
	}
}
