package org.kindred.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 server that answers from a script, one reply per request, closing each connection after
 * it; for the failures a real Kindred does not produce on demand (503, a connection dropped mid-response).
 */
final class FakeServer implements AutoCloseable {
    record Request(String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Reply(int status, Map<String, String> headers, String body, boolean dropMidBody) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
        }

        static Reply problem(int status, String code, Map<String, String> headers) {
            Map<String, String> all = new TreeMap<>(headers);
            all.put("Content-Type", "application/problem+json");
            all.put("Request-Id", "req_fake");
            return new Reply(status, all, "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status
                + ",\"code\":\"" + code + "\",\"detail\":\"scripted " + code + "\",\"request_id\":\"req_fake\"}", false);
        }

        static Reply droppedAfterHalfOf(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body, true);
        }
    }

    private final ServerSocket socket;
    private final Queue<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    FakeServer(Reply... replies) {
        script.addAll(List.of(replies));
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::serve, "fake-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                requests.add(read(connection.getInputStream()));
                Reply reply;
                synchronized (script) {
                    reply = script.isEmpty() ? Reply.problem(500, "script_exhausted", Map.of()) : script.remove();
                }
                write(reply, connection.getOutputStream());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static Request read(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Request(requestLine[0], requestLine[1], headers, body);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the request ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(Reply reply, OutputStream out) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " Scripted\r\n");
        reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, reply.dropMidBody() ? body.length / 2 : body.length);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
