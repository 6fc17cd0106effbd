package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Validator checks values against the JSON Schema of one versioned type.
type Validator struct {
	typeName string
	schema   *jsonschema.Schema
}

// NewValidator compiles the schema file of typeName (formats asserted).
func NewValidator(typeName string) (*Validator, error) {
	raw, err := File(typeName)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", typeName, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := typeName + ".json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", typeName, err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compiling schema %s: %w", typeName, err)
	}
	return &Validator{typeName: typeName, schema: s}, nil
}

// Validate marshals v to JSON and checks it against the schema.
func (v *Validator) Validate(x any) error {
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Errorf("encoding %s: %w", v.typeName, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("decoding %s: %w", v.typeName, err)
	}
	if err := v.schema.Validate(inst); err != nil {
		return fmt.Errorf("not a valid %s: %w", v.typeName, err)
	}
	return nil
}
