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
	fset, files := packageSources(t)
	for _, file := range files {
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

// packageSources parses the package's own source files, tests left out,
// for the tests that check what the code calls.
func packageSources(t *testing.T) (*token.FileSet, []*ast.File) {
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
