"""The pages `make bench` drives: one row a page. Add a page by adding a row.

Columns: name, role (whose signed-in session asks for it: anonymous, officer, inspector, head,
admin), path with {placeholders} filled from bench/targets.py, and the target throughput
ratio (floor requests/s ÷ page requests/s; issue 12 item 2), None where the issue sets none.
The first row is the floor page: the login page through the same stack.
"""

FLOOR = "login page (floor)"

PAGES = [
    (FLOOR, "anonymous", "/accounts/login/", None),
    ("officer: home", "officer", "/reports/", 3),
    ("officer: report", "officer", "/reports/{officer_report}/", 3),
    ("officer: notices", "officer", "/notices/", 3),
    ("inspector: tracker (own zone)", "inspector", "/reports/tracker/?period={latest_period}", 3),
    ("inspector: review", "inspector", "/reports/{review_report}/review/", 3),
    ("inspector: meetings", "inspector", "/meetings/", 3),
    ("inspector: meeting page", "inspector", "/meetings/{zone_meeting}/", 3),
    ("inspector: print", "inspector", "/meetings/{zone_meeting}/print/", 3),
    ("inspector: Word, published", "inspector", "/meetings/{zone_meeting}/summary.docx", 2),
    ("inspector: PDF, published", "inspector", "/meetings/{zone_meeting}/summary.pdf", 2),
    ("inspector: Word, draft", "inspector", "/meetings/{draft_meeting}/summary.docx", None),
    ("inspector: PDF, draft", "inspector", "/meetings/{draft_meeting}/summary.pdf", None),
    ("officer: library", "officer", "/library/", 3),
    ("officer: library search", "officer", "/library/?q=%E0%B8%A8%E0%B8%AD%E0%B8%8A.", 3),
    ("inspector: search findings", "inspector", "/library/search/?q=%E0%B9%82%E0%B8%84%E0%B8%81", 3),
    ("inspector: trends", "inspector", "/trends/", 3),
    ("inspector: longest-running problems", "inspector", "/reports/problems/", 3),
    ("head: national view", "head", "/trends/national/", 4),
    ("head: country trends", "head", "/trends/", 4),
    ("head: tracker, all 18 zones", "head", "/reports/tracker/?period={latest_period}", 4),
    ("head: national meeting page", "head", "/meetings/{national}/", 4),
    ("head: national print", "head", "/meetings/{national}/print/", 4),
    ("head: national Word, published", "head", "/meetings/{national}/summary.docx", 2),
    ("head: national PDF, published", "head", "/meetings/{national}/summary.pdf", 2),
    ("admin: reports list", "admin", "/admin/reports/provincereport/", None),
    ("admin: findings list", "admin", "/admin/reports/finding/", None),
    ("admin: meetings list", "admin", "/admin/meetings/followupmeeting/", None),
    ("admin: users list", "admin", "/admin/auth/user/", None),
]

# The capacity search's simulated users: each signs in as one role and, after each page, thinks
# for 5-15 s (10 s on average) before the next, chosen among its role's pages below. Draft
# downloads are left out: each renders a document (seconds of CPU), and happens a few times a quarter.
CAPACITY_ROLES = {"officer": 0.70, "inspector": 0.25, "head": 0.03, "admin": 0.02}
CAPACITY_EXCLUDED = {"inspector: Word, draft", "inspector: PDF, draft"}
