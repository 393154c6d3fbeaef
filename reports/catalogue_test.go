package reports_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/lang"
)

// TestEveryMessageHasChinese: every text the reports put through the
// language layer (a call of T or Sprintf on l, w or wd with a literal
// first argument) has its Chinese in the catalogue, so a Chinese report
// says nothing in English but names and numbers.
func TestEveryMessageHasChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "Sprintf") {
				return true
			}
			recv, ok := sel.X.(*ast.Ident)
			if !ok || (recv.Name != "l" && recv.Name != "w" && recv.Name != "wd") {
				return true
			}
			key, ok := literal(call.Args[0])
			if !ok {
				return true
			}
			found++
			if !zh.Has(key) {
				t.Errorf("%s: %q has no Chinese", fset.Position(call.Pos()), key)
			}
			return true
		})
	}
	if found < 50 {
		t.Errorf("found %d messages: the test reads the calls wrong", found)
	}
}

// literal is the value of a string literal, or of literals joined by +.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(e.X)
		b, ok2 := literal(e.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}
