package auth

import (
	"context"
	"database/sql"
	"errors"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"

	"github.com/govscore/govscore"
	"github.com/govscore/govscore/audit"
	sqlfs "github.com/govscore/govscore/sql"
)

// row scans a user and its password hash.
func scanUser(row interface{ Scan(...any) error }) (govscore.User, string, error) {
	var u govscore.User
	var hash string
	err := row.Scan(&u.ID, &u.Name, &u.Role, &u.Dept, &hash, &u.MustChange, &u.Disabled, &u.CreatedAt)
	return u, hash, err
}

// byName is the user called name and its password hash; ENOTFOUND when there is none.
func (s *Store) byName(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, name string) (govscore.User, string, error) {
	u, hash, err := scanUser(q.QueryRowContext(ctx, sqlfs.Query("userByName"), name))
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", govscore.Errorf(govscore.ENOTFOUND, "没有用户“%s”", "no user %q", name)
	}
	return u, hash, err
}

// List is every user, the office first.
func (s *Store) List(ctx context.Context) ([]govscore.User, error) {
	rows, err := s.db.QueryContext(ctx, sqlfs.Query("userList"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []govscore.User
	for rows.Next() {
		var u govscore.User
		if err := rows.Scan(&u.ID, &u.Name, &u.Role, &u.Dept, &u.MustChange, &u.Disabled, &u.CreatedAt, &u.Tokens); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Reset gives a user a new one-time password and a new API token; the old token stops working.
func (s *Store) Reset(ctx context.Context, name string, by Actor) (Credentials, error) {
	cred, hash, err := newCredentials()
	if err != nil {
		return Credentials{}, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		u, _, err := s.byName(ctx, tx, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlfs.Query("userSetPassword"), hash, true, u.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlfs.Query("tokenRevokeAll"), s.now().UTC(), u.ID); err != nil {
			return err
		}
		if err := s.addToken(ctx, tx, u.ID, cred.Token); err != nil {
			return err
		}
		return s.audit(ctx, tx, by, "user.reset", name, "", "")
	})
	return cred, err
}

// Disable stops a user from logging in or using its tokens; the record stays.
func (s *Store) Disable(ctx context.Context, name string, by Actor) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		u, _, err := s.byName(ctx, tx, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlfs.Query("userDisable"), s.now().UTC(), u.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlfs.Query("tokenRevokeAll"), s.now().UTC(), u.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, by, "user.disable", name, audit.JSON(u), "")
	})
}

// MinPassword is the shortest password a user may choose.
const MinPassword = 10

// ChangePassword sets a user's own new password after checking the current one.
func (s *Store) ChangePassword(ctx context.Context, name, current, next string, by Actor) error {
	if utf8.RuneCountInString(next) < MinPassword {
		return govscore.Errorf(govscore.EINVALID, "新密码至少 %d 个字符", "the new password needs at least %d characters", MinPassword)
	}
	if next == current {
		return govscore.Errorf(govscore.EINVALID, "新密码不能与当前密码相同", "the new password must differ from the current one")
	}
	u, err := s.Login(ctx, name, current, by.Addr)
	if err != nil {
		return err
	}
	hash, err := argon2id.CreateHash(next, Params)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, sqlfs.Query("userSetPassword"), hash, false, u.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, by, "user.password", name, "", "")
	})
}
