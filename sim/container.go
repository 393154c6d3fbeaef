package sim

import "fmt"

// Container holds a level of something measured rather than counted: the
// reserve stock of rice, bottled water. Puts wait while they would overfill
// it and gets wait while there is not enough; both are served first come,
// first served.
type Container struct {
	sim      *Sim
	name     string
	level    float64
	capacity float64
	putters  []levelWait
	getters  []levelWait
}

type levelWait struct {
	e      *Entity
	amount float64
}

// NewContainer returns a container called name with the given capacity and
// initial level. It is an error for the level to be negative or above the
// capacity.
func (s *Sim) NewContainer(name string, capacity, level float64) (*Container, error) {
	if !(capacity >= 0) || !(level >= 0) || level > capacity {
		return nil, fmt.Errorf("container %s: level %v must be between 0 and the capacity %v", name, level, capacity)
	}
	return &Container{sim: s, name: name, level: level, capacity: capacity}, nil
}

// Name returns the container's name.
func (c *Container) Name() string { return c.name }

// Level returns what the container holds now.
func (c *Container) Level() float64 { return c.level }

// Capacity returns the most it can hold.
func (c *Container) Capacity() float64 { return c.capacity }

// Waiting returns the numbers of puts and gets waiting.
func (c *Container) Waiting() (puts, gets int) { return len(c.putters), len(c.getters) }

// Put adds amount for e, waiting for room when it would overfill.
func (c *Container) Put(e *Entity, amount float64) Outcome {
	if len(c.putters) == 0 && c.level+amount <= c.capacity {
		c.level += amount
		c.serve()
		return Next
	}
	c.putters = append(c.putters, levelWait{e, amount})
	return Wait
}

// Get takes amount for e, waiting until there is enough.
func (c *Container) Get(e *Entity, amount float64) Outcome {
	if len(c.getters) == 0 && c.level >= amount {
		c.level -= amount
		c.serve()
		return Next
	}
	c.getters = append(c.getters, levelWait{e, amount})
	return Wait
}

// serve lets waiting puts and gets through, in order, while they fit.
func (c *Container) serve() {
	for moved := true; moved; {
		moved = false
		for len(c.putters) > 0 && c.level+c.putters[0].amount <= c.capacity {
			w := c.putters[0]
			c.putters = c.putters[1:]
			c.level += w.amount
			w.e.Wake()
			moved = true
		}
		for len(c.getters) > 0 && c.level >= c.getters[0].amount {
			w := c.getters[0]
			c.getters = c.getters[1:]
			c.level -= w.amount
			w.e.Wake()
			moved = true
		}
	}
}
