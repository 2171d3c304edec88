// Command helm-render renders a Helm 3 chart without Helm: Go's text/template with the sprig function library
// and Helm's own functions (include, tpl, required, fail, toYaml, fromYaml, toJson, fromJson), .Values merged
// from the chart's values.yaml, -f files and --set flags as Helm merges them, .Release, .Chart, .Capabilities
// and .Template. It prints every rendered manifest as one multi-document YAML stream on stdout. Each document
// must be a YAML mapping; a template that fails to parse, execute or produce YAML is reported on stderr as
// one "error: ..." line naming the template, and the exit code is 1 (2 for bad arguments). NOTES.txt is
// executed (so an error in it fails as helm install would) but not printed.
//
// Build (Debian packages golang-go, golang-github-masterminds-sprig-dev, golang-k8s-sigs-yaml-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o .work/helm-render ./deploy/helm-render
//
// Use:
//
//	helm-render --chart helm/actionnet --release demo --namespace video -f my-values.yaml --set pools.t4.replicas=3
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"sigs.k8s.io/yaml"
)

// Helm's limit on nested include calls.
const maxIncludeDepth = 1000

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	options, err := parseArguments(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(2)
	}
	out, err := render(options)
	if err != nil {
		fmt.Fprintf(os.Stderr, "error: %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
		os.Exit(1)
	}
	os.Stdout.WriteString(out)
}

type renderOptions struct {
	chart       string
	release     string
	namespace   string
	valuesFiles stringList
	sets        stringList
}

func parseArguments(args []string) (renderOptions, error) {
	o := renderOptions{release: "release-name", namespace: "default"}
	for i := 0; i < len(args); i++ {
		name, value, inline := strings.Cut(args[i], "=")
		next := func() (string, error) {
			if inline {
				return value, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("%s needs a value", name)
			}
			i++
			return args[i], nil
		}
		var err error
		var v string
		switch name {
		case "--chart":
			v, err = next()
			o.chart = v
		case "--release":
			v, err = next()
			o.release = v
		case "--namespace", "-n":
			v, err = next()
			o.namespace = v
		case "-f", "--values":
			v, err = next()
			o.valuesFiles = append(o.valuesFiles, v)
		case "--set":
			v, err = next()
			o.sets = append(o.sets, v)
		default:
			return o, fmt.Errorf("unknown argument '%s'; expected --chart DIR [--release NAME] [--namespace NS] [-f FILE]... [--set a.b=c]...", args[i])
		}
		if err != nil {
			return o, err
		}
	}
	if o.chart == "" {
		return o, errors.New("--chart is required: the folder that holds Chart.yaml")
	}
	return o, nil
}

func readYamlMap(path string) (map[string]interface{}, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]interface{}{}
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if m == nil {
		m = map[string]interface{}{}
	}
	return m, nil
}

func render(o renderOptions) (string, error) {
	chartFile, err := readYamlMap(filepath.Join(o.chart, "Chart.yaml"))
	if err != nil {
		return "", err
	}
	chart := chartObject(chartFile)
	chartName, _ := chart["Name"].(string)
	if chartName == "" {
		return "", fmt.Errorf("%s: Chart.yaml has no name", o.chart)
	}

	values := map[string]interface{}{}
	if _, err := os.Stat(filepath.Join(o.chart, "values.yaml")); err == nil {
		if values, err = readYamlMap(filepath.Join(o.chart, "values.yaml")); err != nil {
			return "", err
		}
	}
	for _, file := range o.valuesFiles {
		override, err := readYamlMap(file)
		if err != nil {
			return "", err
		}
		values = mergeValues(values, override)
	}
	for _, set := range o.sets {
		override, err := parseSet(set)
		if err != nil {
			return "", err
		}
		values = mergeValues(values, override)
	}

	templatesDir := filepath.Join(o.chart, "templates")
	var files []string
	err = filepath.Walk(templatesDir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)

	root := template.New("chart")
	root.Funcs(functionMap(root))
	root.Option("missingkey=zero")
	names := make([]string, 0, len(files))
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(o.chart, file)
		name := chartName + "/" + filepath.ToSlash(rel)
		if _, err := root.New(name).Parse(string(text)); err != nil {
			return "", cleanError(err)
		}
		names = append(names, name)
	}

	top := map[string]interface{}{
		"Values": values,
		"Chart":  chart,
		"Release": map[string]interface{}{
			"Name": o.release, "Namespace": o.namespace, "Service": "Helm", "Revision": 1,
			"IsInstall": true, "IsUpgrade": false,
		},
		"Capabilities": map[string]interface{}{
			"KubeVersion": map[string]interface{}{"Version": "v1.31.0", "Major": "1", "Minor": "31", "GitVersion": "v1.31.0"},
			"APIVersions": apiVersions{},
			"HelmVersion": map[string]interface{}{"Version": "v3.16.0"},
		},
	}

	var out strings.Builder
	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasPrefix(base, "_") {
			continue
		}
		data := map[string]interface{}{}
		for k, v := range top {
			data[k] = v
		}
		data["Template"] = map[string]interface{}{"Name": name, "BasePath": chartName + "/templates"}
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, name, data); err != nil {
			return "", cleanError(err)
		}
		// helm install renders NOTES.txt too, so it must execute; its text is not a manifest.
		if strings.EqualFold(base, "NOTES.txt") {
			continue
		}
		text := strings.ReplaceAll(buf.String(), "<no value>", "")
		for i, doc := range splitDocuments(text) {
			var parsed interface{}
			if err := yaml.Unmarshal([]byte(doc), &parsed); err != nil {
				return "", fmt.Errorf("YAML parse error in %s (document %d): %v", name, i+1, err)
			}
			if parsed == nil {
				continue
			}
			m, ok := parsed.(map[string]interface{})
			if !ok {
				return "", fmt.Errorf("%s (document %d) is not a YAML mapping", name, i+1)
			}
			if _, ok := m["kind"]; !ok {
				return "", fmt.Errorf("%s (document %d) has no kind", name, i+1)
			}
			out.WriteString("---\n# Source: " + name + "\n" + strings.Trim(doc, "\n") + "\n")
		}
	}
	return out.String(), nil
}

