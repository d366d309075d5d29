"""Settings of the security part (issue 8); composed with base.py in common.py.

Names already defined in base.py (INSTALLED_APPS, MIDDLEWARE, env, ...) are extended in place.
What each setting protects against, and how to change it: docs/security.md.

These apply in every environment, so a policy violation shows up in development and in the
browser tests, not first in production. HSTS, secure cookies and the HTTPS redirect only make
sense behind TLS and stay in production.py.
"""

from .base import INSTALLED_APPS, MIDDLEWARE, env

INSTALLED_APPS += [
    # django-csp: the Content-Security-Policy header and its system checks.
    "csp",
    # django-axes: failed admin logins per user name and address, and the lockout.
    "axes",
]

# Headers

# Above the page cache, so cache hits get the header too, and below the authentication
# middleware. The page cache stores what the middleware below it adds (X-Frame-Options).
MIDDLEWARE.insert(
    MIDDLEWARE.index("pagecache.middleware.PageCacheMiddleware"),
    "cms.security.SecurityHeadersMiddleware",
)


# Video players of consent embeds (portal.blocks.ConsentEmbedBlock): the provider's <iframe>
# is inserted only after the visitor's click, and only these hosts may be framed. Providers
# whose embed code is a script (social media posts) do not work under this policy.
CSP_EMBED_FRAME_HOSTS = env.list(
    "CSP_EMBED_FRAME_HOSTS",
    default=[
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
)
# Extra hosts for images. The middleware (cms.security) adds to img-src the origin of
# MAP_TILE_URL, whose tiles load after the visitor's consent, and the origins of an absolute
# MEDIA_URL or STATIC_URL (CDN, S3).
CSP_EXTRA_IMG_HOSTS = env.list("CSP_EXTRA_IMG_HOSTS", default=[])

# The public site: only the project's own scripts and styles, no inline script or style
# (the JSON-LD data block of event pages is not executed, so CSP does not apply to it).
# Scripts change element styles only through the CSSOM (element.style), which CSP allows.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_EXTRA_IMG_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_EMBED_FRAME_HOSTS],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# The Wagtail admin (and its previews and the lockout page) uses inline scripts and styles,
# so it gets its own policy: still no third-party scripts, and it may frame itself (the
# preview panel shows the page in an <iframe>).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *CSP_EXTRA_IMG_HOSTS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_EMBED_FRAME_HOSTS],
        "media-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Features no page of the portal uses; an injected frame or script cannot ask for them.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# Django's SecurityMiddleware adds these to every response (also cache hits and static files).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Cookies: never readable by scripts where no script needs them. The Secure flag is set in
# production.py (development runs on plain HTTP).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one user name
# from one address, that pair is locked out for LOGIN_LOCKOUT_MINUTES. Other users, and the
# same user from another address, can still log in; `manage.py axes_reset` lifts all locks.

# The throttle backend only checks the lockout; ModelBackend does the authentication.
AUTHENTICATION_BACKENDS = [
    "cms.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Last, as django-axes requires: it turns a flagged login attempt into the lockout response.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AXES_ENABLED = env.bool("LOGIN_THROTTLE_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
# django-axes takes hours (a float) or a timedelta; minutes are what operators think in.
AXES_COOLOFF_TIME = LOGIN_LOCKOUT_MINUTES / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.security.login_lockout_response"
# Behind the TLS proxy REMOTE_ADDR is the proxy's: set how many proxies append to
# X-Forwarded-For in front of the portal, and the visitor's address is read from there
# (cms.security.client_ip). 0 means the portal is reached directly.
LOGIN_THROTTLE_PROXY_COUNT = env.int("LOGIN_THROTTLE_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "cms.security.client_ip"
# Successful logins are in Wagtail's log already; keep only the failures.
AXES_DISABLE_ACCESS_LOG = True
# The password of a failed attempt is never stored.
AXES_SENSITIVE_PARAMETERS = ["password"]

# Uploads

# SVG is left out: an SVG file can carry scripts, and Wagtail serves it as an image.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_MB", default=10) * 1024 * 1024
# No HTML, SVG or office formats with macros; each type's content is checked against its
# extension (cms.security.SafeDocumentForm), as Wagtail checks only the extension.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_MB", default=20) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.security.SafeDocumentForm"
# Documents pass through Wagtail's view, which adds `Content-Security-Policy: default-src
# 'none'` and nosniff; only PDFs open in the browser, everything else is downloaded.
WAGTAILDOCS_SERVE_METHOD = env("WAGTAILDOCS_SERVE_METHOD", default="serve_view")
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
