package main

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cordon/lang"
)

// Help in the language of the command line, written by cobra in its own
// layout. For Chinese, the first help or usage of a run puts the
// catalogue's texts into the run's command tree (descriptions, examples
// and flags' usages, found by where they stand: lang.Printer.CommandHelp,
// FlagHelp) and cobra's headings into its usage template
// (lang.Printer.Help). pflag writes a flag's default in English itself:
// each usage is marked at its end, and the default after the mark is put
// in the printer's words (flagDefaults).

// mark ends a flag's usage in the Chinese command tree.
const mark = "\x01"

// setHelp makes the help of every command of root speak the language of
// std: --lang of the arguments, else the environment's (the help is
// written before any command runs, so before --lang is read as a flag).
// It adds cobra's help command, which says so of a topic it does not
// know, in that language too.
func setHelp(root *cobra.Command, std *streams) {
	var once sync.Once
	chinese := func() *lang.Printer {
		p := std.printer()
		if !p.Chinese() {
			return nil
		}
		once.Do(func() {
			root.SetUsageTemplate(headings(root.UsageTemplate(), p))
			translate(root, p)
		})
		return p
	}
	help, usage := root.HelpFunc(), root.UsageFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		chinese()
		help(c, args) // its usage is the usage function's below
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		p := chinese()
		if p == nil {
			return usage(c)
		}
		// cobra writes the usage to c's output: it is taken aside for the
		// flags' defaults, then c writes where it did.
		w, said := c.OutOrStderr(), &strings.Builder{}
		c.SetOut(said)
		err := usage(c)
		c.SetOut(w)
		_, _ = io.WriteString(w, flagDefaults(said.String(), p))
		return err
	})
	root.InitDefaultHelpCmd()
	helpCmd, _, err := root.Find([]string{"help"})
	if err != nil || helpCmd == root {
		return
	}
	run := helpCmd.Run
	helpCmd.Run = func(c *cobra.Command, args []string) {
		p := std.printer()
		if topic, _, err := c.Root().Find(args); p.Chinese() && (topic == nil || err != nil) {
			c.Printf(p.Help("Unknown help topic %#q\n"), args)
			_ = c.Root().Usage()
			return
		}
		run(c, args)
	}
}

// headings is cobra's usage template t with its headings in the
// printer's words.
func headings(t string, p *lang.Printer) string {
	// "Global Flags:" before "Flags:", which it holds.
	for _, h := range []string{"Usage:", "Aliases:", "Examples:", "Available Commands:", "Additional Commands:", "Global Flags:", "Flags:", "Additional help topics:"} {
		t = strings.Replace(t, h, p.Help(h), 1)
	}
	more := `Use "%s [command] --help" for more information about a command.`
	return strings.Replace(t, fmt.Sprintf(more, "{{.CommandPath}}"), fmt.Sprintf(p.Help(more), "{{.CommandPath}}"), 1)
}

// translate puts the catalogue's texts into c and the commands below it:
// their descriptions, examples, groups' titles and flags' usages, each
// usage marked at its end; cobra's own -h says which command it is the
// help of.
func translate(c *cobra.Command, p *lang.Printer) {
	id := helpCommand(c)
	c.Short = p.CommandHelp(id, "short", c.Short)
	c.Long = p.CommandHelp(id, "long", c.Long)
	c.Example = p.CommandHelp(id, "example", c.Example)
	for _, g := range c.Groups() {
		g.Title = p.Help(g.Title)
	}
	c.LocalFlags().VisitAll(func(f *pflag.Flag) {
		if name, ok := strings.CutPrefix(f.Usage, "help for "); ok && f.Name == "help" {
			f.Usage = fmt.Sprintf(p.Help("help for %s"), name) + mark
			return
		}
		f.Usage = p.FlagHelp(id, f.Name, f.Usage) + mark
	})
	for _, sub := range c.Commands() {
		translate(sub, p)
	}
}

// flagDefaults is a usage cobra wrote, with the default pflag wrote after
// a flag's marked usage, " (default X)", in the printer's words.
func flagDefaults(usage string, p *lang.Printer) string {
	var out strings.Builder
	for _, line := range strings.SplitAfter(usage, "\n") {
		text, def, ok := strings.Cut(line, mark)
		if !ok {
			out.WriteString(line)
			continue
		}
		out.WriteString(text)
		def, end := strings.CutSuffix(def, "\n")
		if v, ok := strings.CutPrefix(def, " (default "); ok && strings.HasSuffix(v, ")") {
			def = fmt.Sprintf(p.Help(" (default %s)"), strings.TrimSuffix(v, ")"))
		}
		out.WriteString(def)
		if end {
			out.WriteString("\n")
		}
	}
	return out.String()
}

// helpCommand is c as the catalogue names it (lang.Printer.CommandHelp):
// its path after cordon ("plan", "completion bash"), or cordon itself.
func helpCommand(c *cobra.Command) string {
	if !c.HasParent() {
		return c.Name()
	}
	return strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
}
