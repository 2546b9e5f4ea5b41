package layout

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	module = "mqttviz/"
	goApp  = "github.com/maxence-charriere/go-app/v9/pkg/app"
	safejs = "github.com/hack-pad/safejs"
	// goldmark renders the documentation site's Markdown (internal/docsite).
	goldmark = "github.com/yuin/goldmark"
)

// allowed lists, for each package of the module (its folder), the
// packages of the module and outside the standard library it may import.
// The standard library is allowed except for forbiddenStd.
var allowed = map[string][]string{
	"codec":                []string{},
	"sim/trace":            {"codec"},
	"sim":                  {"codec", "sim/trace"},
	"sim/script":           {"codec", "sim", "sim/trace"},
	"sim/lessons":          {"sim/script", "sim/trace"},
	"sim/internal/simtest": {"sim/trace"},
	"sim/live":             {"codec", "sim", "sim/trace"},
	"wasm/i18n":            {"codec"},
	"wasm/i18n/i18ntest":   {"wasm/i18n"},
	"wasm/jsb":             {"wasm/i18n", goApp, safejs},
	"wasm/brokeraddr":      {"codec"},
	"wasm/predict":         {"codec", "sim/trace"},
	"wasm/wslink":          {"sim/live", "sim/trace", "wasm/brokeraddr", "wasm/jsb"},
	"wasm/views":           {"codec", "sim/trace", "wasm/i18n", "wasm/jsb", goApp},
	"wasm/ui":              {"codec", "sim", "sim/trace", "sim/script", "sim/lessons", "sim/live", "wasm/brokeraddr", "wasm/i18n", "wasm/jsb", "wasm/predict", "wasm/views", "wasm/wslink", goApp},
	"wasm":                 {"wasm/jsb", "wasm/ui", goApp},
	"internal/layout":      {},
	"internal/docsite":     {"codec", "sim/lessons", goldmark, goldmark + "/ast", goldmark + "/extension", goldmark + "/parser", goldmark + "/renderer", goldmark + "/text", goldmark + "/util"},
	"internal/brokertest":  {"codec"},
}

// forbiddenStd are the standard packages the simulator and the codec
// never import: no network, no processes, no files, no JavaScript, no
// clock (design.md: the same run natively and in the browser).
var forbiddenStd = []string{"net", "net/http", "os", "os/exec", "syscall", "syscall/js", "time"}

// pure are the folders under forbiddenStd.
var pure = []string{"codec", "sim"}

// testSupport are packages only tests import (no package's allowed list
// names them, so code cannot): they may read golden files.
var testSupport = []string{"sim/internal/simtest", "internal/brokertest"}

// root is the module's folder.
func root(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// packages lists the folders of the module that hold a Go package
// (cmd/, bench/ and interop/ aside: the command may import everything,
// the peers' benchmarks and the interop tests are modules of their own).
func packages(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() && (rel == "cmd" || rel == "bench" || rel == "interop" || rel == "web" || rel == "docs" || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			if m, _ := filepath.Glob(filepath.Join(p, "*.go")); len(m) > 0 {
				out = append(out, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// imports is what the package in folder rel imports in its non-test
// files, built for goos/goarch.
func imports(t *testing.T, dir, rel, goos, goarch string) []string {
	t.Helper()
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = goos, goarch, false
	p, err := ctx.ImportDir(filepath.Join(dir, rel), 0)
	if err != nil {
		if _, ok := err.(*build.NoGoError); ok {
			return nil
		}
		t.Fatalf("%s: %v", rel, err)
	}
	return p.Imports
}

// TestImports checks every package's imports against allowed, for a
// native build and for the browser's.
func TestImports(t *testing.T) {
	dir := root(t)
	seen := map[string]bool{}
	for _, rel := range packages(t, dir) {
		seen[rel] = true
		ok, listed := allowed[rel]
		if !listed {
			t.Errorf("package %s is not in the layout's list: add it with what it may import (and to docs/architecture.md)", rel)
			continue
		}
		isPure := slices.ContainsFunc(pure, func(p string) bool { return rel == p || strings.HasPrefix(rel, p+"/") }) && !slices.Contains(testSupport, rel)
		for _, target := range [][2]string{{"linux", "amd64"}, {"js", "wasm"}} {
			for _, imp := range imports(t, dir, rel, target[0], target[1]) {
				name, inModule := strings.CutPrefix(imp, module)
				std := !inModule && !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".")
				switch {
				case std && isPure && slices.Contains(forbiddenStd, imp):
					t.Errorf("%s (%s/%s) imports %s: the simulator and the codec do no I/O and read no clock", rel, target[0], target[1], imp)
				case std:
				case !slices.Contains(ok, name):
					t.Errorf("%s (%s/%s) imports %s, which the layout does not allow", rel, target[0], target[1], imp)
				}
			}
		}
	}
	for rel := range allowed {
		if !seen[rel] {
			t.Errorf("the layout lists %s, which holds no package", rel)
		}
	}
}

// sources parses the non-test Go files of folder rel.
func sources(t *testing.T, dir, rel string) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, rel, "*.go"))
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}

// TestNoRawMarkup checks that nothing in the app calls app.Raw (it sets
// innerHTML from a string), so that text, whoever typed it, reaches the
// page only as text nodes and attribute values set through the DOM.
func TestNoRawMarkup(t *testing.T) {
	dir := root(t)
	for _, rel := range packages(t, dir) {
		if !strings.HasPrefix(rel, "wasm") {
			continue
		}
		fset, files := sources(t, dir, rel)
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "app" && sel.Sel.Name == "Raw" {
					t.Errorf("%s: app.Raw builds markup from a string", fset.Position(n.Pos()))
				}
				return true
			})
		}
	}
}
