package server

import (
	"net"

	"github.com/govscore/govscore/locale"
)

// Exposure is the warning serve prints when it listens on addr and addr is not loopback:
// there is no log-in yet, so everything it serves is readable by anyone who can reach it.
// It is empty for a loopback address.
func Exposure(addr net.Addr) locale.Text {
	tcp, ok := addr.(*net.TCPAddr)
	if ok && tcp.IP.IsLoopback() {
		return locale.Text{}
	}
	where := addr.String()
	if ok && tcp.IP.IsUnspecified() {
		return locale.Textf(
			"警告:serve 在本机所有网络接口上监听(%s):能访问本机端口 %d 的任何人都能查看全部看板、排名 API 和 /jobs;目前没有登录;请把 serve 放在启用 TLS 的反向代理之后,见 docs/serve.md",
			"warning: serve listens on every interface of this machine (%s): all dashboards, the rankings API and /jobs are readable by anyone who can reach port %d of it; there is no log-in yet; put serve behind a reverse proxy with TLS, see docs/serve.md",
			where, tcp.Port)
	}
	return locale.Textf(
		"警告:能访问 %s 的任何人都能查看全部看板、排名 API 和 /jobs;目前没有登录;请把 serve 放在启用 TLS 的反向代理之后,见 docs/serve.md",
		"warning: all dashboards, the rankings API and /jobs are readable by anyone who can reach %s; there is no log-in yet; put serve behind a reverse proxy with TLS, see docs/serve.md",
		where)
}
