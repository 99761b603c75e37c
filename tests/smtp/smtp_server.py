#!/usr/bin/python3
"""Throw-away SMTP relay for the mail tests: STARTTLS and AUTH mandatory, messages spooled as files.

Run with the Debian interpreter (it has python3-aiosmtpd):

    /usr/bin/python3 tests/smtp/smtp_server.py --port 2525 --cert c.pem --key k.pem \
        --user ejv --password secret --spool /tmp/spool

Prints "ready <port>" on stdout once it listens. Each accepted message becomes <n>.eml in the
spool folder (written to a temp name, then renamed). Fault injection: a file control.json in the
spool folder is read on every DATA command:
    {"tempfail": 2}  the next 2 messages get "451 4.3.0 try again"
    {"permfail": 1}  the next message gets "554 5.7.1 rejected"
    {"rcpt_tempfail": 1}  the next recipient gets "450 4.2.1 mailbox busy" (read on every RCPT)
    {"rcpt_permfail": 1}  the next recipient gets "550 5.1.1 no such user"
The counters are decremented as they are used. SIGTERM or SIGINT stops the server.
With --plain the server offers neither STARTTLS nor AUTH (an old internal relay); with --implicit-tls it speaks
TLS from the first byte (port 465 style) instead of STARTTLS. With --oauth-jwks-url (and --oauth-ca, --oauth-issuer,
--oauth-audience) AUTH offers only XOAUTH2 and accepts a token only from the test identity provider (xoauth2.py).
"""
import argparse
import collections
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from xoauth2 import XOAuth2Handler, XOAuth2Verifier


class UpperCaseAuthSMTP(SMTP):
    """aiosmtpd 1.4.3 matches mechanism names case-sensitively (some clients send 'AUTH login'), and limits a command
    line to 1001 bytes (512 for the command): an XOAUTH2 initial response carrying a JWT is longer."""
    line_length_limit = 16384
    command_size_limit = 16384
    command_size_limits = collections.defaultdict(lambda: 16384)

    async def smtp_AUTH(self, arg):
        if arg:
            parts = arg.split(" ", 1)
            parts[0] = parts[0].upper()
            arg = " ".join(parts)
        return await super().smtp_AUTH(arg)


class AuthController(Controller):
    def factory(self):
        return UpperCaseAuthSMTP(self.handler, **self.SMTP_kwargs)


class Authenticator:
    def __init__(self, user, password):
        self._user = user.encode()
        self._password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == self._user
              and auth_data.password == self._password)
        if ok:
            return AuthResult(success=True)
        # handled=False makes aiosmtpd answer 535 itself; handled=True would leave the client hanging.
        return AuthResult(success=False, handled=False)


DATA_FAULTS = (("tempfail", "451 4.3.0 try again"), ("permfail", "554 5.7.1 rejected"))
RCPT_FAULTS = (("rcpt_tempfail", "450 4.2.1 mailbox busy"), ("rcpt_permfail", "550 5.1.1 no such user"))


class SpoolHandler(XOAuth2Handler):
    def __init__(self, spool):
        self._spool = spool
        self._counter = len([f for f in os.listdir(spool) if f.endswith(".eml")])

    def _take_fault(self, faults):
        path = os.path.join(self._spool, "control.json")
        try:
            with open(path, encoding="utf-8") as f:
                control = json.load(f)
        except (FileNotFoundError, ValueError):
            return None
        for key, reply in faults:
            if int(control.get(key, 0)) > 0:
                control[key] = int(control[key]) - 1
                write_atomically(path, json.dumps(control).encode("utf-8"))
                return reply
        return None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        fault = self._take_fault(RCPT_FAULTS)
        if fault:
            return fault
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        fault = self._take_fault(DATA_FAULTS)
        if fault:
            return fault
        self._counter += 1
        target = os.path.join(self._spool, "%d.eml" % self._counter)
        write_atomically(target, envelope.original_content)
        return "250 2.0.0 OK queued as %d" % self._counter


def write_atomically(path, data):
    temp = path + ".tmp"
    with open(temp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)


def security(args):
    if args.plain:
        return {}
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)
    auth = dict(auth_required=True, auth_require_tls=True)
    if args.oauth_jwks_url:
        # Only XOAUTH2: the password mechanisms are not offered at all.
        auth.update(auth_exclude_mechanism=["LOGIN", "PLAIN"])
    else:
        auth.update(authenticator=Authenticator(args.user, args.password))
    if args.implicit_tls:
        # aiosmtpd 1.4.3 does not count implicit TLS (the controller's ssl_context) as TLS for auth_require_tls and would
        # not offer AUTH at all; the connection is TLS from the first byte, so the requirement is met.
        auth.update(auth_require_tls=False)
        return dict(ssl_context=tls, **auth)
    return dict(tls_context=tls, require_starttls=True, **auth)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--spool", required=True)
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="stop when stdin closes, so the server dies with a crashed test host")
    parser.add_argument("--plain", action="store_true",
                        help="no STARTTLS and no AUTH: an old-style internal relay (tests the refusals)")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte instead of STARTTLS")
    parser.add_argument("--oauth-jwks-url", help="XOAUTH2 only: the identity provider's JWKS (https)")
    parser.add_argument("--oauth-ca", help="the identity provider's TLS certificate")
    parser.add_argument("--oauth-issuer", help="the iss every token must carry")
    parser.add_argument("--oauth-audience", help="the aud every token must carry")
    args = parser.parse_args()

    os.makedirs(args.spool, exist_ok=True)
    handler = SpoolHandler(args.spool)
    if args.oauth_jwks_url:
        handler.verifier = XOAuth2Verifier(args.oauth_jwks_url, args.oauth_ca, args.oauth_issuer, args.oauth_audience, args.user)
    controller = AuthController(handler, hostname="127.0.0.1", port=args.port,
                                enable_SMTPUTF8=False, **security(args))
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if args.exit_on_stdin_eof:
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print("ready %d" % args.port, flush=True)
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
