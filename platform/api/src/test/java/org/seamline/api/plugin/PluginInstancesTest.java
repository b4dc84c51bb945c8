package org.seamline.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginInstancesTest {

    private static final String FACTORY = "org.seamline.channel.test";

    @Test
    void aSecondConfigurationNamingATakenInstanceIsRefusedUntilTheFirstStops() {
        Map<String, Object> shop = Map.of("service.pid", FACTORY + "~shop");
        Map<String, Object> other = Map.of("service.pid", FACTORY + "~other", "instance", "shop");
        try (PluginInstances.Claim first = PluginInstances.claim(FACTORY, shop)) {
            assertEquals("shop", first.name());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> PluginInstances.claim(FACTORY, other));
            assertTrue(refused.getMessage().contains(FACTORY + "~shop"), "names the configuration that holds the name");
        }
        try (PluginInstances.Claim second = PluginInstances.claim(FACTORY, other)) {
            assertEquals("shop", second.name(), "free again once the first instance stopped");
        }
    }

    @Test
    void theSameNameUnderAnotherPluginIsNoConflict() {
        try (PluginInstances.Claim api = PluginInstances.claim(FACTORY, Map.of("service.pid", FACTORY + "~main"));
             PluginInstances.Claim email = PluginInstances.claim("org.seamline.channel.other",
                     Map.of("service.pid", "org.seamline.channel.other~main"))) {
            assertEquals(api.name(), email.name());
        }
    }
}
