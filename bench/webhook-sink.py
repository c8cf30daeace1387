"""A webhook receiver for the fault scripts: answers 204 to every POST and counts them (GET /count)."""
import http.server, sys, threading

count = 0
lock = threading.Lock()


class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver would

    def do_POST(self):
        global count
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        with lock:
            count += 1
        self.send_response(204)
        self.end_headers()

    def do_GET(self):
        body = str(count).encode()
        self.send_response(200)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Sink).serve_forever()
