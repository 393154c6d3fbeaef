package serve

import (
	"errors"
	"net/http"
)

// pageError is an error of cordon serve's own: a key of the pages'
// catalogue and its values, so that a page says it in its language
// (said); its Error method says it in English, for the log.
type pageError struct {
	key  string
	args []any
}

// refusal makes the pageError of key with its values.
func refusal(key string, args ...any) *pageError { return &pageError{key: key, args: args} }

func (e *pageError) Error() string { return english().format(e.key, e.args...) }

// said is err as a page of request r says it: cordon serve's own errors
// from the catalogue of its language, the engine's worded as the command
// line words them (errorWords).
func (s *Server) said(r *http.Request, err error) string {
	if pe, ok := errors.AsType[*pageError](err); ok {
		return s.catOf(r).format(pe.key, pe.args...)
	}
	if bn, ok := errors.AsType[*badName](err); ok {
		return s.catOf(r).format("api.badname", bn.name)
	}
	return s.errorWords(r)(err.Error())
}

// statusSaid is a job's status with why it failed worded in the language
// of request r, as the command line words the engine's errors.
func (s *Server) statusSaid(r *http.Request, st jobStatus) jobStatus {
	if st.Error != "" {
		st.Error = s.errorWords(r)(st.Error)
	}
	return st
}
