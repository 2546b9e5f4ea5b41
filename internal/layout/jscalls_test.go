package layout

import (
	"go/ast"
	"go/importer"
	"go/types"
	"testing"
)

// jsTypes are go-app's handles on JavaScript values. A method called on
// one of them reaches JavaScript without safejs, where an exception is a
// panic: outside the bridge (wasm/jsb) such values are only passed on.
var jsTypes = map[string]bool{"Value": true, "Event": true, "BrowserWindow": true}

// jsAllowed are go-app's own methods that read no JavaScript value: the
// page's address as go-app keeps it, and an event's default and
// propagation.
var jsAllowed = map[string]bool{"URL": true, "PreventDefault": true, "StopPropagation": true, "StopImmediatePropagation": true}

// TestJavaScriptOnlyInBridge type-checks the app's packages and fails
// for every method called on a go-app JavaScript value outside wasm/jsb
// (e.Get("key"), ctx.JSSrc().Get("value"), app.Window().GetElementByID).
func TestJavaScriptOnlyInBridge(t *testing.T) {
	dir := root(t)
	for _, rel := range []string{"wasm/ui", "wasm/views", "wasm"} {
		fset, files := sources(t, dir, rel)
		info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
		conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
		if _, err := conf.Check(rel, fset, files, info); err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		for sel, s := range info.Selections {
			if s.Kind() != types.MethodVal {
				continue
			}
			recv := s.Recv()
			if p, ok := recv.(*types.Pointer); ok {
				recv = p.Elem()
			}
			named, ok := recv.(*types.Named)
			if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != goApp || !jsTypes[named.Obj().Name()] {
				continue
			}
			if !jsAllowed[sel.Sel.Name] {
				t.Errorf("%s: %s.%s reaches JavaScript outside the bridge (wasm/jsb)", fset.Position(sel.Pos()), named.Obj().Name(), sel.Sel.Name)
			}
		}
	}
}
