#!/usr/bin/env bash
# The validators of the files Opora installs, run as tests:
#
#   test-validators.sh desktop              desktop-file-validate on the merged .desktop
#   test-validators.sh metainfo             appstreamcli validate --no-net on the metainfo
#   test-validators.sh schema               glib-compile-schemas --strict --dry-run
#   test-validators.sh po                   POTFILES.in complete, ru.po complete (no
#                                           untranslated, no fuzzy), msgfmt --check
#   test-validators.sh ui PRELOAD_MODULE    gtk4-builder-tool validate on every ui/*.ui
#
# OPORA_SOURCE_DIR and OPORA_BUILD_DIR name the trees (meson sets them). A missing tool is a
# failure, not a skip: a validator that did not run has not passed. Only the .ui check
# needs a display; without one it is skipped (exit 77), unless OPORA_REQUIRE_DISPLAY is set.
set -uo pipefail

src=${OPORA_SOURCE_DIR:?set OPORA_SOURCE_DIR to the source tree}
build=${OPORA_BUILD_DIR:?set OPORA_BUILD_DIR to the build tree}
app_id=ru.opora.Opora

require ()
{
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "Bail out! $1 is missing: install $2 (tools/setup does)"
  exit 1
}

# Prints a line of TAP per check; the script's status is the verdict.
failures=0
n=0
ok ()
{
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n $2"
  else
    echo "not ok $n $2"
    failures=$((failures + 1))
  fi
}

finish ()
{
  echo "1..$n"
  [ "$failures" -eq 0 ]
  exit $?
}

# Runs a command, shows its output as TAP comments, reports its status.
check ()
{
  local name=$1 out status
  shift
  out=$("$@" 2>&1)
  status=$?
  [ -n "$out" ] && sed 's/^/# /' <<<"$out"
  ok "$status" "$name"
}

# The file must say Опора in Russian: the translation reached the merged file.
has_russian_name ()
{
  grep -q -- "$2" "$1" || { echo "$1 has no Russian name ($2)"; return 1; }
}

case "${1:-}" in
  desktop)
    require desktop-file-validate desktop-file-utils
    desktop=$build/resources/$app_id.desktop
    check "desktop-file-validate $app_id.desktop" desktop-file-validate "$desktop"
    check "$app_id.desktop has Name[ru]" has_russian_name "$desktop" '^Name\[ru\]=Опора$'
    ;;

  metainfo)
    require appstreamcli appstream
    metainfo=$build/resources/$app_id.metainfo.xml
    check "appstreamcli validate $app_id.metainfo.xml" \
      appstreamcli validate --no-net --pedantic "$metainfo"
    check "$app_id.metainfo.xml has a Russian name" \
      has_russian_name "$metainfo" '<name xml:lang="ru">Опора</name>'
    ;;

  schema)
    require glib-compile-schemas libglib2.0-bin
    check "glib-compile-schemas --strict $app_id.gschema.xml" \
      glib-compile-schemas --strict --dry-run "$src/resources"
    ;;

  po)
    require msgfmt gettext
    require xgettext gettext
    for po in "$src"/po/*.po; do
      check "msgfmt --check $(basename "$po")" msgfmt --check -o /dev/null "$po"
    done
    check "POTFILES.in lists every translatable file and each language translates every string" \
      "$src/tools/update-po" --check
    ;;

  ui)
    require gtk4-builder-tool libgtk-4-bin
    preload=${2:?give the validate-preload module}
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      if [ -n "${OPORA_REQUIRE_DISPLAY:-}" ]; then
        echo "Bail out! no display, but OPORA_REQUIRE_DISPLAY is set: run under Xvfb"
        exit 1
      fi
      echo "1..0 # SKIP gtk4-builder-tool validate needs a display"
      exit 77
    fi
    [ -f "$preload" ] || { echo "Bail out! $preload is not built"; exit 1; }
    for ui in "$src"/ui/*.ui; do
      check "gtk4-builder-tool validate $(basename "$ui")" \
        env LD_PRELOAD="$preload" timeout 60 gtk4-builder-tool validate "$ui"
    done
    ;;

  *)
    echo "usage: $0 desktop|metainfo|schema|po|ui [PRELOAD_MODULE]" >&2
    exit 2
    ;;
esac

finish
