"""TOTP two-factor login for the admin, on django-otp.

After the password, a member of staff with a confirmed device must enter a code from it; when
the office has made it mandatory (TwoFactorSettings), staff without a device must set one up
before they can use the admin. The QR code is drawn here (segno, as SVG): nothing is loaded from
elsewhere, and the secret never leaves the site except to the staff member's own screen.
"""

from datetime import timedelta

import segno
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kopofo.ratelimit.services import hit

from .models import TwoFactorSettings

DEVICE_NAME = "Authenticator-App"
# django-otp slows down each device after a wrong code; this also ends the attempt altogether.
CODE_ATTEMPTS = 10
CODE_WINDOW = timedelta(minutes=30)


def is_required(request=None):
    return TwoFactorSettings.load(request_or_site=request).required


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user):
    """A new, unconfirmed device to enrol; made once and kept until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_code_svg(device):
    # segno writes the whole SVG itself from the otpauth:// URL; nothing in it comes from a user.
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=5, border=2))


def may_try_a_code(user):
    return hit("two_factor_code", str(user.pk), limit=CODE_ATTEMPTS, window=CODE_WINDOW)


def confirm(request, device, code):
    """Enrol `device` if `code` is right: it replaces any earlier device of the user."""
    if not device.verify_token(code):
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


def verify(request, device, code):
    if not device.verify_token(code):
        return False
    otp_login(request, device)
    return True


def reset(user):
    """Remove every device of `user` (a lost phone): the next login asks for a new one."""
    deleted, _details = TOTPDevice.objects.filter(user=user).delete()
    return deleted
