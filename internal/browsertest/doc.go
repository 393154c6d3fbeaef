// Package browsertest starts headless Chromium for the tests that open
// cordon's pages (the report folders and cordon serve): where the browser
// is, the flags a machine without network needs, and the browser's output
// kept for a failing test. Tests only.
package browsertest
