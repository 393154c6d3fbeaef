package lang

// helpPrefix begins the key of a text of the command line's help: its
// English after it.
const helpPrefix = "help:"

// Help is s, a text of the command line's help (a command's description,
// a flag's usage, a heading of cobra's), in the printer's language: the
// catalogue's text as it is (a % in it is no verb), or s itself when the
// catalogue has none.
func (p *Printer) Help(s string) string {
	if t, ok := p.formats[helpPrefix+s]; ok {
		return t
	}
	return s
}

// HasHelp says whether the catalogue has s, a text of the help, in the
// printer's language.
func (p *Printer) HasHelp(s string) bool { return p.known[helpPrefix+s] }
