package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cordon/lang"
)

// Help in the language of the command line. In English cobra writes the
// help itself; in Chinese writeHelp writes it in cobra's layout (its
// defaultHelpFunc and defaultUsageFunc, v1.10) with the descriptions and
// flags' usages of the catalogue, found by where they stand
// (lang.Printer.CommandHelp, FlagHelp), and its headings
// (lang.Printer.Help). The English texts of the commands stay where they
// are; writeHelp with the English printer writes what cobra writes
// (TestHelpLayoutIsCobras).

// setHelp makes the help of every command of root speak the language of
// std: --lang of the arguments, else the environment's (the help is
// written before any command runs, so before --lang is read as a flag).
// It adds cobra's help command, which says so of a topic it does not
// know, in that language too.
func setHelp(root *cobra.Command, std *streams) {
	english := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		p := std.printer()
		if !p.Chinese() {
			english(c, args)
			return
		}
		writeHelp(c.OutOrStdout(), c, p)
	})
	englishUsage := root.UsageFunc()
	root.SetUsageFunc(func(c *cobra.Command) error {
		p := std.printer()
		if !p.Chinese() {
			return englishUsage(c)
		}
		writeUsage(c.OutOrStderr(), c, p)
		return nil
	})
	root.InitDefaultHelpCmd()
	help, _, err := root.Find([]string{"help"})
	if err != nil || help == root {
		return
	}
	run := help.Run
	help.Run = func(c *cobra.Command, args []string) {
		p := std.printer()
		if topic, _, err := c.Root().Find(args); p.Chinese() && (topic == nil || err != nil) {
			c.Printf(p.Help("Unknown help topic %#q\n"), args)
			_ = c.Root().Usage()
			return
		}
		run(c, args)
	}
}

// writeHelp writes c's help: its description, then its usage.
func writeHelp(w io.Writer, c *cobra.Command, p *lang.Printer) {
	text := p.CommandHelp(helpCommand(c), "long", c.Long)
	if c.Long == "" {
		text = p.CommandHelp(helpCommand(c), "short", c.Short)
	}
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	if text != "" {
		fmt.Fprintln(w, text)
		fmt.Fprintln(w)
	}
	if c.Runnable() || c.HasSubCommands() {
		writeUsage(w, c, p)
	}
}

// writeUsage writes how c is used: its command line, aliases, examples,
// commands, flags and help topics.
func writeUsage(w io.Writer, c *cobra.Command, p *lang.Printer) {
	fmt.Fprint(w, p.Help("Usage:"))
	if c.Runnable() {
		fmt.Fprintf(w, "\n  %s", c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n  %s [command]", c.CommandPath())
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "\n\n%s\n", p.Help("Aliases:"))
		fmt.Fprintf(w, "  %s", c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(w, "\n\n%s\n", p.Help("Examples:"))
		fmt.Fprintf(w, "%s", p.CommandHelp(helpCommand(c), "example", c.Example))
	}
	if c.HasAvailableSubCommands() {
		writeCommands(w, c, p)
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, "\n\n%s\n", p.Help("Flags:"))
		fmt.Fprint(w, strings.TrimRightFunc(flagUsages(c, c.LocalFlags(), p), unicode.IsSpace))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(w, "\n\n%s\n", p.Help("Global Flags:"))
		fmt.Fprint(w, strings.TrimRightFunc(flagUsages(c, c.InheritedFlags(), p), unicode.IsSpace))
	}
	if c.HasHelpSubCommands() {
		fmt.Fprintf(w, "\n\n%s", p.Help("Additional help topics:"))
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(w, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), p.CommandHelp(helpCommand(sub), "short", sub.Short))
			}
		}
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n"+p.Help(`Use "%s [command] --help" for more information about a command.`), c.CommandPath())
	}
	fmt.Fprintln(w)
}

// writeCommands writes c's commands, in their groups if it has any.
func writeCommands(w io.Writer, c *cobra.Command, p *lang.Printer) {
	shown := func(sub *cobra.Command) bool { return sub.IsAvailableCommand() || sub.Name() == "help" }
	line := func(sub *cobra.Command) {
		fmt.Fprintf(w, "\n  %-*s %s", sub.NamePadding(), sub.Name(), p.CommandHelp(helpCommand(sub), "short", sub.Short))
	}
	if len(c.Groups()) == 0 {
		fmt.Fprintf(w, "\n\n%s", p.Help("Available Commands:"))
		for _, sub := range c.Commands() {
			if shown(sub) {
				line(sub)
			}
		}
		return
	}
	for _, g := range c.Groups() {
		fmt.Fprintf(w, "\n\n%s", p.Help(g.Title))
		for _, sub := range c.Commands() {
			if sub.GroupID == g.ID && shown(sub) {
				line(sub)
			}
		}
	}
	if !c.AllChildCommandsHaveGroup() {
		fmt.Fprintf(w, "\n\n%s", p.Help("Additional Commands:"))
		for _, sub := range c.Commands() {
			if sub.GroupID == "" && shown(sub) {
				line(sub)
			}
		}
	}
}

// flagUsages lists the flags of fs as pflag does, each usage in the
// printer's language. pflag adds " (default X)" in English itself: the
// usage is marked at its end, and the default after the mark is put in
// the printer's words.
func flagUsages(c *cobra.Command, fs *pflag.FlagSet, p *lang.Printer) string {
	const mark = "\x01"
	said := pflag.NewFlagSet(c.Name(), pflag.ContinueOnError)
	said.SortFlags = fs.SortFlags
	fs.VisitAll(func(f *pflag.Flag) {
		g := *f
		g.Usage = flagUsage(c, f, p) + mark
		said.AddFlag(&g)
	})
	var out strings.Builder
	for _, line := range strings.SplitAfter(said.FlagUsages(), "\n") {
		usage, def, ok := strings.Cut(line, mark)
		if !ok {
			out.WriteString(line)
			continue
		}
		out.WriteString(usage)
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

// flagUsage is the usage of f, one of c's flags, in the printer's
// language: the usage of the command that has it (c, or the one c
// inherits it from); cobra's own -h says which command it is the help of.
func flagUsage(c *cobra.Command, f *pflag.Flag, p *lang.Printer) string {
	if name, ok := strings.CutPrefix(f.Usage, "help for "); ok && f.Name == "help" {
		return fmt.Sprintf(p.Help("help for %s"), name)
	}
	owner := c
	for o := c; o != nil; o = o.Parent() {
		if o.PersistentFlags().Lookup(f.Name) == f {
			owner = o
			break
		}
	}
	return p.FlagHelp(helpCommand(owner), f.Name, f.Usage)
}

// helpCommand is c as the catalogue names it (lang.Printer.CommandHelp):
// its path after cordon ("plan", "completion bash"), or cordon itself.
func helpCommand(c *cobra.Command) string {
	if !c.HasParent() {
		return c.Name()
	}
	return strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
}
