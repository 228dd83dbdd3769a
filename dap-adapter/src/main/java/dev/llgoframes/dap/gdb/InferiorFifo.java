package dev.llgoframes.dap.gdb;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The inferior's terminal: a named pipe given to gdb as {@code inferior-tty}, so the program's
 * stdout and stderr never mix with MI. Java cannot open a pty without native code; a FIFO is
 * the robust substitute. Costs: stdout and stderr arrive merged, the program has no controlling
 * terminal (gdb warns about that inside the pipe; the warning is dropped here) and its stdin
 * reads from the same pipe, i.e. it sees no input.
 *
 * <p>The pipe is opened read-write, so opening never blocks and the reader never sees EOF
 * between runs; {@link #close()} wakes it with one byte.
 */
public final class InferiorFifo implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InferiorFifo.class.getName());
    private static final String TTY_WARNING = "&\"warning: GDB: Failed to set controlling terminal";

    private final Path dir;
    private final Path fifo;
    private final RandomAccessFile file;
    private final FileInputStream in;
    private final Consumer<String> sink;
    private final Thread reader;
    private volatile boolean closing;
    private volatile boolean busy;
    private boolean firstLineChecked;
    private final StringBuilder firstLine = new StringBuilder();

    private InferiorFifo(Path dir, Path fifo, Consumer<String> sink) throws IOException {
        this.dir = dir;
        this.fifo = fifo;
        this.file = new RandomAccessFile(fifo.toFile(), "rw");
        this.in = new FileInputStream(file.getFD());
        this.sink = sink;
        this.reader = new Thread(this::readLoop, "inferior-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static InferiorFifo create(Consumer<String> sink) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("llgo-dap-tty");
            Path fifo = dir.resolve("tty");
            Process p = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).redirectErrorStream(true).start();
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new GdbException("mkfifo failed: " + msg);
            }
            return new InferiorFifo(dir, fifo, sink);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new GdbException("cannot create the inferior's output pipe: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(dir);
            throw new GdbException("interrupted while creating the inferior's output pipe");
        }
    }

    public Path path() { return fifo; }

    private void readLoop() {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] buf = new byte[8192];
        ByteBuffer bytes = ByteBuffer.allocate(8192 + 8);
        try {
            while (true) {
                int n = in.read(buf);
                if (n < 0 || closing) {
                    return;
                }
                busy = true;
                bytes.put(buf, 0, n).flip();
                CharBuffer chars = CharBuffer.allocate(n + 8);
                dec.decode(bytes, chars, false);
                bytes.compact();
                chars.flip();
                deliver(chars.toString());
                busy = false;
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.warning("inferior output pipe failed: " + e.getMessage());
            }
        } finally {
            busy = false;
        }
    }

    private void deliver(String text) {
        if (firstLineChecked) {
            emit(text);
            return;
        }
        firstLine.append(text);
        int nl = firstLine.indexOf("\n");
        if (nl < 0 && firstLine.length() < TTY_WARNING.length()) {
            return;
        }
        firstLineChecked = true;
        String all = firstLine.toString();
        firstLine.setLength(0);
        if (all.startsWith(TTY_WARNING) && nl >= 0) {
            all = all.substring(nl + 1);
        }
        emit(all);
    }

    private void emit(String text) {
        if (!text.isEmpty()) {
            try {
                sink.accept(text);
            } catch (RuntimeException e) {
                LOG.warning("output sink failed: " + e);
            }
        }
    }

    /**
     * Waits until what the program wrote has been delivered (FIONREAD on the pipe says 0), so
     * output goes out before the exit event.
     */
    public void drain(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (System.nanoTime() < deadline && (in.available() > 0 || busy)) {
                Thread.sleep(10);
            }
            if (!firstLineChecked && firstLine.length() > 0 && !firstLine.toString().startsWith(TTY_WARNING.substring(0, Math.min(TTY_WARNING.length(), firstLine.length())))) {
                firstLineChecked = true;
                emit(firstLine.toString());
                firstLine.setLength(0);
            }
        } catch (IOException ignored) {
            // closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            file.write('\n');
        } catch (IOException ignored) {
            // the reader is gone already
        }
        try {
            reader.join(1000);
            file.close();
        } catch (IOException ignored) {
            // nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir; best effort
        }
    }
}
