package ui

import (
	"fmt"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// playerPage is the smallest page around a player view: the benchmark
// steps it as a lesson page steps.
type playerPage struct {
	app.Compo
	player
}

func (p *playerPage) Render() app.UI {
	return app.Div().Body(renderPlayerView(nil, p.trace, p.cursor, p.status, p.speed, nil, nil, nil, nil, nil, i18n.EN))
}

// longTrace runs a scenario of QoS 1 publishes with at least n steps.
func longTrace(b testing.TB, n int) *trace.Trace {
	b.Helper()
	var src strings.Builder
	src.WriteString("client sensor\nclient phone\nconnect sensor\nconnect phone\nsubscribe phone devices/# qos=1\n")
	for i := 0; i < n/4+1; i++ {
		fmt.Fprintf(&src, "publish sensor devices/sensor/%d \"%d\" qos=1\n", i%10, i)
	}
	t, err := script.Run("long", src.String(), 1)
	if err != nil {
		b.Fatal(err)
	}
	return t
}

// BenchmarkStep measures the Go side of one step forward: the page's
// render and go-app's update of the tree, on a short and a long trace.
// A step should cost the same at 20,000 steps as at 20.
func BenchmarkStep(b *testing.B) {
	for _, n := range []int{20, 20000} {
		b.Run(fmt.Sprintf("steps=%d", n), func(b *testing.B) {
			p := &playerPage{}
			p.load(longTrace(b, n))
			d := app.NewClientTester(p)
			defer d.Close()
			d.Consume()
			steps := len(p.trace.Steps)
			b.ResetTimer()
			for i := range b.N {
				d.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(ctx app.Context) { p.goTo(ctx, (i+1)%steps) }})
				d.Consume()
			}
		})
	}
}
