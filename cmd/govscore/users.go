package main

import (
	"context"
	"fmt"

	"github.com/govscore/govscore/auth"
)

func init() {
	commands["users"] = command{"manage who may log in: users add|list|disable|reset", runUsers}
}

func runUsers(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "users", "add NAME --role admin|department [--dept CODE] | list | disable NAME | reset NAME",
		`Manages the users of govscore serve: the office (admin) sees and changes everything; a
department user sees its own department's scores, data, revisions and appeals and its group's
ranking, and uploads its own files. add and reset print a one-time password and an API token,
each on its own line (password: …, token: …): they are shown once and stored only as hashes.
The password must be changed at first log-in; the token goes in Authorization: Bearer TOKEN.`)
	role := fs.String("role", "", "admin or department (add)")
	dept := fs.String("dept", "", "the department's code (add, for --role department)")
	format := fs.String("format", "table", "table or json (list)")
	verb, name, rest := splitVerb(args)
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if name == "" && fs.NArg() > 0 {
		name = fs.Arg(0)
	}
	db, err := e.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	s := auth.New(db, nil)
	by := auth.Actor{Name: e.actor(), Addr: "cli"}
	switch {
	case verb == "add" && name != "":
		_, cred, err := s.Add(ctx, name, *role, *dept, by)
		return e.printCredentials(cred, err)
	case verb == "reset" && name != "":
		cred, err := s.Reset(ctx, name, by)
		return e.printCredentials(cred, err)
	case verb == "disable" && name != "":
		if err := s.Disable(ctx, name, by); err != nil {
			return err
		}
		e.printf(e.lang.T("已停用用户 %s,其令牌一并作废\n", "user %s disabled, and its tokens revoked\n"), name)
		return nil
	case verb == "list":
		return e.printUsers(ctx, s, *format)
	}
	fs.Usage()
	return fmt.Errorf("users: expected add NAME, list, disable NAME or reset NAME")
}

// splitVerb takes the verb and a name that come before the flags: users add NAME --role …
func splitVerb(args []string) (verb, name string, rest []string) {
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		verb, args = args[0], args[1:]
	}
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	return verb, name, args
}

// printCredentials prints a new password and token, each alone on its line, for a script to read.
func (e *env) printCredentials(c auth.Credentials, err error) error {
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "password: %s\ntoken: %s\n", c.Password, c.Token)
	fmt.Fprintln(e.stderr, e.lang.T("(仅显示这一次:请转交用户;首次登录须修改密码)", "(shown this once: hand them to the user, who must change the password at first log-in)"))
	return nil
}

func (e *env) printUsers(ctx context.Context, s *auth.Store, format string) error {
	list, err := s.List(ctx)
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSONOut(e, list)
	}
	for _, u := range list {
		state := e.lang.T("启用", "active")
		if u.Disabled {
			state = e.lang.T("停用", "disabled")
		}
		e.printf("%-20s %-10s %-8s %-8s %s %s\n", u.Name, u.Role, orDash(u.Dept), state,
			u.CreatedAt.In(shownZone()).Format("2006-01-02 15:04"), e.lang.Tf("令牌 %d 个", "%d tokens", u.Tokens))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
