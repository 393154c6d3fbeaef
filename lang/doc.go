// Package lang is the language cordon writes to people in: English, the
// default, or Simplified Chinese (--lang zh-CN, or a LANG, LC_ALL or
// LC_MESSAGES that starts with zh). A Printer, made once by the command
// line and passed down to the summary, the reports and their plots, holds
// the language and its message catalogue (golang.org/x/text, built in code
// with catalog.NewBuilder); it translates the reports' sentences, the
// KPIs' labels and descriptions (keyed by KPI name), the labels of the
// settable paths, and writes durations the way people read them
// ("1 h 34 min", "1小时34分钟").
//
// English text is the catalogue's key: a sentence with no Chinese entry is
// written in English.
//
// The command line's help is keyed by where a text stands, not by its
// English, which stays with the commands (cmd/cordon, and cobra's own):
// "help:" then the command's path after cordon ("plan", "completion
// bash"; "cordon" for cordon itself) and ".short", ".long" or ".example"
// for its descriptions and example ("help:plan.long"), or " --" and a
// flag's name for the flag's usage ("help:plan --target"). "help:--" and
// a flag's name ("help:--csv") is the usage of that flag on every command
// without one of its own. Each of these texts holds the Fingerprint of the
// English it translates: when the English changes, the test of the help
// (cmd/cordon) fails until the Chinese is revised and its fingerprint set
// anew. Cobra's words (its headings) are keyed by their English after
// "help:".
package lang
