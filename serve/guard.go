package serve

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// guard is what every request passes before it reaches a page:
//
//   - Host: without a token, the server answers only requests addressed
//     to a loopback name (localhost, 127.0.0.1, [::1]), so that a web page
//     elsewhere cannot reach it through a name of its own that resolves
//     to 127.0.0.1 (DNS rebinding).
//   - Token: when one is set, every request carries it, in the header
//     Authorization: Bearer TOKEN (or X-Cordon-Token), or in the cookie a
//     first visit with ?token=TOKEN sets.
//   - Cross-site requests: every request but GET and HEAD must come from
//     the server's own pages: net/http's CrossOriginProtection (the
//     browser's Sec-Fetch-Site and Origin headers), and a CSRF token
//     derived from the session cookie, which the pages send in the
//     X-CSRF-Token header.
//   - Headers: a Content Security Policy that allows the pages' own
//     script and style and nothing fetched from elsewhere, no framing, no
//     sniffing, no referrer.
type guard struct {
	token  string // "" when no token is required
	key    []byte // signs the CSRF tokens
	suffix string // cookie names end with the port: two servers on one host keep theirs apart
	cop    *http.CrossOriginProtection
	text   func(key string) string // a refusal's text, in every language
}

// The headers and cookies of the guard.
const (
	csrfHeader  = "X-CSRF-Token"
	tokenHeader = "X-Cordon-Token"
	tokenCookie = "cordon-token-"
	sessCookie  = "cordon-session-"
)

// appPolicy is the Content Security Policy of the server's own pages:
// scripts, styles and fetches from the server alone; images also inline
// (the reports' figures are data: URLs).
const appPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// reportPolicy is the policy of a report's files: the page as the
// command line writes it (inline style, inline images), in a sandbox, so
// that even a script in it could neither reach the server with the
// user's cookies nor fetch anything.
const reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'; script-src 'unsafe-inline'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-scripts allow-popups allow-downloads"

// newGuard makes the guard of a server listening on addr.
func newGuard(token, addr string, text func(string) string) *guard {
	_, port, _ := net.SplitHostPort(addr)
	g := &guard{token: token, key: []byte(randomHex(32)), suffix: port, cop: http.NewCrossOriginProtection(), text: text}
	if g.suffix == "" {
		g.suffix = "0"
	}
	return g
}

// sessionKey is the context key of a request's session.
type sessionKey struct{}

// wrap puts the guard in front of next.
func (g *guard) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", appPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Cache-Control", "no-store")
		if g.token == "" && !loopbackHost(r.Host) {
			g.refuse(w, http.StatusForbidden, "guard.host")
			return
		}
		if g.token != "" {
			if t := r.URL.Query().Get("token"); t != "" && safeMethod(r.Method) {
				g.firstVisit(w, r, t)
				return
			}
			if !g.authorized(r) {
				g.refuse(w, http.StatusUnauthorized, "guard.token")
				return
			}
		}
		sess := g.session(w, r)
		if !safeMethod(r.Method) {
			if err := g.cop.Check(r); err != nil {
				g.refuse(w, http.StatusForbidden, "guard.crosssite")
				return
			}
			if sess == "" || !hmac.Equal([]byte(r.Header.Get(csrfHeader)), []byte(g.csrf(sess))) {
				g.refuse(w, http.StatusForbidden, "guard.csrf")
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, sess)))
	})
}

// safeMethod reports a method that changes nothing.
func safeMethod(m string) bool { return m == http.MethodGet || m == http.MethodHead }

// loopbackHost reports whether a Host header names this machine by a
// loopback name.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// authorized reports whether a request carries the token.
func (g *guard) authorized(r *http.Request) bool {
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && g.tokenOK(t) {
		return true
	}
	if g.tokenOK(r.Header.Get(tokenHeader)) {
		return true
	}
	c, err := r.Cookie(tokenCookie + g.suffix)
	return err == nil && g.tokenOK(c.Value)
}

// tokenOK compares a token with the server's in constant time.
func (g *guard) tokenOK(t string) bool {
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(g.token)) == 1
}

// firstVisit answers a visit with ?token=: a right token becomes a cookie
// and the browser is sent to the same page without it in the address.
func (g *guard) firstVisit(w http.ResponseWriter, r *http.Request, t string) {
	if !g.tokenOK(t) {
		g.refuse(w, http.StatusUnauthorized, "guard.token")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie + g.suffix, Value: g.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	u := *r.URL
	q := u.Query()
	q.Del("token")
	u.RawQuery = q.Encode()
	http.Redirect(w, r, (&url.URL{Path: u.Path, RawQuery: u.RawQuery}).String(), http.StatusSeeOther)
}

// session returns the request's session, starting one (a cookie) when a
// page is read without one.
func (g *guard) session(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(sessCookie + g.suffix); err == nil && len(c.Value) == 32 {
		if _, err := hex.DecodeString(c.Value); err == nil {
			return c.Value
		}
	}
	if !safeMethod(r.Method) {
		return ""
	}
	s := randomHex(16)
	http.SetCookie(w, &http.Cookie{Name: sessCookie + g.suffix, Value: s, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return s
}

// csrf is the CSRF token of a session.
func (g *guard) csrf(sess string) string {
	m := hmac.New(sha256.New, g.key)
	m.Write([]byte(sess))
	return hex.EncodeToString(m.Sum(nil))
}

// csrfOf is the CSRF token the pages of a request carry.
func (g *guard) csrfOf(r *http.Request) string {
	sess, _ := r.Context().Value(sessionKey{}).(string)
	if sess == "" {
		return ""
	}
	return g.csrf(sess)
}

// refuse answers a refused request with a line saying why.
func (g *guard) refuse(w http.ResponseWriter, status int, key string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(g.text(key) + "\n"))
}
