"""The question form's spam defences, all here, none from a third party.

- **Honeypot**: a field people never see (hidden by the ``hp-field`` class, aria-hidden, out of
  the tab order, no autofill) that form-filling robots do fill. Such a post is dropped without a
  word and answered with the same thank-you page, so the robot learns nothing.
- **Signed time stamp**: the form carries the time it was shown, signed with django.core.signing
  (SECRET_KEY); a post sooner than QUESTIONS_MIN_SECONDS after it (no person types a question in
  3 s), later than QUESTIONS_MAX_AGE, or with a stamp that is missing or forged is refused and
  the form comes back, with what was typed and a fresh stamp.
- **Rate limit per address**: at most QUESTIONS_RATE_LIMIT questions an hour from one client
  address, counted in the database from the address each question keeps. Not django-ratelimit:
  it needs a cache shared by every worker with atomic increments (its own documentation), and
  this portal's cache is per-process local memory, so 3 gunicorn workers would allow 3 times the
  limit; the rows are already there, the count is exact over a sliding hour and survives
  restarts, for one indexed COUNT per post. The address is portal.security.client_ip's, the
  one django-axes uses: behind TRUSTED_PROXY_COUNT proxies, a forged X-Forwarded-For moves
  nothing.
- **CSRF** is Django's; the form page is sent ``Cache-Control: private, no-cache, no-store``
  (never_cache in views.py), so no shared or page cache ever hands one person's token, or an old
  time stamp, to another.
"""

import datetime as dt
import ipaddress
import time

from django.conf import settings
from django.core import signing
from django.utils import timezone

from portal.security import client_ip

HONEYPOT_FIELD = "trang_web"
STAMP_FIELD = "mo_luc"
_SALT = "portal.questions.form-stamp"
RATE_WINDOW = dt.timedelta(hours=1)

TOO_FAST = (
    "Câu hỏi được gửi quá nhanh sau khi mở trang. Nội dung bạn gõ vẫn còn bên dưới: "
    "hãy kiểm tra lại rồi bấm “Gửi câu hỏi” một lần nữa."
)
EXPIRED = (
    "Trang gửi câu hỏi đã mở quá lâu hoặc không còn hợp lệ. Nội dung bạn gõ vẫn còn bên dưới: "
    "hãy bấm “Gửi câu hỏi” một lần nữa."
)


def new_stamp(issued_at=None):
    """The signed time the form is shown (seconds since the epoch; tests pass an earlier one)."""
    return signing.dumps(time.time() if issued_at is None else issued_at, salt=_SALT)


def form_context():
    """What templates/questions/includes/defences.html needs: the field names and a new stamp."""
    return {"honeypot_field": HONEYPOT_FIELD, "stamp_field": STAMP_FIELD, "stamp": new_stamp()}


def is_spam(request):
    """The honeypot was filled: a robot. Drop the post, say thank you."""
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def stamp_refusal(request):
    """Why the form's time stamp is refused (too fast, too old, missing, forged), or None."""
    try:
        issued = float(signing.loads(request.POST.get(STAMP_FIELD, ""), salt=_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return EXPIRED
    age = time.time() - issued
    if age < settings.QUESTIONS_MIN_SECONDS:
        return TOO_FAST
    if age > settings.QUESTIONS_MAX_AGE:
        return EXPIRED
    return None


def client_address(request):
    """The client's address as stored with the question, or None if it is not an address."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address((address or "").strip()))
    except ValueError:
        return None


def rate_refusal(request):
    """A message if this address sent QUESTIONS_RATE_LIMIT questions in the last hour."""
    from .models import Question

    since = timezone.now() - RATE_WINDOW
    recent = Question.objects.filter(
        ip_address=client_address(request), created_at__gt=since
    ).values_list("created_at", flat=True)
    times = sorted(recent)
    limit = settings.QUESTIONS_RATE_LIMIT
    if len(times) < limit:
        return None
    # The hour of the oldest counted question runs out first.
    wait = times[-limit] + RATE_WINDOW - timezone.now()
    minutes = max(1, -(-int(wait.total_seconds()) // 60))
    return (
        f"Mỗi địa chỉ mạng chỉ gửi được {limit} câu hỏi trong một giờ. Nội dung bạn gõ vẫn còn "
        f"bên dưới: hãy gửi lại sau khoảng {minutes} phút nữa."
    )


def refusal(request):
    """The first reason to refuse this post (the time stamp, then the rate), or None."""
    return stamp_refusal(request) or rate_refusal(request)
