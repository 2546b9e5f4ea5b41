package docsite

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// render turns one page's Markdown into HTML for the page p: GitHub's
// tables and strikethrough, Chinese lines joined without a space
// (joinWideLines),
// headings with GitHub's ids, raw HTML left out (goldmark writes a
// comment in its place), links and pictures pointed at the site
// (pageLinks) and embed markers made frames (frameNode).
func render(md string, p *pageLinks) ([]byte, error) {
	gm := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(p, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(frameRenderer{}, 100)),
		),
	)
	var out bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	if err := gm.Convert([]byte(md), &out, parser.WithContext(ctx)); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	return focusable(out.Bytes()), nil
}

// focusable lets the keyboard reach the code blocks, which scroll
// sideways on a narrow screen (axe: scrollable-region-focusable; tables
// wrap instead, docs.css). goldmark writes the tag exactly so, and raw
// HTML is left out: no other <pre> is in the page.
func focusable(page []byte) []byte {
	return bytes.ReplaceAll(page, []byte("<pre><code"), []byte(`<pre tabindex="0"><code`))
}

// headingIDs gives headings the ids GitHub gives them, so that the
// links the files make to their own headings (#state--状态) work on
// the site too: letters and digits of any script in lower case, spaces
// and hyphens as hyphens, nothing else; a repeated id gets -1, -2, ….
type headingIDs struct {
	seen map[string]bool
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.TrimSpace(string(value)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	for i, try := 1, id; ; i++ {
		if !h.seen[try] {
			h.seen[try] = true
			return []byte(try)
		}
		try = fmt.Sprintf("%s-%d", id, i)
	}
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }

// Transform implements parser.ASTTransformer: every link and picture
// points at the site, every embed marker becomes a frame.
func (p *pageLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var links []*ast.Link
	var images []*ast.Image
	var blocks []*ast.HTMLBlock
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			joinWideLines(n, src)
		case *ast.Link:
			links = append(links, n)
		case *ast.Image:
			images = append(images, n)
		case *ast.HTMLBlock:
			blocks = append(blocks, n)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		p.rewriteLink(l, src)
	}
	for _, img := range images {
		p.rewriteImage(img, src)
	}
	for _, b := range blocks {
		p.markFrame(b, src)
	}
}

// rewriteLink points l at the site; a link to a file of the repository
// that is no page becomes its text and the file's path (the path alone
// if the text is the file's name).
func (p *pageLinks) rewriteLink(l *ast.Link, src []byte) {
	dest, ok, repoPath := p.resolve(string(l.Destination))
	if ok {
		l.Destination = []byte(dest)
		return
	}
	parent := l.Parent()
	if text := string(nodeText(l, src)); text == repoPath || text == path.Base(repoPath) {
		parent.ReplaceChild(parent, l, ast.NewString([]byte(repoPath)))
		return
	}
	for c := l.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, l, c)
		c = next
	}
	parent.ReplaceChild(parent, l, ast.NewString([]byte(" ("+repoPath+")")))
}

// rewriteImage points img at the site's copy of the picture, with its
// size and loaded lazily; a picture the site does not have becomes its
// description, in italics.
func (p *pageLinks) rewriteImage(img *ast.Image, src []byte) {
	pic, ok := p.picture(string(img.Destination))
	if ok {
		img.Destination = []byte(p.base + strings.TrimPrefix(pic.path, "/"))
		img.SetAttributeString("loading", []byte("lazy"))
		img.SetAttributeString("width", []byte(fmt.Sprint(pic.width)))
		img.SetAttributeString("height", []byte(fmt.Sprint(pic.height)))
		return
	}
	em := ast.NewEmphasis(1)
	em.AppendChild(em, ast.NewString(nodeText(img, src)))
	img.Parent().ReplaceChild(img.Parent(), img, em)
}

// joinWideLines joins a line of Chinese to the next without the space
// a browser shows for a line break, when the characters on both sides of
// the break are wide (Han, full-width punctuation): 代码，⏎每节 is
// 代码，每节; a break beside a Latin letter, a digit or inline code
// stays a space. (goldmark's CJK extension also drops the break before
// any inline code or link, which joins English words.)
func joinWideLines(n *ast.Text, src []byte) {
	if !n.SoftLineBreak() || n.NextSibling() == nil {
		return
	}
	before, _ := utf8.DecodeLastRune(n.Segment.Value(src))
	after, _ := utf8.DecodeRune(nodeText(n.NextSibling(), src))
	if wide(before) && wide(after) {
		n.SetSoftLineBreak(false)
	}
}

// wide says whether r is an East Asian wide or full-width character.
func wide(r rune) bool {
	w := util.EastAsianWidth(r)
	return (w == "W" || w == "F") && !unicode.Is(unicode.Hangul, r)
}

// nodeText is the text of n's inline children.
func nodeText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}
