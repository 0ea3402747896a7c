package report

import "github.com/govscore/govscore/locale"

// StatusLabel is a result's status (submitted, missing, veto, unranked) as people read it.
func StatusLabel(l locale.Lang, status string) string { return statusLabel(l, status) }
