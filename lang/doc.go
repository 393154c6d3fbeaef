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
package lang
