package scenarios

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Rewrite returns the scenario file data with the overrides written into
// it, its comments and layout kept as far as YAML allows, for saving a
// changed scenario (a plan) as a file to edit and run. The result is checked
// by loading it: it holds the same scenario that Load(name, data,
// overrides...) gives, or Rewrite returns that load's errors.
func Rewrite(name string, data []byte, overrides ...Override) ([]byte, error) {
	if _, err := Load(name, data, overrides...); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("%s: not one YAML document", name)
	}
	errs := &collector{}
	d := newDecoder(name, errs, map[*yaml.Node]string{})
	root := doc.Content[0]
	for _, o := range overrides {
		applyOverride(d, &root, o)
	}
	if !errs.empty() {
		return nil, errs.errors()
	}
	doc.Content[0] = root
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
