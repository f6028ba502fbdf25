#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png) from the demo university with the browser test
# fixture: the secretary's schedule page (1280×800) and a candidate's /Me page on a phone (390×844), both in Chinese.
# Needs Chromium and the CJK font from scripts/test-services.sh. The class ReadmeScreenshots is skipped unless PORTAL_SCREENSHOTS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
PORTAL_SCREENSHOTS=1 dotnet test tests/InterviewPortal.BrowserTests --filter "FullyQualifiedName~ReadmeScreenshots" \
  --logger "console;verbosity=normal"
ls -l docs/screenshots/
