# schemathesis (PyPI), the property-based API tester the fuzz test of the served OpenAPI document runs
# (test/e2e/api-fuzz.test.ts). A virtualenv of its own in the cache, so it never disturbs Temporal's.

SCHEMATHESIS_VERSION=4.32.5
SCHEMATHESIS_ENV="$CACHE_DIR/schemathesis"
SCHEMATHESIS_BIN="$SCHEMATHESIS_ENV/bin/st"

ensure_schemathesis() {
  if [ -x "$SCHEMATHESIS_BIN" ] && "$SCHEMATHESIS_BIN" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    return 0
  fi
  command -v python3 >/dev/null || die "python3 is needed to install schemathesis from PyPI"
  say "installing schemathesis==$SCHEMATHESIS_VERSION into $SCHEMATHESIS_ENV"
  [ -x "$SCHEMATHESIS_ENV/bin/pip" ] || python3 -m venv "$SCHEMATHESIS_ENV" || die "python3 -m venv failed"
  "$SCHEMATHESIS_ENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >&2 ||
    die "pip install of schemathesis failed"
}
