package auth

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"

	"github.com/alexedwards/argon2id"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	sqlfs "github.com/govscore/govscore/sql"
)

// ErrBadLogin is a failed log-in: the same message whether the name or the password was wrong,
// so that a guesser learns nothing about which names exist.
var ErrBadLogin = govscore.Errorf(govscore.EUNAUTHORIZED, "用户名或密码错误", "wrong user name or password")

// ErrTooMany is a log-in refused because of too many recent failures for the name or address.
var ErrTooMany = govscore.Errorf(govscore.EFORBIDDEN, "失败次数过多,请稍后再试", "too many failed attempts; try again later")

// dummyHash is compared against when the name is unknown, so that an unknown name costs as much
// time as a wrong password. It is made on first use, with the parameters of that time.
var dummyHash = sync.OnceValue(func() string {
	h, _ := argon2id.CreateHash("govscore-no-such-user", Params)
	return h
})

// Login checks a name and password from addr, within the attempt limits, and audits the
// attempt (a failure too, with the name tried).
func (s *Store) Login(ctx context.Context, name, password, addr string) (govscore.User, error) {
	if !s.Limiter.Allow(name, addr) {
		s.auditLogin(ctx, "login.limited", name, addr)
		return govscore.User{}, ErrTooMany
	}
	u, hash, err := s.byName(ctx, s.db, name)
	if err != nil && govscore.ErrorCode(err) != govscore.ENOTFOUND {
		return u, err
	}
	if hash == "" {
		hash = dummyHash()
	}
	ok, cerr := argon2id.ComparePasswordAndHash(password, hash)
	if err != nil || cerr != nil || !ok || u.Disabled {
		s.Limiter.Fail(name, addr)
		s.auditLogin(ctx, "login.fail", name, addr)
		return govscore.User{}, ErrBadLogin
	}
	s.Limiter.Succeed(name)
	s.auditLogin(ctx, "login", name, addr)
	return u, nil
}

// auditLogin records a log-in attempt; a failure to record it is not the user's problem.
func (s *Store) auditLogin(ctx context.Context, action, name, addr string) {
	audit.Write(ctx, s.db, audit.Entry{At: s.now(), Actor: name, Action: action, Subject: name, Addr: addr, Detail: action})
}

// Token is the user an API token belongs to; EUNAUTHORIZED for an unknown, revoked or
// disabled user's token.
func (s *Store) Token(ctx context.Context, token string) (govscore.User, error) {
	if !strings.HasPrefix(token, "gs_") {
		return govscore.User{}, errBadToken
	}
	u, _, err := scanUser(s.db.QueryRowContext(ctx, sqlfs.Query("userByToken"), tokenHash(token)))
	if errors.Is(err, sql.ErrNoRows) {
		return govscore.User{}, errBadToken
	}
	return u, err
}

var errBadToken = govscore.Errorf(govscore.EUNAUTHORIZED, "令牌无效或已撤销", "the token is unknown or revoked")

// ByName is the user called name (ENOTFOUND when none), without its password hash.
func (s *Store) ByName(ctx context.Context, name string) (govscore.User, error) {
	u, _, err := s.byName(ctx, s.db, name)
	return u, err
}
