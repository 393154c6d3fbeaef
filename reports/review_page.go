package reports

import (
	"bytes"
	"html/template"
)

// reviewPage is what the report template shows for a review: a run's page
// with the review's sections leading, before the bottlenecks and the plots.
// Like page, every string in it is escaped by html/template.
type reviewPage struct {
	page
	Lead []reviewTable
}

// leadTemplate fills the "lead" block of the report template with the
// review's sections: a stage under its kind is indented, an observed figure
// outside its prediction interval and an alert stand out in red.
const leadTemplate = `{{define "lead"}}{{range .Lead}}<section>
<h2>{{capitalised .Title}}</h2>
{{range .Note}}<p class="note">{{capitalised .}}</p>
{{end}}{{if .Rows}}<table>
<tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr>{{range .}}<td{{if .Num}} class="num"{{end}}{{if .Indent}} style="padding-left:1.6rem"{{end}}>{{if or .Star .Alert}}<span class="verdict-worse">{{.Text}}{{if .Star}}*{{end}}</span>{{else}}{{.Text}}{{end}}</td>{{end}}</tr>
{{end}}</table>
{{end}}{{range .Foot}}<p class="note">{{capitalised .}}</p>
{{end}}</section>
{{end}}{{end}}`

// renderReviewPage fills the report template with the review's sections
// leading.
func renderReviewPage(p reviewPage) ([]byte, error) {
	t, err := template.New("report.html.tmpl").Funcs(template.FuncMap{"capitalised": capitalised}).
		ParseFS(templates, "templates/report.html.tmpl")
	if err != nil {
		return nil, err
	}
	if _, err := t.Parse(leadTemplate); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
