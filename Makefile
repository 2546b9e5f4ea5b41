# mqttviz: `make run` serves the app, `make test` runs every test.
GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm
FUZZTIME  ?= 60s
ADDR      ?= 127.0.0.1:8000

.PHONY: all build run test vet test-native test-wasm test-browser test-brokerload test-paho bench perf lighthouse fuzz clean

all: build

build:
	$(GO) build -o bin/mqttviz ./cmd/mqttviz
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o web/app.wasm ./wasm

run: build
	./bin/mqttviz serve --addr $(ADDR)

test: build vet test-native test-brokerload test-wasm test-browser test-paho

vet:
	$(GO) vet ./...

test-native:
	$(GO) test -count=1 -skip='^TestBrowser' ./...

# The broker load generator counts right against mosquitto and mqttviz
# broker (a short run, seconds; the measurement itself is not a test:
# docs/performance.md, section Broker).
test-brokerload:
	cd bench/brokerload && $(GO) vet ./... && $(GO) test -count=1 ./...

# The codec and the simulator must behave the same compiled to WebAssembly;
# node runs the test binaries through Go's wasm_exec.
test-wasm:
	PATH="$(WASM_EXEC):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./codec/... ./sim/...

# Headless Chromium drives the app built by `build` (cmd/mqttviz/browser_test.go),
# two tests at a time (scripts/browser-tests.sh).
test-browser:
	GO=$(GO) scripts/browser-tests.sh

# paho.mqtt.golang against `mqttviz broker` (bin/mqttviz from build), over
# TCP and WebSocket: a module of its own, so go.mod stays free of paho.
test-paho:
	cd interop/paho && $(GO) vet ./... && MQTTVIZ=$(CURDIR)/bin/mqttviz $(GO) test -count=1 ./...

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./codec/... ./sim/...
	cd bench/peers && $(GO) test -run='^$$' -bench=. -benchmem

# The browser figures of docs/performance.md: app.wasm's size, navigation
# to interactive, step time, key press to next paint.
perf: build
	$(GO) test -count=1 -v -run='^TestBrowserPerf$$' ./cmd/mqttviz -perf

# Lighthouse's mobile profile on the main pages (npm installs its pinned
# version into bench/lighthouse/node_modules the first time).
lighthouse: build
	bench/lighthouse/run.sh

# Every fuzz target, FUZZTIME each (make fuzz FUZZTIME=10s).
fuzz:
	@for pkg in ./codec ./sim ./sim/script; do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin web/app.wasm web/app.wasm.br web/app.wasm.gz
