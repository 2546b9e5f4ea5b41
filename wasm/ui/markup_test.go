package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoRawMarkup: no component builds markup from a string (app.Raw
// sets innerHTML), so that text, whoever typed it, reaches the page only
// as text nodes and attribute values set through the DOM.
func TestNoRawMarkup(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "app" && sel.Sel.Name == "Raw" {
					t.Errorf("%s: app.Raw builds markup from a string", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}
