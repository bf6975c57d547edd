package dev.autumncatalog.sandbox.junit;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.AutumnNotFoundException;
import dev.autumncatalog.client.CheckResult;
import dev.autumncatalog.client.MeteredFeature;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AutumnSandboxExtensionTest {
    static final Feature MESSAGES = feature("messages").name("Messages").singleUse();

    /** A free plan of 3 messages a month and a paid one of 100. */
    static final class Chat implements CatalogDefinition {
        @Override
        public Catalog define() {
            return catalog(
                    product("free")
                            .name("Free")
                            .item(featureItem(MESSAGES).included(3).monthly()),
                    product("pro")
                            .name("Pro")
                            .item(priceItem(10).monthly())
                            .item(featureItem(MESSAGES).included(100).monthly()));
        }
    }

    static final MeteredFeature MESSAGE = MeteredFeature.of("messages");

    @RegisterExtension
    static AutumnSandboxExtension autumn = AutumnSandboxExtension.withCatalog(new Chat());

    @Test
    void catalogIsPushed_throughTheEngine_andTheClientReadsIt() {
        // The push: the two lists (fetched in parallel), then the feature before the plans that use it.
        assertThat(autumn.sandbox().requests().subList(0, 5))
                .extracting(r -> r.method() + " " + r.path())
                .containsExactlyInAnyOrder(
                        "POST /v1/features.list",
                        "POST /v1/plans.list",
                        "POST /v1/features.create",
                        "POST /v1/plans.create",
                        "POST /v1/plans.create");
        assertThat(autumn.sandbox().requests().get(2).path()).isEqualTo("/v1/features.create");

        String customer = autumn.customerOn("free");
        CheckResult check = autumn.client().check(customer, MESSAGE);

        assertThat(check.allowed()).isTrue();
        assertThat(check.degraded()).isFalse();
        assertThat(check.balance().granted()).isEqualByComparingTo("3");
    }

    @Test
    void customerOnAPaidPlan_hasItsBalances_whichTheApiCouldNotAttach() {
        String customer = autumn.customerOn("pro");

        assertThat(autumn.client().check(customer, MESSAGE).balance().granted()).isEqualByComparingTo("100");
        assertThat(autumn.client().customer(customer).subscriptions())
                .extracting(s -> s.planId())
                .containsExactly("pro");
    }

    @Test
    void customerOn_givesEachCallAFreshCustomer() {
        String first = autumn.customerOn("free");
        autumn.client().track(first, MESSAGE, 3);
        String second = autumn.customerOn("free");

        assertThat(second).isNotEqualTo(first);
        assertThat(autumn.client().check(second, MESSAGE).balance().remaining()).isEqualByComparingTo("3");
    }

    @Test
    void advanceClock_pastTheMonth_refillsTheAllowance() {
        String customer = autumn.customerOn("free");
        autumn.client().track(customer, MESSAGE, 3);
        assertThat(autumn.client().check(customer, MESSAGE).allowed()).isFalse();

        autumn.advanceClock(Duration.ofDays(32));

        CheckResult after = autumn.client().check(customer, MESSAGE);
        assertThat(after.allowed()).isTrue();
        assertThat(after.balance().remaining()).isEqualByComparingTo(BigDecimal.valueOf(3));
        assertThat(after.balance().nextResetAt()).isAfter(autumn.now());
    }

    @Test
    void testMethods_receiveTheClientAndTheSandbox(AutumnClient client, AutumnSandbox sandbox) {
        assertThat(client).isSameAs(autumn.client());
        assertThat(sandbox).isSameAs(autumn.sandbox());
        assertThat(client.baseUrl().toString()).isEqualTo(autumn.baseUrl());
    }

    @Test
    void unknownCustomer_isAutumnsNotFound_notAFreshCustomer() {
        assertThatThrownBy(() -> autumn.client().customer("nobody")).isInstanceOf(AutumnNotFoundException.class);
    }

    @Nested
    class PerTest {
        @RegisterExtension
        AutumnSandboxExtension own = AutumnSandboxExtension.withCatalog(new Chat());

        @Test
        void instanceField_startsOneSandboxForThisTest() {
            assertThat(own.baseUrl()).isNotEqualTo(autumn.baseUrl());
            assertThat(own.client().check(own.customerOn("free"), MESSAGE).allowed())
                    .isTrue();
        }
    }

    @Test
    void invalidCatalog_failsWithEveryProblem_andLeavesNoSandboxRunning() {
        AutumnSandboxExtension broken = AutumnSandboxExtension.withCatalog(catalog(product("free")
                .name("Free")
                .item(featureItem(MESSAGES).included(-1).monthly())));

        assertThatThrownBy(() -> broken.beforeAll(null))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("products[free].items[0]");
        assertThatThrownBy(broken::client)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The Autumn sandbox is not running");
    }
}
