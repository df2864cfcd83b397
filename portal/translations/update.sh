#!/bin/sh
# English catalog: extract every msgid, merge it into messages.po, compile messages.mo.
# Usage (from anywhere): sh portal/translations/update.sh
# Then translate the new/fuzzy entries in portal/translations/en/LC_MESSAGES/messages.po, run the
# script again (it compiles), and commit the .po and the .mo (tests/portal/test_i18n.py fails while
# an entry is untranslated or fuzzy, or the .mo is older than the .po).
set -eu
cd "$(dirname "$0")/../.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
DIR=portal/translations
# --ignore-dirs replaces pybabel's default (".* _*"), which would skip portal/templates/_macros.
"$PYBABEL" extract -F babel.cfg -k _l -k lazy_gettext -k gettext_vi -k ngettext_vi:1,2 -w 100 --ignore-dirs ".* node_modules instance" \
    --project "Cong Dan chu co so" --copyright-holder "" -o "$DIR/messages.pot" .
if [ -f "$DIR/en/LC_MESSAGES/messages.po" ]; then
    "$PYBABEL" update -i "$DIR/messages.pot" -d "$DIR" -l en -w 100 --ignore-obsolete
else
    "$PYBABEL" init -i "$DIR/messages.pot" -d "$DIR" -l en -w 100
fi
"$PYBABEL" compile -d "$DIR" -l en --statistics
