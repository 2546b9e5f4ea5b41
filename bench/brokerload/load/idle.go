package load

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

// IdleResult is the memory a broker holds for idle connections.
type IdleResult struct {
	// Conns is how many connections were open and idle.
	Conns int
	// Before and After are the broker's RSS before the connections and
	// with all of them open and idle.
	Before, After int64
}

// PerConn is the memory each idle connection added, in bytes.
func (r IdleResult) PerConn() float64 { return float64(r.After-r.Before) / float64(r.Conns) }

// Idle opens n connections to b (each a CONNECT with its own client id,
// clean session, keepalive off, accepted), waits settle, and measures
// b's RSS; then it closes them.
func Idle(b *Broker, n int, settle time.Duration) (IdleResult, error) {
	res := IdleResult{Conns: n}
	var err error
	if res.Before, err = b.RSS(); err != nil {
		return res, err
	}
	conns := make([]*client, n)
	defer func() {
		for _, k := range conns {
			if k != nil {
				k.c.Close()
			}
		}
	}()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	next := make(chan int)
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				k, err := dial(b.Addr, "idle-"+strconv.Itoa(i), 30*time.Second)
				mu.Lock()
				if err != nil && first == nil {
					first = fmt.Errorf("connection %d: %w", i, err)
				}
				conns[i] = k
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if first != nil {
		return res, first
	}
	time.Sleep(settle)
	res.After, err = b.RSS()
	return res, err
}
