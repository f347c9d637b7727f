"""A loopback HTTP server that answers every GET after a fixed delay.

Usage: python3 benches/slow_server.py PORT_FILE [DELAY_SECONDS]
Writes the port it bound to PORT_FILE, then serves until killed. Each
request gets its own thread, so concurrent requests wait concurrently.
"""

import http.server
import sys
import time

delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5


class Slow(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        time.sleep(delay)
        body = b'{"ok":true}\n'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # The default backlog (5) would make twenty simultaneous connects
    # wait for SYN retries, measuring the server instead of the client.
    request_queue_size = 128
    daemon_threads = True


server = Server(("127.0.0.1", 0), Slow)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os

os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
