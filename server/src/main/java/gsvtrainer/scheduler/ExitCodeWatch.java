package gsvtrainer.scheduler;

import gsvtrainer.process.ProcessLauncher;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back as soon as a followed run's exit code appears in its folder. A run process that hands
 * its run back goes on living, so its exit cannot wake the executor as a process's exit does; without
 * this its outcome would wait for the next tick. One daemon thread, on the file system's own
 * notifications (inotify); a folder it cannot follow is still found by the tick.
 */
final class ExitCodeWatch {

    private static final Logger log = LoggerFactory.getLogger(ExitCodeWatch.class);

    private final Runnable onExitCode;
    private final Map<Path, WatchKey> keys = new ConcurrentHashMap<>();
    private WatchService service;

    ExitCodeWatch(Runnable onExitCode) {
        this.onExitCode = onExitCode;
    }

    /** Calls back once the exit code of the run in {@code runDir} is written, until {@link #forget} is called. */
    void watch(Path runDir) {
        try {
            keys.put(runDir, runDir.register(service(), StandardWatchEventKinds.ENTRY_CREATE));
        } catch (IOException | ClosedWatchServiceException e) {
            log.debug("cannot follow {} for its exit code: {}", runDir, e.toString());
        }
    }

    void forget(Path runDir) {
        WatchKey key = keys.remove(runDir);
        if (key != null) {
            key.cancel();
        }
    }

    /** Ends the watching thread and forgets every folder; a later {@link #watch} starts afresh. */
    synchronized void close() {
        keys.clear();
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.debug("could not close the exit-code watch: {}", e.toString());
            }
            service = null;
        }
    }

    private synchronized WatchService service() throws IOException {
        if (service == null) {
            service = FileSystems.getDefault().newWatchService();
            WatchService opened = service;
            Thread thread = new Thread(() -> loop(opened), "exit-code-watch");
            thread.setDaemon(true);
            thread.start();
        }
        return service;
    }

    private void loop(WatchService service) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean written = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    written |= event.context() instanceof Path name && name.toString().equals(ProcessLauncher.EXIT_CODE_FILE);
                }
                key.reset();
                if (written) {
                    onExitCode.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // the service is going away
        }
    }
}
