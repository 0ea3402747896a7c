package jobs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseSpec(t *testing.T) {
	cases := []struct {
		name, spec, want string // want: "" = valid, else a piece of the error
	}{
		{"every", "@every 1m", ""},
		{"daily at nine", "0 9 * * *", ""},
		{"own zone", "CRON_TZ=UTC 0 9 * * *", ""},
		{"zone without spec panics robfig", "CRON_TZ=Asia/Shanghai", "malformed"},
		{"bare TZ panics robfig", "TZ=UTC", "malformed"},
		{"too few fields", "* * *", "expected 5 fields"},
		{"minute out of range", "61 * * * *", "above maximum"},
		{"zero step", "*/0 * * * *", "positive"},
		{"unknown descriptor", "@fortnightly", "fortnightly"},
		{"never fires", "0 0 30 2 *", "never fires"},
		{"unknown zone", "CRON_TZ=Mars/Base 0 9 * * *", "bad location"},
		{"empty", "", "empty spec"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseSpec(c.spec, DefaultTZ)
			if c.want == "" {
				if err != nil {
					t.Fatalf("ParseSpec(%q) = %v, want valid", c.spec, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("ParseSpec(%q) = %v, want an error mentioning %q", c.spec, err, c.want)
			}
		})
	}
}

func TestDefaultZoneIsShanghai(t *testing.T) {
	s, err := ParseSpec("0 9 * * *", DefaultTZ)
	if err != nil {
		t.Fatal(err)
	}
	next := s.Next(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) // 08:00 in Shanghai
	if want := time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC); !next.Equal(want) {
		t.Fatalf("next 09:00 = %v, want %v (09:00 Asia/Shanghai)", next.UTC(), want)
	}
}

func TestCheckReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	c := Defaults()
	c.Inbox = filepath.Join(dir, "new", "inbox") // missing: created
	c.Archive, c.Rejected = filepath.Join(dir, "archive"), filepath.Join(dir, "rejected")
	c.Rules = filepath.Join(dir, "no-rules")
	c.TZ = "Nowhere/City"
	c.Schedules = map[string]string{"inbox": "CRON_TZ=UTC", "pull": "off", "cleanup": "@daily"}
	c.Pull.URLs = []string{"ftp://example.org/a.csv"}
	c.Reminder.Day = 31
	err := c.Check()
	if err == nil {
		t.Fatal("Check passed a broken configuration")
	}
	for _, want := range []string{"tz \"Nowhere/City\"", "schedules.inbox", "schedules.cleanup: no such job", "rules: folder", "ftp://example.org/a.csv", "reminder.day 31"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "schedules.pull") {
		t.Errorf("off was reported as a bad spec:\n%v", err)
	}
	if st, err := os.Stat(c.Inbox); err != nil || !st.IsDir() {
		t.Errorf("missing inbox folder was not created: %v", err)
	}
}
