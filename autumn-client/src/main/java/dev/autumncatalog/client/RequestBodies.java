package dev.autumncatalog.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/** Request bodies in Autumn's 2.3.0 wire format: snake_case, optional fields left out rather than sent as null. */
final class RequestBodies {
    private static final byte[] EMPTY = Json.bytes(Json.object());

    private RequestBodies() {}

    static byte[] check(CheckRequest request) {
        ObjectNode body = Json.object();
        body.put("customer_id", request.customerId());
        body.put("feature_id", request.feature().id());
        if (request.entityId() != null) {
            body.put("entity_id", request.entityId());
        }
        if (request.requiredBalance() != null) {
            body.put("required_balance", request.requiredBalance());
        }
        if (request.sendEvent()) {
            body.put("send_event", true);
        }
        if (request.lock() != null) {
            ObjectNode lock = body.putObject("lock");
            lock.put("lock_id", request.lock().lockId());
            lock.put("enabled", true);
            if (request.lock().expiresAt() != null) {
                lock.put("expires_at", request.lock().expiresAt().toEpochMilli());
            }
        }
        properties(body, "properties", request.properties());
        return Json.bytes(body);
    }

    static byte[] track(TrackRequest request) {
        ObjectNode body = Json.object();
        body.put("customer_id", request.customerId());
        if (request.feature() != null) {
            body.put("feature_id", request.feature().id());
        } else {
            body.put("event_name", request.eventName());
        }
        if (request.entityId() != null) {
            body.put("entity_id", request.entityId());
        }
        body.put("value", request.value());
        properties(body, "properties", request.properties());
        return Json.bytes(body);
    }

    /** {@code balances.finalize}: {@code confirm} (with the amount actually used, if given) or {@code release}. */
    static byte[] finalizeLock(String lockId, String action, BigDecimal overrideValue) {
        ObjectNode body = Json.object();
        body.put("lock_id", lockId);
        body.put("action", action);
        if (overrideValue != null) {
            body.put("override_value", overrideValue);
        }
        return Json.bytes(body);
    }

    static byte[] getOrCreateCustomer(CustomerRequest request) {
        ObjectNode body = Json.object();
        body.put("customer_id", request.customerId());
        if (request.name() != null) {
            body.put("name", request.name());
        }
        if (request.email() != null) {
            body.put("email", request.email());
        }
        if (request.fingerprint() != null) {
            body.put("fingerprint", request.fingerprint());
        }
        properties(body, "metadata", request.metadata());
        return Json.bytes(body);
    }

    static byte[] customer(String customerId) {
        ObjectNode body = Json.object();
        body.put("customer_id", customerId);
        return Json.bytes(body);
    }

    static byte[] createEntity(EntityRequest request) {
        ObjectNode body = Json.object();
        body.put("customer_id", request.customerId());
        body.put("entity_id", request.entityId());
        body.put("feature_id", request.feature().id());
        if (request.name() != null) {
            body.put("name", request.name());
        }
        return Json.bytes(body);
    }

    static byte[] entity(String customerId, String entityId) {
        ObjectNode body = Json.object();
        body.put("customer_id", customerId);
        body.put("entity_id", entityId);
        return Json.bytes(body);
    }

    static byte[] attach(AttachRequest request) {
        ObjectNode body = Json.object();
        body.put("customer_id", request.customerId());
        body.put("plan_id", request.planId());
        if (request.entityId() != null) {
            body.put("entity_id", request.entityId());
        }
        if (request.successUrl() != null) {
            body.put("success_url", request.successUrl().toString());
        }
        return Json.bytes(body);
    }

    static byte[] empty() {
        return EMPTY.clone();
    }

    private static void properties(ObjectNode body, String field, Map<String, Object> values) {
        if (!values.isEmpty()) {
            body.set(field, Json.MAPPER.valueToTree(values));
        }
    }
}
