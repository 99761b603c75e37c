"""SMTP AUTH XOAUTH2 for the test relay: a bearer token is accepted only when it is a JWT signed (RS256) by one of the
test identity provider's keys (its JWKS, fetched over HTTPS), issued by it, for the expected audience, unexpired, and
the user in the XOAUTH2 string is the expected mailbox. The token itself is never printed."""
import base64
import json
import ssl
import sys
import urllib.request

import jwt
from aiosmtpd.smtp import AuthResult


class XOAuth2Verifier:
    def __init__(self, jwks_url, ca_file, issuer, audience, user):
        self._jwks_url = jwks_url
        self._tls = ssl.create_default_context(cafile=ca_file)
        self._issuer = issuer
        self._audience = audience
        self._user = user
        self._keys = {}

    def _key(self, kid):
        if kid not in self._keys:  # first use, or the provider rotated its keys
            with urllib.request.urlopen(self._jwks_url, context=self._tls, timeout=10) as r:
                jwks = json.load(r)
            self._keys = {k.key_id: k.key for k in jwt.PyJWKSet.from_dict(jwks).keys}
        return self._keys[kid]

    def refusal(self, user, token):
        """None when the token is good, else a short reason (no token text)."""
        if user != self._user:
            return "user is not the expected mailbox"
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            jwt.decode(token, self._key(kid), algorithms=["RS256"], audience=self._audience, issuer=self._issuer,
                       options={"require": ["exp", "iat", "iss", "aud"]})
        except KeyError:
            return "signed with an unknown key"
        except jwt.PyJWTError as e:
            return type(e).__name__
        return None


def parse(initial):
    """user and token from base64("user=U\\x01auth=Bearer T\\x01\\x01"), or (None, None)."""
    try:
        fields = base64.b64decode(initial, validate=True).decode("utf-8").split("\x01")
    except (ValueError, UnicodeDecodeError):
        return None, None
    values = dict(f.split("=", 1) for f in fields if "=" in f)
    auth = values.get("auth", "")
    return values.get("user"), auth[len("Bearer "):] if auth.startswith("Bearer ") else None


class XOAuth2Handler:
    """Mixed into the spool handler: aiosmtpd calls handler.auth_XOAUTH2(server, args)."""
    verifier = None

    async def auth_XOAUTH2(self, server, args):
        if len(args) > 1:
            initial = args[1]
        else:
            answer = await server.challenge_auth("", encode_to_b64=False)
            initial = answer.decode("ascii", "replace") if isinstance(answer, bytes) else ""
        user, token = parse(initial)
        reason = "malformed XOAUTH2 string" if token is None else self.verifier.refusal(user, token)
        if reason is None:
            print("xoauth2 accepted", flush=True, file=sys.stderr)
            return AuthResult(success=True, auth_data=user)
        print("xoauth2 refused: %s" % reason, flush=True, file=sys.stderr)
        # aiosmtpd 1.4.3: handled=False makes it answer 535 itself.
        return AuthResult(success=False, handled=False)
