package ui

import (
	"go/ast"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogueComplete checks that every entry speaks both languages
// with the same format verbs.
func TestCatalogueComplete(t *testing.T) {
	for key, text := range catalogue {
		if text.EN == "" || text.ZH == "" {
			t.Errorf("%s: missing a language: %+v", key, text)
		}
		if strings.Count(text.EN, "%") != strings.Count(text.ZH, "%") {
			t.Errorf("%s: format verbs differ: %q / %q", key, text.EN, text.ZH)
		}
	}
}

// TestCatalogueKeysUsed checks that every literal key passed to tr is in
// the catalogue, and every prefix built at run time ("kind."+kind) has
// entries.
func TestCatalogueKeysUsed(t *testing.T) {
	fset, files := packageSources(t)
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 2 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "tr" {
				return true
			}
			switch arg := call.Args[1].(type) {
			case *ast.BasicLit:
				key, _ := strconv.Unquote(arg.Value)
				if _, ok := catalogue[key]; !ok {
					t.Errorf("%s: tr key %q is not in the catalogue", fset.Position(arg.Pos()), key)
				}
			case *ast.BinaryExpr:
				if lit, ok := arg.X.(*ast.BasicLit); ok {
					prefix, _ := strconv.Unquote(lit.Value)
					found := false
					for k := range catalogue {
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
	if _, err := os.Stat("i18n.go"); err != nil {
		t.Fatal(err)
	}
}

func TestTr(t *testing.T) {
	if got := tr(langZH, "player.position", 2, 9); got != "第 2 步，共 9 步" {
		t.Errorf("zh position: %q", got)
	}
	if got := tr(langEN, "player.position", 2, 9); got != "Step 2 of 9" {
		t.Errorf("en position: %q", got)
	}
	if got := tr("fr", "player.play"); got != "Play" {
		t.Errorf("unknown language: %q", got)
	}
	if got := tr(langEN, "no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
}
