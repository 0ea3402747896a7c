package report

// GradeColors colour grades by their position from the best (优秀, 良好, 合格, 不合格 in the
// default rule set): one palette for every page, workbook and document, so a grade looks the
// same wherever a leader meets it. A grade further down than the palette reuses the last colour.
var GradeColors = []string{"#2e7d32", "#1565c0", "#ef8f00", "#c62828"}

// GradeColor is the colour of the grade at position i (0 = the best).
func GradeColor(i int) string {
	if i < 0 {
		i = len(GradeColors) - 1
	}
	return GradeColors[min(i, len(GradeColors)-1)]
}
