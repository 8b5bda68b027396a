"""A real SMTP server on localhost for the tests: it keeps what it receives and can be told to
refuse the next deliveries with a temporary error, as a busy mail server does."""

import asyncio
import socket
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, sink: "SmtpSink") -> None:
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if self.sink.rcpt_delay:
            await asyncio.sleep(self.sink.rcpt_delay)
        if self.sink._refuses(address):
            return "451 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        return self.sink._receive(envelope)


class SmtpSink:
    host = "127.0.0.1"

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self.refused = 0
        self.refused_messages: list[EmailMessage] = []
        self._failures_left = 0
        # address -> how many more times it is refused (None: until told otherwise)
        self._refused_recipients: dict[str, int | None] = {}
        self.recipient_refusals = 0
        # Seconds each RCPT takes: a slow server, so a test can stop a sender mid-batch.
        self.rcpt_delay = 0.0
        self._changed = threading.Condition()
        self._controller = Controller(_Handler(self), hostname=self.host, port=self.port)

    def start(self) -> "SmtpSink":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def _receive(self, envelope) -> str:
        message = message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default
        )
        with self._changed:
            if self._failures_left > 0:
                self._failures_left -= 1
                self.refused += 1
                self.refused_messages.append(message)
                return "451 4.3.0 Temporary failure, try again later"
            self.messages.append(message)
            self._changed.notify_all()
        return "250 OK"

    def _refuses(self, address: str) -> bool:
        with self._changed:
            if address not in self._refused_recipients:
                return False
            left = self._refused_recipients[address]
            if left is not None:
                if left <= 1:
                    del self._refused_recipients[address]
                else:
                    self._refused_recipients[address] = left - 1
            self.recipient_refusals += 1
            return True

    def refuse_recipient(self, address: str, times: int | None = None) -> None:
        """Answer RCPT TO this address with 451, `times` times or until accept_recipient()."""
        with self._changed:
            self._refused_recipients[address] = times

    def accept_recipient(self, address: str) -> None:
        with self._changed:
            self._refused_recipients.pop(address, None)

    def fail_next(self, count: int) -> None:
        """Answer the next `count` deliveries with 451 (the sender should retry)."""
        with self._changed:
            self._failures_left = count

    def clear(self) -> None:
        with self._changed:
            self.messages.clear()
            self.refused_messages.clear()
            self._failures_left = 0
            self.refused = 0
            self._refused_recipients.clear()
            self.recipient_refusals = 0
            self.rcpt_delay = 0.0

    def wait_for(self, count: int, timeout: float = 30) -> list[EmailMessage]:
        """Block until at least `count` messages arrived; fail the test after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"expected {count} e-mail(s) within {timeout}s, got {len(self.messages)}"
                    )
                self._changed.wait(left)
            return list(self.messages)

    def env(self) -> dict[str, str]:
        """The settings a separate process (the Celery worker) needs to deliver here."""
        return {
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": str(self.port),
            "EMAIL_USE_TLS": "0",
            "EMAIL_USE_SSL": "0",
        }
