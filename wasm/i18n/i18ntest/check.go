// Package i18ntest checks a package's use of its catalogue in tests:
// every entry in both languages, every key it asks for defined.
package i18ntest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"mqttviz/wasm/i18n"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Sources parses the Go files of the package in the current directory,
// tests left out, for the tests that check what a package's code calls.
func Sources(t testing.TB) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	return fset, files
}

// CheckComplete fails t for every entry of c that lacks a language or
// whose two languages differ in format verbs.
func CheckComplete(t testing.TB, c i18n.Catalogue) {
	t.Helper()
	for key, text := range c {
		if text.EN == "" || text.ZH == "" {
			t.Errorf("%s: missing a language: %+v", key, text)
		}
		if strings.Count(text.EN, "%") != strings.Count(text.ZH, "%") {
			t.Errorf("%s: format verbs differ: %q / %q", key, text.EN, text.ZH)
		}
	}
}

// CheckKeys fails t for every literal key the package in the current
// directory passes to its function named fn (tr(lang, "key", ...)) that
// c does not hold, and for every prefix built at run time ("kind."+kind)
// that no key of c starts with.
func CheckKeys(t testing.TB, fn string, c i18n.Catalogue) {
	t.Helper()
	fset, files := Sources(t)
	calls := 0
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 2 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != fn {
				return true
			}
			calls++
			switch arg := call.Args[1].(type) {
			case *ast.BasicLit:
				key, _ := strconv.Unquote(arg.Value)
				if _, ok := c[key]; !ok {
					t.Errorf("%s: key %q is not in the catalogue", fset.Position(arg.Pos()), key)
				}
			case *ast.BinaryExpr:
				if lit, ok := arg.X.(*ast.BasicLit); ok {
					prefix, _ := strconv.Unquote(lit.Value)
					found := false
					for k := range c {
						found = found || strings.HasPrefix(k, prefix)
					}
					if !found {
						t.Errorf("%s: no catalogue key starts with %q", fset.Position(arg.Pos()), prefix)
					}
				}
			}
			return true
		})
	}
	if calls == 0 {
		t.Errorf("no call of %s found: the check looks at nothing", fn)
	}
}
