package govscore

// Standing is one department's result for one period.
type Standing struct {
	Period     string  `json:"month"`
	Group      string  `json:"group"`
	Rank       int     `json:"rank"` // 0 when not ranked (status unranked)
	DeptCode   string  `json:"dept_code"`
	DeptName   string  `json:"dept_name"`
	Total      float64 `json:"total"`
	Grade      string  `json:"grade"`
	GradeEN    string  `json:"grade_en"`
	RankChange *int    `json:"rank_change"`
	YTDTotal   float64 `json:"ytd_total"`
	YTDRank    int     `json:"ytd_rank"`
	YTDAvg     float64 `json:"ytd_avg"`
	Status     string  `json:"status"`
	GroupSize  int     `json:"group_size"`
	Score      float64 `json:"score"`
	Deductions float64 `json:"deductions"`
	Bonus      float64 `json:"bonus"`
}

// Line is one score line of a department-period: an indicator's points, or a deduction, bonus
// or veto, with the reason a department reads.
type Line struct {
	Indicator       string   `json:"indicator"`
	IndicatorName   string   `json:"indicator_name"`
	IndicatorNameEN string   `json:"indicator_name_en"`
	Item            string   `json:"item"`
	Kind            string   `json:"kind"` // score, deduction, bonus, veto, unranked, adjustment
	Points          float64  `json:"points"`
	Max             *float64 `json:"max_points"`
	Reason          string   `json:"reason"`
	ReasonEN        string   `json:"reason_en"`
}

// Version is one submitted version of a department-period's data and where it came from.
type Version struct {
	Version    int    `json:"version"`
	Current    bool   `json:"current"`
	File       string `json:"file"`
	Sheet      string `json:"sheet"`
	Row        int    `json:"row"`
	IngestedAt string `json:"ingested_at"`
	Source     string `json:"source"`
}

// Explanation is everything a department needs to check one period's score.
type Explanation struct {
	Standing Standing  `json:"standing"`
	Lines    []Line    `json:"lines"`
	Versions []Version `json:"versions"`
}
