package lang

import "strings"

// List writes items as a list in the printer's language: "express,
// relatives, reserve"; in Chinese "快递、亲友送物、保供物资".
func (p *Printer) List(items []string) string {
	return strings.Join(items, p.T("join: list"))
}

// Aside writes text with a word on it in brackets: "express (12 h)"; in
// Chinese with full-width brackets, "快递（12小时）".
func (p *Printer) Aside(text, aside string) string {
	return p.Sprintf("%s (%s)", text, aside)
}
