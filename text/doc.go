// Package text is cordon's one place for the small pieces of text every
// layer writes to people: user text made safe for a terminal or kept on
// one line (OneLine, TermSafe, TermText), the suggestion for a name that
// is nearly right (DidYouMean, Nearest), and counts with their nouns
// (Count). It imports the standard library alone, so the kernel's users,
// the model, the loader, the reports and the command line can all use it.
package text
