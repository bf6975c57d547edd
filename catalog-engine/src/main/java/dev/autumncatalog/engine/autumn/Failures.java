package dev.autumncatalog.engine.autumn;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every exception the client throws, worded in one place: what was attempted (method, route, entity), what came back,
 * and what to do. Anything quoted from an answer or an I/O failure is scrubbed of the key here ({@link Redaction}),
 * then cut to a readable length.
 */
final class Failures {
    private static final int MAX_MESSAGE = 500;

    private final AutumnClientConfig config;

    Failures(AutumnClientConfig config) {
        this.config = config;
    }

    /** The typed exception for an answer that is not a success, or for none. */
    AutumnApiException failure(Op op, Answer answer, CallBudget budget) {
        String route = op.route(config.baseUrl());
        if (answer.tooLarge >= 0) {
            return tooLarge(op, answer);
        }
        if (answer.status == 0) {
            if (answer.expired != null) {
                return deadline(op, answer.expired, budget);
            }
            return new AutumnTransportException(
                    op.method,
                    route,
                    op.entityId,
                    0,
                    null,
                    scrub(answer.ioFailure.toString()),
                    "check the network and the base URL " + base(),
                    Redaction.scrubFailure(answer.ioFailure, config.secretKey()));
        }
        int status = answer.status;
        String code = scrub(answer.code);
        String message = scrub(answer.message);
        if (answer.parseFailure != null) {
            return new AutumnApiException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    null,
                    message,
                    answer.garbled
                            ? "the answer is cut or corrupted JSON; run again, and if it persists, the server at "
                                    + base() + " may not be Autumn's API"
                            : "the answer is not JSON; the server at " + base() + " may not be Autumn's API",
                    null);
        }
        if (status >= 300 && status < 400) {
            String location = scrub(answer.location);
            return new AutumnApiException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    code,
                    message,
                    "a redirect" + (location == null ? "" : " to " + abbreviate(location))
                            + ", which the client does not follow: the key would go along; if the new address is"
                            + " Autumn's, set the base URL to it (now " + base() + ")",
                    null);
        }
        if (status == 401 && "no_auth_header".equals(code)) {
            // Autumn's answer to a route it does not serve (unknown RPC method, GET on an RPC route): not a key
            // problem.
            return new AutumnApiException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    code,
                    message,
                    "Autumn answers this for a route it does not serve, not for a bad key; check that the base URL "
                            + base() + " is an Autumn API with the 2.x RPC routes",
                    null);
        }
        if (status == 401 || status == 403) {
            return new AutumnAuthException(
                    op.method,
                    route,
                    op.entityId,
                    status,
                    code,
                    message,
                    status == 403
                            ? "the secret key lacks a scope this call needs (features:* and plans:*)"
                            : "check the secret key: am_sk_test_… for sandbox, am_sk_live_… for production",
                    null);
        }
        if (status == 404) {
            return new AutumnNotFoundException(op.method, route, op.entityId, status, code, message, null, null);
        }
        if (status == 409 || "product_already_exists".equals(code) || "duplicate_feature_id".equals(code)) {
            return new AutumnConflictException(op.method, route, op.entityId, status, code, message, null, null);
        }
        if (status == 429) {
            return rateLimited(op, code, message, answer.retryAfter());
        }
        if (status >= 500) {
            String hint = null;
            if (message != null && message.contains("included: must be a number")) {
                hint = "a plan with an unlimited, priced item breaks this on Autumn's side; delete or fix that plan";
            }
            return new AutumnServerException(op.method, route, op.entityId, status, code, message, hint, null);
        }
        return new AutumnApiException(op.method, route, op.entityId, status, code, message, null, null);
    }

    private AutumnRateLimitException rateLimited(Op op, String code, String message, Duration retryAfter) {
        String hint;
        if (retryAfter != null && retryAfter.compareTo(config.maxRetryAfter()) > 0) {
            hint = "Autumn asked to wait " + words(retryAfter) + ", longer than this client waits ("
                    + words(config.maxRetryAfter()) + "); run again later";
        } else {
            hint = "Autumn allows 25 requests per second per org and environment, and other clients of the org count"
                    + " too; lower requestsPerSecond (now " + rate() + ")";
        }
        return new AutumnRateLimitException(
                op.method, op.route(config.baseUrl()), op.entityId, 429, code, message, hint, null);
    }

    /** An answer over {@link AutumnClientConfig#maxAnswerBytes()}. */
    private AutumnAnswerTooLargeException tooLarge(Op op, Answer answer) {
        long limit = config.maxAnswerBytes();
        String what = answer.announced
                ? "the answer announces " + bytes(answer.tooLarge) + ", more than the " + bytes(limit)
                        + " this client reads (maxAnswerBytes); it was not read"
                : "the answer passed the " + bytes(limit) + " this client reads (maxAnswerBytes); reading stopped at "
                        + bytes(answer.tooLarge);
        return new AutumnAnswerTooLargeException(
                op.method,
                op.route(config.baseUrl()),
                op.entityId,
                answer.status,
                what + ", and the request was not repeated",
                "the plans.list of a 5,000-plan catalog is about 18 MB; raise maxAnswerBytes only for a catalog that"
                        + " large, else check the base URL " + base(),
                limit);
    }

    /** A deadline passed: {@code setting} says which. */
    AutumnDeadlineException deadline(Op op, ClientSetting setting, CallBudget budget) {
        String route = op.route(config.baseUrl());
        AutumnApiException last = budget.lastFailure();
        String after = last == null ? "" : "; the last attempt: " + withoutHint(last);
        Duration limit;
        Duration waited;
        String message;
        String hint;
        switch (setting) {
            case REQUEST_TIMEOUT:
                limit = budget.requestTimeout();
                waited = limit;
                message = "no complete answer within " + words(limit) + " (requestTimeout)";
                hint = "the server at " + base() + " accepted the request but did not finish answering; if it is"
                        + " only slow, raise requestTimeout";
                after = "";
                break;
            case CALL_TIMEOUT:
                limit = budget.callTimeout();
                waited = budget.elapsed();
                String tries = budget.attempts() == 0
                        ? " before it could be sent (the client's pace held it back)"
                        : " and " + budget.attempts() + " attempt" + (budget.attempts() == 1 ? "" : "s");
                message = "gave up after " + words(waited) + tries + ", the deadline of one call (callTimeout = "
                        + words(limit) + ", retries included)" + after;
                hint = "check the network and the base URL " + base() + "; raise callTimeout to wait longer";
                break;
            case STALL_TIMEOUT:
                limit = budget.stall().limit();
                waited = budget.stall().silence();
                message = "no request to Autumn completed for " + words(waited) + " (stallTimeout = " + words(limit)
                        + ")" + after;
                hint = "Autumn is not answering; nothing more is sent. Check the network and the base URL " + base()
                        + "; raise stallTimeout to wait longer";
                break;
            default:
                throw new IllegalArgumentException("not a deadline: " + setting);
        }
        return new AutumnDeadlineException(
                op.method, route, op.entityId, scrub(message), hint, setting, limit, waited, last);
    }

    /** The failure's message without its hint: the deadline's own hint says what to do, once. */
    private static String withoutHint(AutumnApiException failure) {
        String message = failure.getMessage();
        String hint = failure.hint() == null ? null : "; " + failure.hint();
        return hint != null && message.endsWith(hint)
                ? message.substring(0, message.length() - hint.length())
                : message;
    }

    /** The call was interrupted (the thread, or a shutdown). */
    AutumnTransportException interrupted(Op op, Throwable cause) {
        return new AutumnTransportException(
                op.method,
                op.route(config.baseUrl()),
                op.entityId,
                0,
                null,
                "interrupted",
                null,
                Redaction.scrubFailure(cause, config.secretKey()));
    }

    /** The call was cancelled: its sibling failed. */
    AutumnTransportException cancelled(Op op) {
        return new AutumnTransportException(
                op.method,
                op.route(config.baseUrl()),
                op.entityId,
                0,
                null,
                "cancelled: another request of the same fetch failed",
                null,
                null);
    }

    /** After an unanswered create, Autumn holds the id, but not as sent. */
    AutumnConflictException exists(Op op, AutumnApiException failure, String found) {
        return new AutumnConflictException(
                op.method,
                op.route(config.baseUrl()),
                op.entityId,
                failure.status(),
                failure.code(),
                failure.autumnMessage(),
                "after an unanswered create, Autumn holds '" + op.entityId + "' but not as sent: " + scrub(found)
                        + ". Fetch the catalog again and plan from there",
                failure);
    }

    /** Runs a mapping of a 2xx answer; what it cannot read becomes an {@link AutumnApiException} naming the route. */
    <T> T mapping(Op op, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (ListAnswers.PartialList e) {
            throw new AutumnApiException(
                    op.method,
                    op.route(config.baseUrl()),
                    op.entityId,
                    200,
                    null,
                    "partial list: " + scrub(e.getMessage()),
                    "Autumn's 2.3.0 catalog lists are whole; the server at " + base()
                            + " sent a page, which this client does not follow yet. Nothing was planned or written",
                    null);
        } catch (AutumnApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AutumnApiException(
                    op.method,
                    op.route(config.baseUrl()),
                    op.entityId,
                    200,
                    null,
                    "malformed answer: " + scrub(e.getMessage()),
                    "the server at " + base() + " may not speak Autumn's 2.3.0 API",
                    null);
        }
    }

    /** The text, scrubbed of the key, then cut to {@value #MAX_MESSAGE} characters. */
    String scrub(String text) {
        return abbreviate(Redaction.scrub(text, config.secretKey()));
    }

    private static String abbreviate(String text) {
        if (text == null || text.length() <= MAX_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private String base() {
        return config.baseUrl().redact();
    }

    private String rate() {
        double rate = config.requestsPerSecond();
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    /** {@code 30 s}, {@code 2 min}, {@code 1 min 30 s}, {@code 250 ms}, {@code 1 h}. */
    static String words(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            long tenths = duration.toMillis() % 1000 / 100;
            return seconds + (tenths == 0 ? "" : "." + tenths) + " s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append(" h");
        }
        if (minutes > 0) {
            text.append(text.length() == 0 ? "" : " ").append(minutes).append(" min");
        }
        if (rest > 0) {
            text.append(text.length() == 0 ? "" : " ").append(rest).append(" s");
        }
        return text.toString();
    }

    private static String bytes(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mib = bytes / (1024d * 1024d);
            return (mib == Math.rint(mib)
                            ? String.valueOf((long) mib)
                            : String.format(java.util.Locale.ROOT, "%.1f", mib))
                    + " MiB";
        }
        return bytes + " bytes";
    }
}
