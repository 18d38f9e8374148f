#!/usr/bin/env bash
# Shell logic of the opsdoc GitHub Action (action.yml). Inputs arrive as environment variables,
# never spliced into the script text, so an input cannot inject shell code.
#
#   INPUT_PATHS       files or folders to check, one per line (default: .)
#   INPUT_CONFIG      configuration file (default: discover .opsdoc.yml files)
#   INPUT_FORMAT      format of the log output (default: github = pull-request annotations)
#   INPUT_FAIL_ON     error, warning, note or none (default: error)
#   INPUT_SARIF_FILE  where to write SARIF for code scanning; empty: no SARIF (default: opsdoc.sarif)
#   INPUT_CATEGORY    SARIF automationDetails.id (default: none)
#   OPSDOC_JAR        a prebuilt opsdoc.jar; otherwise the jar is built from the action's checkout
#
# The jar runs through the repository's launcher (./opsdoc, as the Docker image does): JVM flags by
# the size of the run and the start-up archive of the java that runs it (the build writes the
# AppCDS archive on Java 17, the AOT cache on java-version 25+; the launcher creates a missing one).
#
# Two runs of the jar: one writes SARIF (never failing), one prints annotations with the
# user's --fail-on; opsdoc's exit code (0, 1 findings, 2 usage/config error) is the step's.
# Outputs (GITHUB_OUTPUT): exit-code, sarif-file (absolute path, empty when not written).
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)}"
workspace="${GITHUB_WORKSPACE:-$PWD}"
format="${INPUT_FORMAT:-github}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif_file="${INPUT_SARIF_FILE-opsdoc.sarif}"

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

jar="${OPSDOC_JAR:-}"
if [ -z "$jar" ]; then
  jar="$action_path/cli/target/opsdoc.jar"
  if [ ! -f "$jar" ]; then
    echo "::group::Building opsdoc from $action_path"
    (cd "$action_path" && ./mvnw -q -B -DskipTests package -pl cli -am) >&2
    echo "::endgroup::"
  fi
fi
if [ ! -f "$jar" ]; then
  echo "::error title=opsdoc::opsdoc jar not found at $jar" >&2
  output exit-code 2
  output sarif-file ""
  exit 2
fi

cd "$workspace"

# One path per line; blank lines and surrounding spaces are ignored.
paths=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  [ -n "$line" ] && paths+=("$line")
done <<<"${INPUT_PATHS:-.}"
[ "${#paths[@]}" -eq 0 ] && paths=(.)

common=()
[ -n "${INPUT_CONFIG:-}" ] && common+=(--config "$INPUT_CONFIG")

opsdoc() {
  OPSDOC_JAR="$jar" OPSDOC_NO_BUILD=1 "$action_path/opsdoc" check "$@"
}

sarif_out=""
if [ -n "$sarif_file" ]; then
  sarif_args=(--format sarif --output "$sarif_file" --fail-on none)
  [ -n "${INPUT_CATEGORY:-}" ] && sarif_args+=(--category "$INPUT_CATEGORY")
  set +e
  opsdoc "${sarif_args[@]}" ${common[@]+"${common[@]}"} -- "${paths[@]}"
  code=$?
  set -e
  if [ "$code" -ne 0 ]; then
    output exit-code "$code"
    output sarif-file ""
    exit "$code"
  fi
  case "$sarif_file" in
    /*) sarif_out="$sarif_file" ;;
    *) sarif_out="$workspace/$sarif_file" ;;
  esac
fi

set +e
opsdoc --format "$format" --fail-on "$fail_on" ${common[@]+"${common[@]}"} -- "${paths[@]}"
code=$?
set -e
output exit-code "$code"
output sarif-file "$sarif_out"
exit "$code"
