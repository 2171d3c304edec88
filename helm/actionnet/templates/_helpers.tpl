{{- define "actionnet.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "actionnet.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "actionnet.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "actionnet.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "actionnet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "actionnet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: silo
{{- end }}

{{- define "actionnet.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "actionnet.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The API host's pods: same name and instance as the silos, component api. */}}
{{- define "actionnet.apiSelectorLabels" -}}
app.kubernetes.io/name: {{ include "actionnet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: api
{{- end }}

{{- define "actionnet.apiLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "actionnet.apiSelectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The pod and container security settings every ActionNet pod runs with: uid 10001, nothing writable but its volumes. */}}
{{- define "actionnet.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "actionnet.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
{{- end }}

{{- define "actionnet.secretName" -}}
{{- default (printf "%s-storage" (include "actionnet.fullname" .)) .Values.storage.existingSecret }}
{{- end }}


{{- define "actionnet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "actionnet.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The pools that are enabled, as a dict name -> spec. */}}
{{- define "actionnet.enabledPools" -}}
{{- $pools := dict }}
{{- range $name, $spec := .Values.pools }}
{{- if $spec.enabled }}
{{- $_ := set $pools $name $spec }}
{{- end }}
{{- end }}
{{- toYaml $pools }}
{{- end }}

{{/* The API host's image: api.image.repository, and its tag or the chart's appVersion. */}}
{{- define "actionnet.apiImage" -}}
{{- printf "%s:%s" .Values.api.image.repository (default .Chart.AppVersion .Values.api.image.tag) }}
{{- end }}

{{/* A pool's image: pools.<name>.image.repository/tag over image.repository/tag. Call with (list $ $spec.image). */}}
{{- define "actionnet.poolImage" -}}
{{- $root := index . 0 }}
{{- $image := default dict (index . 1) }}
{{- printf "%s:%s" (default $root.Values.image.repository $image.repository) (default (default $root.Chart.AppVersion $root.Values.image.tag) $image.tag) }}
{{- end }}

{{/* Whether a pool is scaled by KEDA or an HPA: "true" or "". Call with (list $ $spec.autoscale). */}}
{{- define "actionnet.autoscaled" -}}
{{- $root := index . 0 }}
{{- if and $root.Values.autoscaling.enabled (index . 1) }}true{{ end }}
{{- end }}
