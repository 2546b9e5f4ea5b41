package jsb

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJSOnlyInWasmFiles checks that only files built for js/wasm import
// syscall/js or safejs, and that each such file has a native sibling
// (jsbridge_other.go) so that the package builds everywhere.
func TestJSOnlyInWasmFiles(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	wasmOnly := 0
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		usesJS := false
		for _, imp := range file.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if p == "syscall/js" || p == "github.com/hack-pad/safejs" {
				usesJS = true
			}
		}
		var expr constraint.Expr
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				if constraint.IsGoBuild(c.Text) {
					expr, _ = constraint.Parse(c.Text)
				}
			}
		}
		wasm := expr != nil && expr.Eval(func(tag string) bool { return tag == "js" || tag == "wasm" }) &&
			!expr.Eval(func(tag string) bool { return tag == "linux" || tag == "amd64" })
		if usesJS && !wasm {
			t.Errorf("%s reaches JavaScript but is not limited to js && wasm", f)
		}
		if wasm {
			wasmOnly++
		}
	}
	if wasmOnly == 0 {
		t.Error("no js && wasm file found: the bridge moved?")
	}
	if _, err := os.Stat("jsbridge_other.go"); err != nil {
		t.Errorf("no native sibling of the JavaScript bridge: %v", err)
	}
}
