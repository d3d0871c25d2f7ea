#!/usr/bin/env bash
# Starts CUPS with a cups-pdf virtual printer named Rapport_PDF, as the default printer,
# so the printing test sends a real job through the operating system and reads back
# the PDF it produces (issue 3: "A real print job").
#
# For a fresh Debian machine or container, run as root: `bash scripts/ci/setup-cups.sh`.
# Safe to run again: it changes only what is not already as it should be.
# Without systemd as PID 1 (CI, containers) it starts cupsd itself.
#
# Output PDFs land in $RAPPORT_PDF_OUT/<user> (default /var/spool/cups-pdf/<user>, e.g.
# /var/spool/cups-pdf/root), with the job's title and "job_<id>" in the file name.
set -euo pipefail

PRINTER=Rapport_PDF
OUT_ROOT=${RAPPORT_PDF_OUT:-/var/spool/cups-pdf}
CONF=/etc/cups/cups-pdf.conf
BACKEND=/usr/lib/cups/backend/cups-pdf

say() { printf 'setup-cups: %s\n' "$*"; }
die() { printf 'setup-cups: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (it starts cupsd and adds a printer)"

# 1. The packages. CI installs them before calling this; a bare machine gets them here.
if ! command -v cupsd >/dev/null || ! command -v lpadmin >/dev/null || [ ! -e "$BACKEND" ]; then
  command -v apt-get >/dev/null || die "cups and printer-driver-cups-pdf are not installed, and there is no apt-get to install them"
  say "installing cups and printer-driver-cups-pdf"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends cups printer-driver-cups-pdf >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends cups printer-driver-cups-pdf >/dev/null; }
fi

# 2. cups-pdf: CUPS runs a backend as root only when nobody else can run or change it
#    (mode 0700, owned by root); otherwise it runs it as 'lp' and cups-pdf cannot write
#    into users' folders. Some package installs leave other modes behind.
chown root:root "$BACKEND"
chmod 0700 "$BACKEND"

# Output in one known folder per user instead of ~/PDF, named from the job's title
# (TitlePref 1; by default cups-pdf reads a title out of the PostScript), with the job
# id in every file name (Label) so a test can find the file its own job made.
set_conf() { # key value
  if grep -qE "^$1[[:space:]]" "$CONF"; then
    sed -i -E "s|^$1[[:space:]].*|$1 $2|" "$CONF"
  else
    printf '%s %s\n' "$1" "$2" >>"$CONF"
  fi
}
[ -f "$CONF" ] || die "$CONF is missing: is printer-driver-cups-pdf installed?"
# shellcheck disable=SC2016 # ${USER} is expanded by cups-pdf, per job, not here.
set_conf Out "$OUT_ROOT/\${USER}"
set_conf AnonDirName "$OUT_ROOT/ANONYMOUS"
set_conf Label 1
set_conf TitlePref 1
mkdir -p "$OUT_ROOT"
chmod 0755 "$OUT_ROOT"

# 3. The scheduler. systemd only when it really is PID 1; in a container the
#    systemctl command may exist while systemd does not run.
running() { lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }
if ! running; then
  if [ "$(ps -p 1 -o comm= 2>/dev/null)" = systemd ] && command -v systemctl >/dev/null; then
    say "starting cups with systemctl"
    systemctl start cups
  else
    say "starting cupsd (no systemd here)"
    mkdir -p /run/cups /var/spool/cups/tmp /var/log/cups
    # cupsd forks into the background once it is listening.
    cupsd
  fi
  for _ in $(seq 1 60); do
    running && break
    sleep 0.5
  done
fi
running || die "cupsd did not start; see /var/log/cups/error_log"
say "$(lpstat -r)"

# 4. The printer, from the cups-pdf PPD that the package installs.
if ! lpstat -p "$PRINTER" >/dev/null 2>&1; then
  ppd=$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ && /_opt\.ppd/ { print $1; exit }')
  [ -n "$ppd" ] || ppd=$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ { print $1; exit }')
  [ -n "$ppd" ] || die "no cups-pdf driver found by 'lpinfo -m'"
  say "adding $PRINTER ($ppd)"
  # lpadmin warns that PPD drivers are deprecated in CUPS 2.4; they still work.
  lpadmin -p "$PRINTER" -E -v cups-pdf:/ -m "$ppd" -D "Rapport test printer (PDF)" 2>&1 | grep -v -i deprecated || true
fi
# cups-pdf takes PostScript, so CUPS converts the PDF first. Its default converter
# (Ghostscript's ps2write) turns the embedded DejaVu text into outlines, and poppler's
# pdftops drops the text's Unicode mapping: either way the printed PDF has no readable
# text. Cairo keeps it. Letter paper, as Canadian clinics use.
lpadmin -p "$PRINTER" -o pdftops-renderer-default=pdftocairo -o media-default=na_letter_8.5x11in -o PageSize=Letter
cupsenable "$PRINTER"
cupsaccept "$PRINTER"
lpadmin -d "$PRINTER"

lpstat -p "$PRINTER" >/dev/null 2>&1 || die "$PRINTER was not created"
say "ready; PDFs go to $OUT_ROOT/<user>/"
lpstat -r -d -v "$PRINTER" -p "$PRINTER" -a "$PRINTER"
