package bulletin

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/govscore/govscore/locale"
	"github.com/govscore/govscore/period"
	"github.com/govscore/govscore/report"
)

// Config is the office's part of a bulletin: who issues it, to whom, under what number, and the
// requirements it closes with. It is the `bulletin:` section of govscore.yaml, or a file of its
// own. {period} in a text is replaced by the month as a title writes it (2014年11月), {year}
// and {month} by its numbers.
type Config struct {
	Issuer       string   `yaml:"issuer"`       // 发文机关, e.g. 某某市人民政府办公室
	Number       string   `yaml:"number"`       // 发文字号, e.g. 某府办通〔{year}〕{month}号; empty: none
	Title        string   `yaml:"title"`        // default 关于{period}政务公开工作考核情况的通报
	Recipients   string   `yaml:"recipients"`   // 主送, e.g. 各区县人民政府,市级各部门
	Opening      string   `yaml:"opening"`      // the first paragraph
	Requirements []string `yaml:"requirements"` // 四、工作要求, a paragraph each
	Signature    string   `yaml:"signature"`    // 落款; default: the issuer
	Date         string   `yaml:"date"`         // 成文日期, YYYY-MM-DD; default: today
	CC           string   `yaml:"cc"`           // 抄送; empty: none
	Top          int      `yaml:"top"`          // how many deductions and fallers to name; default 5
}

// LoadConfig reads the `bulletin:` section of a YAML file, or the whole file when it has none.
func LoadConfig(path string) (Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Config{}, err
	}
	var whole struct {
		Bulletin yaml.Node `yaml:"bulletin"`
	}
	if err := yaml.Unmarshal(raw, &whole); err != nil {
		return Config{}, locale.Errorf("%s:不是有效的 YAML:%v", "%s: not valid YAML: %v", path, err)
	}
	var c Config
	if whole.Bulletin.Kind != 0 {
		raw, _ = yaml.Marshal(&whole.Bulletin)
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && err.Error() != "EOF" {
		return Config{}, locale.Errorf("%s:通报配置有误:%v(可用的键:issuer, number, title, recipients, opening, requirements, signature, date, cc, top)",
			"%s: bulletin configuration: %v (keys: issuer, number, title, recipients, opening, requirements, signature, date, cc, top)", path, err)
	}
	return c, nil
}

// resolve fills what the configuration leaves out and checks the date; today comes from the
// caller's clock.
func (c Config) resolve(today time.Time, l locale.Lang) (Config, time.Time, error) {
	def := func(s *string, v string) {
		if strings.TrimSpace(*s) == "" {
			*s = v
		}
	}
	def(&c.Issuer, l.T("政务公开工作领导小组办公室", "Open Government Office"))
	def(&c.Title, l.T("关于{period}政务公开工作考核情况的通报", "Bulletin on the open-government assessment of {period}"))
	def(&c.Recipients, l.T("各参评单位", "All assessed units"))
	def(&c.Opening, l.T("现将{period}政务公开工作考核情况通报如下。", "The results of the open-government assessment of {period} are as follows."))
	def(&c.Signature, c.Issuer)
	if len(c.Requirements) == 0 {
		c.Requirements = defaultRequirements(l)
	}
	if c.Top <= 0 {
		c.Top = 5
	}
	date := today
	if c.Date != "" {
		var err error
		if date, err = time.Parse("2006-01-02", c.Date); err != nil {
			return c, date, locale.Errorf("通报配置 date “%s”:应为日期,如 2014-12-05", "bulletin date %q: expected a date such as 2014-12-05", c.Date)
		}
	}
	return c, date, nil
}

func defaultRequirements(l locale.Lang) []string {
	return []string{
		l.T("各单位要对照考核细则,逐项查找失分原因,明确整改措施和时限,切实提升政务公开工作水平。",
			"Every unit should check each point lost against the scoring rules and set out how and by when it will be corrected."),
		l.T("各单位要严格落实保密审查制度,坚持“上网信息不涉密、涉密信息不上网”。",
			"Every unit should apply the confidentiality review: nothing classified goes online, nothing online is classified."),
		l.T("各单位要按时、准确报送月度数据;对考核结果有异议的,请于通报印发之日起 5 个工作日内提出。",
			"Monthly figures are due on time and must be accurate; objections to these results are due within 5 working days of this bulletin."),
	}
}

// fill replaces {period}, {year} and {month} in s.
func fill(s, p string, l locale.Lang) string {
	x, err := period.Parse(p)
	if err != nil {
		return s
	}
	r := strings.NewReplacer("{period}", report.PeriodTitle(p, l), "{year}", fmt.Sprint(x.Year), "{month}", fmt.Sprint(x.Num))
	return r.Replace(s)
}
