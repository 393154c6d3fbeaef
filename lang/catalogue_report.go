package lang

// reportEntries are the headings and sentences of the report pages and
// summary.md.
func reportEntries() []entry {
	return nil
}

// plotEntries are the titles, axes, legends and captions of the figures.
func plotEntries() []entry {
	return nil
}

// summaryEntries are the lines of the terminal summary.
func summaryEntries() []entry {
	return nil
}

// errorEntries are the command line's error messages.
func errorEntries() []entry {
	return nil
}