// chartObject is Chart.yaml as Helm exposes it: top-level keys with their first letter in upper case.
func chartObject(file map[string]interface{}) map[string]interface{} {
	chart := map[string]interface{}{}
	for k, v := range file {
		if k == "" {
			continue
		}
		key := strings.ToUpper(k[:1]) + k[1:]
		if k == "apiVersion" {
			key = "APIVersion"
		}
		chart[key] = v
	}
	return chart
}

// apiVersions answers .Capabilities.APIVersions.Has like a cluster with no custom resource definitions would.
type apiVersions struct{}

// Has reports the built-in group versions only.
func (apiVersions) Has(version string) bool {
	switch strings.SplitN(version, "/", 3)[0] + "/" + strings.SplitN(version+"/", "/", 3)[1] {
	case "v1/", "apps/v1", "policy/v1", "autoscaling/v2", "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1", "batch/v1":
		return true
	}
	return false
}

func splitDocuments(text string) []string {
	var docs []string
	var current strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimRight(line, " \t") == "---" {
			docs = append(docs, current.String())
			current.Reset()
			continue
		}
		current.WriteString(line + "\n")
	}
	docs = append(docs, current.String())
	var kept []string
	for _, d := range docs {
		if strings.TrimSpace(d) != "" {
			kept = append(kept, d)
		}
	}
	return kept
}

// cleanError drops Go's repeated "executing" chains to the innermost template position and message, as Helm does.
func cleanError(err error) error {
	text := err.Error()
	if i := strings.LastIndex(text, "error calling "); i >= 0 {
		if j := strings.Index(text[i:], ": "); j >= 0 {
			position := text
			if k := strings.Index(text, ": executing"); k >= 0 {
				position = text[:k]
			}
			return fmt.Errorf("%s: %s", strings.TrimPrefix(position, "template: "), text[i+j+2:])
		}
	}
	return errors.New(strings.TrimPrefix(text, "template: "))
}

func functionMap(root *template.Template) template.FuncMap {
	functions := sprig.TxtFuncMap()
	// Helm removes these: a chart must render the same on every machine.
	delete(functions, "env")
	delete(functions, "expandenv")
	includeDepth := map[string]int{}
	functions["toYaml"] = func(v interface{}) string {
		data, err := yaml.Marshal(v)
		if err != nil {
			return ""
		}
		return strings.TrimSuffix(string(data), "\n")
	}
	functions["fromYaml"] = func(s string) map[string]interface{} {
		m := map[string]interface{}{}
		if err := yaml.Unmarshal([]byte(s), &m); err != nil {
			m["Error"] = err.Error()
		}
		return m
	}
	functions["toJson"] = func(v interface{}) string {
		data, err := yaml.Marshal(v)
		if err != nil {
			return ""
		}
		json, err := yaml.YAMLToJSON(data)
		if err != nil {
			return ""
		}
		return string(json)
	}
	functions["fromJson"] = functions["fromYaml"]
	functions["include"] = func(name string, data interface{}) (string, error) {
		if includeDepth[name] > maxIncludeDepth {
			return "", fmt.Errorf("rendering template has a nested reference name: %s", name)
		}
		includeDepth[name]++
		defer func() { includeDepth[name]-- }()
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		return buf.String(), nil
	}
	functions["tpl"] = func(text string, data interface{}) (string, error) {
		clone, err := root.Clone()
		if err != nil {
			return "", err
		}
		t, err := clone.New("tpl").Parse(text)
		if err != nil {
			return "", fmt.Errorf("cannot parse template %q: %v", text, err)
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, data); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %v", text, err)
		}
		return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
	}
	functions["required"] = func(message string, value interface{}) (interface{}, error) {
		if value == nil {
			return value, errors.New(message)
		}
		if s, ok := value.(string); ok && s == "" {
			return value, errors.New(message)
		}
		return value, nil
	}
	functions["fail"] = func(message string) (string, error) { return "", errors.New(message) }
	functions["lookup"] = func(string, string, string, string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil
	}
	return functions
}

