"""The client's address, the one way every limit reads it: allauth's log-in limits, the public
certificate check (django-ratelimit) and the SMS caps. Behind a proxy, the settings
TRUSTED_PROXY_COUNT (how many proxies append to X-Forwarded-For) or TRUSTED_CLIENT_IP_HEADER
(a header the proxy sets, e.g. X-Real-IP) say where it is; without them it is the address
that connected (README, Running in production)."""

from allauth.account.adapter import get_adapter


def client_ip(request) -> str:
    return get_adapter(request).get_client_ip(request)
