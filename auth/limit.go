package auth

import (
	"sync"
	"time"
)

// Limiter counts failed log-ins per user name and per client address in a sliding window: past
// MaxPerUser failures for a name, or MaxPerAddr from an address, within Window, further
// attempts are refused until the window has passed — even with the right password, so that
// guessing gains nothing. A success clears its name's failures (not its address's).
type Limiter struct {
	MaxPerUser int
	MaxPerAddr int
	Window     time.Duration

	mu    sync.Mutex
	now   func() time.Time
	fails map[string][]time.Time // "u:" + name or "a:" + address → failure times in the window
}

// NewLimiter allows 5 failures per name and 20 per address in 15 minutes.
func NewLimiter(now func() time.Time) *Limiter {
	return &Limiter{MaxPerUser: 5, MaxPerAddr: 20, Window: 15 * time.Minute, now: now, fails: map[string][]time.Time{}}
}

// Allow reports whether a log-in for name from addr may be tried now.
func (l *Limiter) Allow(name, addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent("u:"+name)) < l.MaxPerUser && len(l.recent("a:"+host(addr))) < l.MaxPerAddr
}

// Fail counts a failed log-in.
func (l *Limiter) Fail(name, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, k := range []string{"u:" + name, "a:" + host(addr)} {
		l.fails[k] = append(l.recent(k), now)
	}
	if len(l.fails) > 100000 { // a flood of names: forget those whose window has passed
		for k := range l.fails {
			if len(l.recent(k)) == 0 {
				delete(l.fails, k)
			}
		}
	}
}

// Succeed clears a name's failures.
func (l *Limiter) Succeed(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, "u:"+name)
}

// recent is key's failures within the window (the caller holds mu).
func (l *Limiter) recent(key string) []time.Time {
	list := l.fails[key]
	cut := l.now().Add(-l.Window)
	i := 0
	for i < len(list) && !list[i].After(cut) {
		i++
	}
	if i == len(list) {
		delete(l.fails, key)
		return nil
	}
	l.fails[key] = list[i:]
	return list[i:]
}

// host is an address without its port: a client's attempts count together whatever port it
// connects from.
func host(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[:i]
		}
		if addr[i] == ']' {
			break
		}
	}
	return addr
}
