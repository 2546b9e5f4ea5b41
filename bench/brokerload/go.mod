module mqttviz/bench/brokerload

go 1.26

require (
	github.com/coder/websocket v1.8.15
	mqttviz v0.0.0
)

replace mqttviz => ../..
