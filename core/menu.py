"""Where each of our items sits in the Wagtail admin's sidebar: one table, so no two collide.

Keys are the menu items' names (``menu_name`` of a viewset or group, ``name=`` of a
MenuItem); every app reads its order from here, and tests/core/test_admin_menu.py
fails when an item is missing or two share an order. Wagtail's own items keep
theirs: pages 100, images 300, documents 400, snippets 500, forms 700,
reports 9000, settings 10000, help 11000.
"""

ADMIN_MENU_ORDER = {
    "cohorts": 200,
    "attendance": 210,
    "certificates": 220,
    "assignments": 230,
    "review-queue": 240,
    "learning": 245,
    "certificate-templates": 250,
    "attendance-rules": 260,
    "evaluations": 270,
    "evaluation-results": 275,
    "programme-dashboard": 280,
    "admissions": 285,
    "organisations": 310,
    "curriculum": 8990,
    "site-chrome": 8995,
    "personal-data": 9050,
    "privacy-notices": 9060,
    "stuck-work": 9100,
}
