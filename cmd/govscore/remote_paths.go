package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// remoteSpec says which of a command's arguments are the caller's files: serve runs the command
// on copies of the files it is given and sends back the files it writes.
type remoteSpec struct {
	inFlags  []string // flags whose value is a file or folder to send
	outFlags []string // flags whose value is a file or folder to bring back
	inArgs   bool     // positional arguments naming an existing file or folder are sent
	outAfter string   // the positional argument after this verb is a folder to bring back
	outArgs  bool     // every positional argument is a file to bring back (backup FILE)
	local    string   // a verb that runs only without serve (it acts on the database file itself)
}

// remoteSpecs are the commands that run in serve while serve holds the database. Not listed:
// serve itself, init, demo, gen and restore, which act on files rather than a running database.
var remoteSpecs = map[string]remoteSpec{
	"rank":      {outFlags: []string{"out"}},
	"explain":   {outFlags: []string{"out"}},
	"jobs":      {local: "run"},
	"editions":  {},
	"diff":      {},
	"revisions": {},
	"revert":    {},
	"audit":     {},
	"publish":   {},
	"adjust":    {outFlags: []string{"out"}},
	"ingest":    {inFlags: []string{"mapping"}, inArgs: true},
	"score":     {inFlags: []string{"rules"}},
	"whatif":    {inFlags: []string{"rules"}, outFlags: []string{"out"}},
	"users":     {},
	"depts":     {inArgs: true},
	"rules":     {inArgs: true, outAfter: "export"},
	"dashboard": {outFlags: []string{"out"}},
	"bulletin":  {inFlags: []string{"config"}, outFlags: []string{"out"}},
	"template":  {outFlags: []string{"out"}},
	"calendar":  {inArgs: true},
	"records":   {outFlags: []string{"out"}},
	"backup":    {outArgs: true},
}

// remoteRequest rewrites a command's arguments for serve: each of the caller's files becomes a
// placeholder under {{in}} (and is sent) or {{out}} (and is brought back).
func (e *env) remoteRequest(name string, args []string, spec remoteSpec) (*cliRequest, error) {
	r := &cliRequest{Lang: e.lang, User: e.actor(), Outputs: map[string]string{}, files: map[string]string{}}
	r.Args = append(r.Args, name)
	for i := 0; i < len(args); i++ {
		a := args[i]
		flagName, value, inline := splitFlag(a)
		switch {
		case flagName != "" && (has(spec.inFlags, flagName) || has(spec.outFlags, flagName)):
			if !inline {
				if i+1 >= len(args) {
					r.Args = append(r.Args, a)
					continue
				}
				i++
				value = args[i]
			}
			p, err := r.place(value, has(spec.inFlags, flagName))
			if err != nil {
				return nil, err
			}
			r.Args = append(r.Args, "--"+flagName+"="+p)
		case flagName == "" && (spec.outArgs || spec.outAfter != "" && i > 0 && args[i-1] == spec.outAfter):
			p, _ := r.place(a, false)
			r.Args = append(r.Args, p)
		case flagName == "" && spec.inArgs && exists(a):
			p, err := r.place(a, true)
			if err != nil {
				return nil, err
			}
			r.Args = append(r.Args, p)
		default:
			r.Args = append(r.Args, a)
		}
	}
	return r, nil
}

// splitFlag reads -name, --name or --name=value.
func splitFlag(a string) (name, value string, inline bool) {
	if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
		return "", "", false
	}
	a = strings.TrimLeft(a, "-")
	if i := strings.IndexByte(a, '='); i >= 0 {
		return a[:i], a[i+1:], true
	}
	return a, "", false
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// place is the placeholder for one of the caller's paths: an input's files are queued to send.
func (r *cliRequest) place(p string, input bool) (string, error) {
	n := len(r.Outputs) + len(r.files)
	base := filepath.Base(filepath.Clean(p))
	if !input {
		key := fmt.Sprintf("out/%d", n)
		r.Outputs[key] = filepath.Dir(filepath.Clean(p))
		return "{{out}}/" + fmt.Sprint(n) + "/" + base, nil
	}
	root := fmt.Sprintf("in/%d/%s", n, base)
	err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(p, path)
		if err != nil {
			return err
		}
		r.files[filepath.ToSlash(filepath.Join(root, rel))] = path
		return nil
	})
	if err != nil {
		return "", err
	}
	return "{{in}}/" + fmt.Sprint(n) + "/" + base, nil
}

// destination is where a file serve wrote under out/N/… goes on the caller's side.
func (r *cliRequest) destination(name string) (string, bool) {
	parts := strings.SplitN(name, "/", 3)
	if len(parts) != 3 || parts[0] != "out" {
		return "", false
	}
	dir, ok := r.Outputs["out/"+parts[1]]
	rel := filepath.FromSlash(parts[2])
	if !ok || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.Join(dir, rel), true
}

// confined refuses a command whose file arguments reach outside serve's work folder: a caller
// names its own files, which the CLI sends, never serve's.
func confined(spec remoteSpec, args []string, work string) error {
	for i := 1; i < len(args); i++ {
		name, value, inline := splitFlag(args[i])
		isPath := name != "" && (has(spec.inFlags, name) || has(spec.outFlags, name))
		switch {
		case isPath && !inline && i+1 < len(args):
			i++
			value = args[i]
		case name == "" && (exists(args[i]) || spec.outArgs || spec.outAfter != "" && args[i-1] == spec.outAfter):
			value, isPath = args[i], true
		}
		if isPath && !within(work, value) {
			return fmt.Errorf("argument %q is not a file the CLI sent", value)
		}
	}
	return nil
}

func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}
