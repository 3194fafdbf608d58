"""An e-mail backend for `make run`: each e-mail printed readably (Thai subject decoded, plain text)."""

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message) -> None:
        lines = [
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
            f"Subject: {message.subject}",
            f"Message-ID: {message.extra_headers.get('Message-ID', '')}",
            "",
            message.body.rstrip(),
            "-" * 79,
            "",
        ]
        self.stream.write("\n".join(lines))
