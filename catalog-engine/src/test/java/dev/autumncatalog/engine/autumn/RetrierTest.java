package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.RPC;
import static dev.autumncatalog.engine.autumn.Recordings.byCase;
import static dev.autumncatalog.engine.autumn.Responses.error;
import static dev.autumncatalog.engine.autumn.Responses.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Retrier}: what is repeated, after how long, and what is not. */
class RetrierTest extends ClientFixture {

    @Test
    void read_429_honoursRetryAfter() throws Exception {
        routes.next(Responses.tooMany(3));
        routes.next(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));

        assertThat(client.featureUsage("api_calls").planItemCount()).isEqualTo(5);

        assertThat(clock.sleeps()).contains(Duration.ofSeconds(3));
        assertThat(events.retries()).singleElement().satisfies(retry -> {
            assertThat(retry.reason()).isEqualTo("429");
            assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void read_429_retryAfterTooLong_failsAtOnce() {
        routes.next(Responses.tooMany(3600));

        assertThatThrownBy(() -> client.featureUsage("api_calls"))
                .isInstanceOfSatisfying(AutumnRateLimitException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.code()).isNull();
                    assertThat(e.autumnMessage()).isEqualTo("Too many requests, please try again later.");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void read_503ThenReset_retriedWithGrowingJitteredBackoff() throws Exception {
        routes.next(error(503, "internal_error", "busy"));
        routes.next(Responses.reset());
        routes.next(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));

        assertThat(client.featureUsage("api_calls").productName()).isEqualTo("Free");

        assertThat(server.getRequestCount()).isEqualTo(3);
        // equal jitter at 0.5: 500 ms → 375 ms, 1 s → 750 ms
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
        assertThat(events.retries())
                .extracting(ClientListener.RetryEvent::reason)
                .first()
                .isEqualTo("503 internal_error");
        assertThat(events.retries().get(1).reason()).startsWith("I/O: ");
    }

    @Test
    void read_retriesExhausted_serverException() {
        for (int i = 0; i < 5; i++) {
            routes.next(error(502, "internal_error", "bad gateway"));
        }

        assertThatThrownBy(() -> client.planHasCustomers("pro"))
                .isInstanceOfSatisfying(AutumnServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.entityId()).isEqualTo("pro");
                    assertThat(e.route()).isEqualTo("/v1/products/pro/deletion_info");
                });
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void read_connectionRefused_transportException() throws Exception {
        int port = server.getPort();
        server.close();
        AutumnHttpClient offline = new AutumnHttpClient(config().baseUrl("http://127.0.0.1:" + port + "/v1")
                .maxRetries(1)
                .build());

        assertThatThrownBy(offline::fetchCatalog).isInstanceOfSatisfying(AutumnTransportException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("failed without an answer");
        });
        offline.close();
    }

    @Test
    void backoff_capsAtMax() {
        Retrier retrier = new Retrier(client.config(), null, null);
        assertThat(retrier.backoff(1)).isEqualTo(Duration.ofMillis(375));
        assertThat(retrier.backoff(2)).isEqualTo(Duration.ofMillis(750));
        assertThat(retrier.backoff(3)).isEqualTo(Duration.ofMillis(1500));
        assertThat(retrier.backoff(20)).isEqualTo(Duration.ofMillis(22_500));
        assertThat(retrier.backoff(100)).isEqualTo(Duration.ofMillis(22_500));
    }

    @Test
    void update_429_retriedWithoutReRead() throws Exception {
        routes.next(Responses.tooMany(1));
        routes.next(recorded(byCase(RPC, "features_update_archive")));

        client.archiveFeature("legacy_flag", true);

        assertThat(take().getRequestLine()).isEqualTo("POST /v1/features.update HTTP/1.1");
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/features.update HTTP/1.1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void update_invalidInputs_notRetried() {
        routes.next(recorded(byCase(RPC, "plans_update_group_null")));

        assertThatThrownBy(() -> client.updatePlan(Catalogs.PRO, false, VersionChoice.CREATE_VERSION))
                .isExactlyInstanceOf(AutumnApiException.class)
                .hasMessageContaining("answered 400 invalid_inputs: group: must be a string (received null)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void delete_firstAttempt404_notFound() {
        routes.next(recorded(byCase(RPC, "plans_delete_unknown")));

        assertThatThrownBy(() -> client.deletePlan("no_such_plan"))
                .isInstanceOfSatisfying(AutumnNotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("product_not_found");
                    assertThat(e.entityId()).isEqualTo("no_such_plan");
                });
    }

    @Test
    void deleteFeature_stillUsed_conflict() {
        routes.next(recorded(byCase(RPC, "features_delete_used")));

        assertThatThrownBy(() -> client.deleteFeature("seats"))
                .isInstanceOfSatisfying(AutumnConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("invalid_request");
                    assertThat(e.autumnMessage()).contains("used in a product");
                });
    }

    @Test
    void a429_slowsEveryCallDown_thenThePaceComesBack() throws Exception {
        routes.next(Responses.tooMany(1));
        for (int i = 0; i < 3; i++) {
            routes.next(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));
        }

        client.featureUsage("api_calls");
        client.featureUsage("api_calls");
        client.featureUsage("api_calls");

        // The 429's own retry after Retry-After; then the next call at the halved pace (12/s, not 24/s); each answer
        // that is not a 429 brings the pace back up by 1/rate: the third call waits for 12.083/s.
        assertThat(clock.sleeps())
                .containsExactly(Duration.ofSeconds(1), Duration.ofNanos(83_333_334), Duration.ofNanos(82_758_621));
        assertThat(events.all).contains("throttled PT0.083333334S");
    }

    @Test
    void rateLimited_afterEveryRetry_hintNamesTheSettingUsersCanChange() {
        for (int i = 0; i < 5; i++) {
            routes.next(Responses.tooMany(1));
        }

        assertThatThrownBy(() -> client.featureUsage("api_calls"))
                .isInstanceOfSatisfying(AutumnRateLimitException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.REQUESTS_PER_SECOND);
                    assertThat(e.hint())
                            .isEqualTo("Autumn allows 25 requests per second per org and environment, and other"
                                    + " clients of the org count too; lower requestsPerSecond (now 24)");
                });
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void callTimeout_aRetryThatWouldComeAfterIt_isNotWaitedFor() {
        for (int i = 0; i < 5; i++) {
            routes.next(error(503, "internal_error", "busy"));
        }
        use(config().callTimeout(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> client.featureUsage("api_calls"))
                .isInstanceOfSatisfying(AutumnDeadlineException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.CALL_TIMEOUT);
                    assertThat(e.getCause()).isInstanceOf(AutumnServerException.class);
                })
                .hasMessageContaining("gave up after 375 ms and 2 attempts, the deadline of one call (callTimeout ="
                        + " 1 s, retries included); the last attempt: GET /v1/features/api_calls/deletion_info"
                        + " (api_calls) answered 503 internal_error: busy;");
        assertThat(clock.sleeps())
                .as("375 ms, then 750 ms would pass the deadline")
                .containsExactly(Duration.ofMillis(375));
    }
}
