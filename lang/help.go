package lang

import (
	"crypto/sha256"
	"encoding/hex"
)

// helpPrefix begins the key of a text of the command line's help: the
// text's id (see the package's doc) or, for cobra's words, their English.
const helpPrefix = "help:"

// Help is s, one of the words cobra writes in the help (a heading, "help
// for %s", " (default %s)"), in the printer's language: the catalogue's
// text as it is (a % in it is no verb), or s itself when the catalogue
// has none.
func (p *Printer) Help(s string) string {
	if t, ok := p.formats[helpPrefix+s]; ok {
		return t
	}
	return s
}

// CommandHelp is a command's text (field "short", "long" or "example"),
// whose English is en, in the printer's language: en when the printer
// writes English or the catalogue has no text for it. command is the
// command's path after "cordon" ("plan", "completion bash"), or "cordon"
// for cordon itself.
func (p *Printer) CommandHelp(command, field, en string) string {
	if t, ok := p.CommandTranslation(command, field); ok {
		return t.Text
	}
	return en
}

// FlagHelp is the usage of a command's --flag, whose English is en, in
// the printer's language; as CommandHelp.
func (p *Printer) FlagHelp(command, flag, en string) string {
	if t, ok := p.FlagTranslation(command, flag); ok {
		return t.Text
	}
	return en
}

// HelpTranslation is a text of the help in the catalogue: its key, the
// text, and Of, the Fingerprint of the English it was translated from.
type HelpTranslation struct {
	Key, Text, Of string
}

// CommandTranslation is the catalogue's text of a command's field
// ("help:plan.long"); false when the printer writes English or the
// catalogue has none.
func (p *Printer) CommandTranslation(command, field string) (HelpTranslation, bool) {
	return p.helpTranslation(helpPrefix + command + "." + field)
}

// FlagTranslation is the catalogue's text of the usage of a command's
// --flag: the command's own ("help:plan --target"), else the one of
// every command that has none of its own ("help:--csv").
func (p *Printer) FlagTranslation(command, flag string) (HelpTranslation, bool) {
	if t, ok := p.helpTranslation(helpPrefix + command + " --" + flag); ok {
		return t, true
	}
	return p.helpTranslation(helpPrefix + "--" + flag)
}

func (p *Printer) helpTranslation(key string) (HelpTranslation, bool) {
	of, ok := p.translated[key]
	if !ok {
		return HelpTranslation{}, false
	}
	return HelpTranslation{Key: key, Text: p.formats[key], Of: of}, true
}

// Fingerprint is the fingerprint of an English text of the help: the
// first 8 hex digits of its SHA-256. The catalogue keeps, with each
// command's text and flag's usage, the fingerprint of the English it
// translates, so that a test finds the English changed since.
func Fingerprint(en string) string {
	sum := sha256.Sum256([]byte(en))
	return hex.EncodeToString(sum[:4])
}
