"""End-to-end journeys in Debian's Chromium, driven by Playwright for Python."""
