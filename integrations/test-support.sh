# What the integration tests (spark/test_spark_pipe.sh, python/test_python.sh) share: the binary
# under test, a scratch directory and a throwaway virtual environment. A test sets `name` (the
# prefix of its messages) and sources this file from the repository's root.

fail() {
  echo "$name: $*" >&2
  exit 1
}

command -v python3 >/dev/null 2>&1 || fail "python3 not found"

# The absolute path of GAZETAG_BINARY, or of a release build made now.
if [ -n "${GAZETAG_BINARY:-}" ]; then
  binary=$GAZETAG_BINARY
else
  swift build -c release
  binary=.build/release/gazetag
fi
[ -x "$binary" ] || fail "$binary is not an executable"
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

scratch=$(mktemp -d "${TMPDIR:-/tmp}/gazetag-$name.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# ensure_venv VENV CHECK PACKAGE…: unless VENV's Python runs the Python code CHECK without
# error, creates VENV and installs the PACKAGEs (pip requirement specifiers) into it.
ensure_venv() {
  local venv=$1 check=$2
  shift 2
  if ! "$venv/bin/python" -c "$check" 2>/dev/null; then
    echo "$name: installing $* into $venv"
    python3 -m venv "$venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet "$@"
  fi
}
