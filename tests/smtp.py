"""A real SMTP server on loopback (aiosmtpd) that records, refuses or delays like real ones."""

import email
import email.policy
import socket

from aiosmtpd.controller import Controller


class RecordingHandler:
    """Keeps every accepted message; can refuse for a while, or refuse some addresses."""

    def __init__(self):
        self.messages = []
        self.temporary_failures = 0
        self.refused_addresses = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused_addresses:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.temporary_failures > 0:
            self.temporary_failures -= 1
            return "451 4.3.0 Try again later"
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(
            {"to": list(envelope.rcpt_tos), "raw": envelope.content, "message": parsed}
        )
        return "250 Message accepted"


class SmtpSink:
    """Start and stop the server; read what it received."""

    def __init__(self):
        self.handler = RecordingHandler()
        self.port = _free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    @property
    def messages(self):
        return [entry["message"] for entry in self.handler.messages]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
