"""A mail server that accepts connections and never says a word: what hung the worker before."""

import socket
import threading


class SilentServer:
    """Listens on a free local port, accepts every connection and never answers.

    `connected` is set once a client connected: the client now waits for the greeting.
    """

    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.connected = threading.Event()
        self._connections = []
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while True:
            try:
                connection, _address = self._listener.accept()
            except OSError:  # closed by __exit__
                return
            self._connections.append(connection)
            self.connected.set()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._listener.close()
        for connection in self._connections:
            connection.close()
        self._thread.join(timeout=5)
