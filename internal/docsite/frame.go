package docsite

import (
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"mqttviz/codec"
)

// frameMarker is the line that embeds a lesson live where a page talks
// about it: <!-- embed: qos2 --> or <!-- embed: qos2 step=5 --> (the
// step counted from 1, as the player counts). On GitHub it is an
// invisible comment; on the site, a frame of /embed/lessons/NAME/.
var frameMarker = regexp.MustCompile(`^<!--\s*embed:\s*(\S+)((?:\s+[a-z]+=\S+)*)\s*-->$`)

// lessonFinder returns the title of the built-in lesson name, and
// whether there is one.
type lessonFinder func(name string) (codec.Text, bool)

// kindFrame is the kind of frameNode.
var kindFrame = ast.NewNodeKind("LessonFrame")

// frameNode is a lesson embedded in a page: the frame's address and
// title and the lesson page's address.
type frameNode struct {
	ast.BaseBlock
	src, title, page, open string
}

// Kind implements ast.Node.
func (n *frameNode) Kind() ast.NodeKind { return kindFrame }

// Dump implements ast.Node.
func (n *frameNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"src": n.src}, nil)
}

// markFrame replaces the HTML block b with a frame if it is an embed
// marker; any other raw HTML stays, and goldmark leaves it out.
func (p *pageLinks) markFrame(b *ast.HTMLBlock, src []byte) {
	var text strings.Builder
	for i := 0; i < b.Lines().Len(); i++ {
		seg := b.Lines().At(i)
		text.Write(seg.Value(src))
	}
	if b.HasClosure() {
		text.Write(b.ClosureLine.Value(src))
	}
	line := strings.TrimSpace(text.String())
	if !strings.HasPrefix(line, "<!--") || !strings.Contains(line, "embed:") {
		return
	}
	f, err := p.frame(line)
	if err != nil {
		if p.err == nil {
			p.err = err
		}
		return
	}
	b.Parent().ReplaceChild(b.Parent(), b, f)
}

// frame reads an embed marker: the lesson must be a built-in one, the
// only parameter step, a number from 1.
func (p *pageLinks) frame(line string) (*frameNode, error) {
	m := frameMarker.FindStringSubmatch(line)
	if m == nil {
		return nil, fmt.Errorf("%q: an embed marker is <!-- embed: NAME --> or <!-- embed: NAME step=N -->", line)
	}
	name := m[1]
	title, ok := p.lessons(name)
	if !ok {
		return nil, fmt.Errorf("%q: there is no built-in lesson %q", line, name)
	}
	query := ""
	for _, param := range strings.Fields(m[2]) {
		key, value, _ := strings.Cut(param, "=")
		n, err := strconv.Atoi(value)
		if key != "step" || err != nil || n < 1 {
			return nil, fmt.Errorf("%q: %q is not step=N with N from 1", line, param)
		}
		query = "step=" + strconv.Itoa(n) + "&"
	}
	query += "lang=" + p.lang
	return &frameNode{
		src:   p.base + "embed/lessons/" + name + "/?" + query,
		title: fmt.Sprintf(tr(p.lang, "frame.title"), title.In(p.lang)),
		page:  p.base + "lessons/" + name + "/?" + query,
		open:  tr(p.lang, "frame.open"),
	}, nil
}

// frameRenderer writes frameNode.
type frameRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (frameRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFrame, renderFrame)
}

var frameTemplate = template.Must(template.New("frame").Parse(
	`<figure class="docs-frame"><iframe src="{{.src}}" title="{{.title}}" loading="lazy" width="800" height="520"></iframe>` +
		`<figcaption><a href="{{.page}}">{{.open}}</a></figcaption></figure>` + "\n"))

func renderFrame(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	f := n.(*frameNode)
	err := frameTemplate.Execute(w, map[string]string{"src": f.src, "title": f.title, "page": f.page, "open": f.open})
	return ast.WalkSkipChildren, err
}
