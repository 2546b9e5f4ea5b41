package ui

import (
	"errors"
	"mqttviz/codec"
	"mqttviz/wasm/brokeraddr"
)

// checkBroker checks a broker address, typed or given by ?broker=,
// alone and against the page's own address (page), and returns it, or
// what is wrong in both languages.
func checkBroker(raw, page string) (brokeraddr.Addr, *codec.Text) {
	a, err := brokeraddr.Parse(raw)
	if err == nil {
		err = brokeraddr.CheckPage(a, page)
	}
	if err == nil {
		return a, nil
	}
	t := codec.Text{EN: err.Error(), ZH: err.Error()}
	var be *brokeraddr.Error
	if errors.As(err, &be) {
		t = be.Text
	}
	return brokeraddr.Addr{}, &t
}
