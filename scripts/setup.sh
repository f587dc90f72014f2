#!/bin/sh
# Set up the simulator in ./.venv: Graphviz's dot from the system's packages when it is
# missing, then the package (and, with "test", what the tests need, including Chromium for
# the browser tests of the HTML report). Safe to run again.
#   sh scripts/setup.sh        # to run `sim`
#   sh scripts/setup.sh test   # to run the test suite as well
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
        echo "setup: cannot run '$*' without root; install it yourself" >&2; return 1
    fi
}

apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq "$@" >/dev/null
}

if ! command -v dot >/dev/null 2>&1; then
    echo "setup: installing Graphviz (dot) for the SVG diagrams" >&2
    apt_install graphviz || echo "setup: no Graphviz; diagrams will be written as .dot only" >&2
fi

if [ "${1:-}" = "test" ] && ! command -v chromium >/dev/null 2>&1; then
    # Debian's own build: the browser tests drive it with Playwright, which downloads nothing.
    echo "setup: installing Chromium for the browser tests of the report" >&2
    apt_install chromium || echo "setup: no Chromium; the browser tests will be skipped" >&2
fi

if [ "${1:-}" = "test" ] && command -v fc-list >/dev/null 2>&1 \
    && ! fc-list | grep -qi "Noto Sans CJK"; then
    # The Chinese lessons' pages name these fonts; the browser tests screenshot them.
    echo "setup: installing Noto Sans CJK for the Chinese lessons' browser tests" >&2
    apt_install fonts-noto-cjk || echo "setup: no CJK fonts; Chinese pages may show boxes" >&2
fi

"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "setup: Python 3.11 or newer is needed (found $("$PYTHON" --version 2>&1))" >&2
    exit 2
}

if [ ! -x .venv/bin/python ]; then
    # Debian ships venv's pip bootstrap separately, as python3-venv.
    "$PYTHON" -m venv .venv 2>/dev/null || {
        rm -rf .venv
        apt_install python3-venv
        "$PYTHON" -m venv .venv
    }
fi

extra=""
[ "${1:-}" = "test" ] && extra="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$extra"
