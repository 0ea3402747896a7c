package synth

import (
	"math/rand/v2"

	"github.com/govscore/govscore/period"
)

// header is the documented wide header, Chinese names in catalog order.
const header = "部门代码,部门名称,月份,概况信息,计划总结,法规公文,工作动态,人事信息,财政信息,行政执法,其他信息,超期公开,全文电子化率,移动短信,政务微信,政务微博,报刊稿件,电视新闻,专题报道及宣传片,报送政务信息,信息被采用,交办约稿专报,按时完成约稿,收到公开申请,按期答复,逾期答复,违规收费,培训,行政复议被纠错,行政诉讼败诉,涉密信息上网\n"

// Column indexes into a row of values, in header order.
const (
	idxOverview = iota
	idxPlans
	idxRegulations
	idxNews
	idxPersonnel
	idxFinance
	idxEnforcement
	idxOther
	idxLate
	idxFulltext
	idxSMS
	idxWechat
	idxWeibo
	idxPress
	idxTV
	idxSpecial
	idxInfoSubmitted
	idxInfoAdopted
	idxTasksAssigned
	idxTasksOntime
	idxReqReceived
	idxReqOntime
	idxReqOverdue
	idxFee
	idxTraining
	idxReview
	idxLawsuit
	idxSecret
	nMetrics
)

func pick(r *rand.Rand, xs ...float64) float64 { return xs[r.IntN(len(xs))] }

func between(r *rand.Rand, lo, hi int) float64 { return float64(lo + r.IntN(hi-lo+1)) }

// values draws one department-month's figures; busier departments publish more.
func (c *city) values(r *rand.Rand, d dept, i int, m period.Period) []float64 {
	v := make([]float64, nMetrics)
	v[idxOverview] = pick(r, 0, 1, 1, 2)
	v[idxPlans] = pick(r, 0, 0, 1, 2)
	v[idxRegulations] = between(r, 0, 4)
	v[idxNews] = float64(int(between(r, 2, 16) * d.size))
	v[idxPersonnel] = pick(r, 0, 1, 1, 3)
	v[idxFinance] = pick(r, 0, 1, 2)
	v[idxEnforcement] = pick(r, 0, 0, 1, 5)
	v[idxOther] = between(r, 0, 9)
	published := 0.0
	for _, k := range []int{idxOverview, idxPlans, idxRegulations, idxNews, idxPersonnel, idxFinance, idxEnforcement, idxOther} {
		published += v[k]
	}
	v[idxLate] = min(published, pick(r, 0, 0, 0, 1, 2))
	v[idxFulltext] = pick(r, 100, 100, 95.5, 90, 80)
	v[idxSMS] = between(r, 0, 30)
	v[idxWechat] = between(r, 0, 15)
	v[idxWeibo] = between(r, 0, 15)
	v[idxPress] = between(r, 0, 30)
	v[idxTV] = between(r, 0, 15)
	v[idxSpecial] = pick(r, 0, 0, 0, 1, 2, 4)
	v[idxInfoSubmitted] = between(r, 0, 30)
	v[idxInfoAdopted] = between(r, 0, int(v[idxInfoSubmitted]))
	v[idxTasksAssigned] = pick(r, 0, 1, 2, 3)
	v[idxTasksOntime] = between(r, 0, int(v[idxTasksAssigned]))
	rec := pick(r, 0, 0, 0, 1, 2, 5)
	v[idxReqReceived] = rec
	if rec > 0 {
		v[idxReqOverdue] = pick(r, 0, 0, 1)
	}
	v[idxReqOntime] = rec - v[idxReqOverdue]
	if rec > 2 && r.Float64() < 0.3 {
		v[idxReqOntime]-- // still pending
	}
	if r.IntN(31) == 0 {
		v[idxFee] = 50
	}
	v[idxTraining] = pick(r, 0, 0, 0, 1)
	if r.IntN(21) == 0 {
		v[idxReview] = 1
	}
	v[idxLawsuit] = pick(r, append(make([]float64, 30), 1, 3)...)
	if i == c.vetoIdx && m.Num == 6 {
		v[idxSecret] = 1
	}
	return v
}
