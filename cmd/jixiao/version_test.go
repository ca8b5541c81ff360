package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVersionLine(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	rows := []struct {
		name   string
		info   *debug.BuildInfo
		ok     bool
		want   string
		reason string
	}{
		{name: "installed", info: &debug.BuildInfo{GoVersion: "go1.22.12", Main: debug.Module{Version: "v1.4.0"}}, ok: true,
			want: "jixiao v1.4.0（go1.22.12 " + platform + "）\n", reason: "go install records the module version"},
		{name: "source", info: &debug.BuildInfo{GoVersion: "go1.22.12", Main: debug.Module{Version: "(devel)"}}, ok: true,
			want: "jixiao (devel)（go1.22.12 " + platform + "）\n", reason: "a build from a source tree says so"},
		{name: "no info", ok: false,
			want: "jixiao (devel)（" + runtime.Version() + " " + platform + "）\n", reason: "a binary without build information still answers"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			assert.NotEmpty(t, r.reason)
			assert.Equal(t, r.want, versionLine(r.info, r.ok), r.reason)
		})
	}
}

// TestVersionCommand: jixiao version and jixiao --version print the same line on stdout.
func TestVersionCommand(t *testing.T) {
	viaCmd, stderr, code := runCLI("version")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stderr)
	assert.True(t, strings.HasPrefix(viaCmd, "jixiao "), viaCmd)
	assert.Contains(t, viaCmd, "go1.", "the Go version")
	viaFlag, _, code := runCLI("--version")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, viaCmd, viaFlag, "--version is the version command")
	_, stderr, code = runCLI("version", "now")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "version 不需要参数")
}
