package serve_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"

	"cordon/serve"
)

// A server over a workspace folder; its handler is what cordon serve
// listens with. It answers only requests that name the address it listens
// on (a page fetched by another site's script through DNS rebinding is
// refused), here its list of scenarios in Chinese.
func ExampleNew() {
	dir, err := os.MkdirTemp("", "workspace")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	s, err := serve.New(context.Background(), serve.Options{Dir: dir, Addr: "127.0.0.1:8080"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	for _, host := range []string{"127.0.0.1:8080", "attacker.example:8080"} {
		req := httptest.NewRequest("GET", "http://"+host+"/?lang=zh-CN", nil)
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		body := rec.Body.String()
		fmt.Println(rec.Code, strings.Contains(body, "two-days"), strings.Contains(body, `lang="zh-CN"`))
	}
	// Output:
	// 200 true true
	// 403 false false
}
