package io.driftproof.collector.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftproof.collector.common.ServerClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends what is due in the outbox: claims a row (so concurrent senders on other replicas skip it),
 * sends outside any transaction, then marks it delivered or schedules the next attempt with
 * exponential backoff. At least once: a crash after sending and before marking sends it again.
 */
@ApplicationScoped
public class AlertSender {

    private static final Logger LOG = Logger.getLogger(AlertSender.class);
    private static final int BATCH = 50;
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final AlertConfig config;
    private final AlertTransport transport;
    private final ServerClock clock;
    private final ObjectMapper json;

    AlertSender(AlertConfig config, AlertTransport transport, ServerClock clock, ObjectMapper json) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.json = json;
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /** @return how many alerts this call tried to send (delivered or not) */
    public int sendDue() {
        int attempted = 0;
        for (Long id : QuarkusTransaction.requiringNew().call(this::due)) {
            if (QuarkusTransaction.requiringNew().call(() -> claim(id))) {
                attempt(id);
                attempted++;
            }
        }
        return attempted;
    }

    private List<Long> due() {
        Instant now = clock.now();
        return AlertDelivery.getEntityManager().createQuery("select d.id from AlertDelivery d where d.deliveredAt is null"
                        + " and d.attempts < :max and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)"
                        + " order by d.nextAttemptAt, d.id", Long.class)
                .setParameter("max", config.maxAttempts()).setParameter("now", now).setMaxResults(BATCH).getResultList();
    }

    private boolean claim(long id) {
        Instant now = clock.now();
        return AlertDelivery.update("claimedUntil = ?1 where id = ?2 and deliveredAt is null"
                + " and (claimedUntil is null or claimedUntil < ?3)", now.plus(CLAIM), id, now) == 1;
    }

    private void attempt(long id) {
        AlertDelivery d = QuarkusTransaction.requiringNew().call(() -> AlertDelivery.<AlertDelivery>findById(id));
        AlertConfig.Channel channel = config.channels().get(d.channel);
        String error = null;
        if (channel == null) {
            error = "channel '" + d.channel + "' is no longer configured";
        } else {
            try {
                transport.send(channel, d.payload, json.readValue(d.payload, AlertMessage.class));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(id, failure));
    }

    private void record(long id, String error) {
        AlertDelivery d = AlertDelivery.findById(id);
        Instant now = clock.now();
        d.attempts++;
        d.claimedUntil = null;
        if (error == null) {
            d.deliveredAt = now;
            d.lastError = null;
            return;
        }
        d.lastError = error;
        d.nextAttemptAt = now.plus(backoff(d.attempts));
        LOG.warnf("alert %d to channel %s failed (attempt %d of %d): %s", d.id, d.channel, d.attempts,
                config.maxAttempts(), error);
    }

    /** initialBackoff × 2^(attempts-1), at most maxBackoff. */
    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
