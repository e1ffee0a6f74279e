package io.driftproof.agent.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScanRequestsTest {

    private final ScanRequests requests = new ScanRequests(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofHours(1));

    private CompletableFuture<Boolean> awaitAsync() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return requests.awaitScan();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void scansAtStartThenOnFileChangesAndRequests() throws Exception {
        assertThat(requests.awaitScan()).isTrue();

        CompletableFuture<Boolean> afterChange = awaitAsync();
        requests.fileChanged();
        assertThat(afterChange.get(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> onRequest = awaitAsync();
        requests.scanNow();
        assertThat(onRequest.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void keepsChangingFilesFromPostponingTheScanForever() throws Exception {
        requests.awaitScan();
        CompletableFuture<Boolean> scan = awaitAsync();
        // Changes every 5 ms never leave the 20 ms debounce quiet; the 200 ms maximum delay still fires.
        while (!scan.isDone()) {
            requests.fileChanged();
            Thread.sleep(5);
        }
        assertThat(scan.get()).isTrue();
    }

    @Test
    void stopEndsAWaitingScanner() throws Exception {
        requests.awaitScan();
        CompletableFuture<Boolean> waiting = awaitAsync();

        requests.stop();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isFalse();
    }
}