// mergeValues merges override into base as Helm does: maps merge key by key, anything else (lists included)
// replaces, and a null in override removes the key.
func mergeValues(base, override map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(base))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range override {
		if v == nil {
			delete(out, k)
			continue
		}
		if vm, ok := v.(map[string]interface{}); ok {
			if bm, ok := out[k].(map[string]interface{}); ok {
				out[k] = mergeValues(bm, vm)
				continue
			}
		}
		out[k] = v
	}
	return out
}

// parseSet turns one --set argument (a.b=c,d[0]=e,f={x,y}, with \ escaping , . = and {) into a values map,
// typing each value as Helm does: true and false are booleans, null removes the key, and a whole integer
// without a leading zero (or 0 itself) is an int64; everything else stays a string.
func parseSet(argument string) (map[string]interface{}, error) {
	result := map[string]interface{}{}
	for _, assignment := range splitUnescaped(argument, ',', true) {
		if assignment == "" {
			continue
		}
		parts := splitUnescaped(assignment, '=', false)
		if len(parts) < 2 {
			return nil, fmt.Errorf("--set '%s': expected key=value", assignment)
		}
		key, raw := parts[0], strings.Join(parts[1:], "=")
		var value interface{}
		if strings.HasPrefix(raw, "{") && strings.HasSuffix(raw, "}") {
			var list []interface{}
			for _, item := range splitUnescaped(raw[1:len(raw)-1], ',', false) {
				list = append(list, typedValue(unescape(item)))
			}
			value = list
		} else {
			value = typedValue(unescape(raw))
		}
		if err := assign(result, splitUnescaped(key, '.', false), value, assignment); err != nil {
			return nil, err
		}
	}
	return result, nil
}

func typedValue(s string) interface{} {
	switch s {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	case "0":
		return int64(0)
	}
	if len(s) > 0 && s[0] != '0' {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
	}
	return s
}

func assign(target map[string]interface{}, path []string, value interface{}, assignment string) error {
	segment := unescape(path[0])
	name, index, isIndexed, err := splitIndex(segment)
	if err != nil {
		return fmt.Errorf("--set '%s': %v", assignment, err)
	}
	last := len(path) == 1
	if !isIndexed {
		if last {
			target[name] = value
			return nil
		}
		child, ok := target[name].(map[string]interface{})
		if !ok {
			child = map[string]interface{}{}
			target[name] = child
		}
		return assign(child, path[1:], value, assignment)
	}
	list, _ := target[name].([]interface{})
	for len(list) <= index {
		list = append(list, nil)
	}
	if last {
		list[index] = value
	} else {
		child, ok := list[index].(map[string]interface{})
		if !ok {
			child = map[string]interface{}{}
		}
		if err := assign(child, path[1:], value, assignment); err != nil {
			return err
		}
		list[index] = child
	}
	target[name] = list
	return nil
}

func splitIndex(segment string) (string, int, bool, error) {
	open := strings.Index(segment, "[")
	if open < 0 || !strings.HasSuffix(segment, "]") {
		return segment, 0, false, nil
	}
	index, err := strconv.Atoi(segment[open+1 : len(segment)-1])
	if err != nil || index < 0 {
		return "", 0, false, fmt.Errorf("list index in '%s' is not a non-negative integer", segment)
	}
	return segment[:open], index, true, nil
}

// splitUnescaped splits on sep where it is not preceded by a backslash; with braces, not inside {...}.
func splitUnescaped(s string, sep rune, braces bool) []string {
	var parts []string
	var current strings.Builder
	depth := 0
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			current.WriteRune('\\')
			current.WriteRune(r)
			escaped = false
		case r == '\\':
			escaped = true
		case braces && r == '{':
			depth++
			current.WriteRune(r)
		case braces && r == '}':
			depth--
			current.WriteRune(r)
		case r == sep && depth == 0:
			parts = append(parts, current.String())
			current.Reset()
		default:
			current.WriteRune(r)
		}
	}
	return append(parts, current.String())
}

func unescape(s string) string {
	var out strings.Builder
	escaped := false
	for _, r := range s {
		if !escaped && r == '\\' {
			escaped = true
			continue
		}
		escaped = false
		out.WriteRune(r)
	}
	return out.String()
}
