// Package report writes rankings and explanations for people and programs: aligned text tables,
// CSV, JSON and XLSX, in Chinese by default or English.
package report

// Lang is the language of labels: "zh" (default) or "en".
type Lang string

// The languages govscore speaks.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// T picks the label for the language.
func (l Lang) T(zh, en string) string {
	if l == EN {
		return en
	}
	return zh
}
