package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BaselineResolverTest {

    private static String parsed(String spec) {
        return BaselineResolver.parse(spec, "model")
                .map(BaselineResolver::coordinates)
                .orElse("refused");
    }

    @Test
    void coordinatesAreReadInMavensOrder() {
        assertEquals("com.acme:digits-model:jar:model:1.4.0", parsed("com.acme:digits-model:1.4.0"));
        assertEquals("com.acme:digits-model:zip:model:1.4.0", parsed("com.acme:digits-model:zip:1.4.0"));
        assertEquals("com.acme:digits-model:jar:best:1.4.0", parsed("com.acme:digits-model:jar:best:1.4.0"));
    }

    @Test
    void otherShapesAreRefused() {
        for (String spec : new String[] {"com.acme:digits-model", "a:b:c:d:e:f", "com.acme::1.0", "latest"}) {
            assertEquals("refused", parsed(spec), spec);
        }
        assertTrue(BaselineResolver.FORMAT.startsWith("groupId:artifactId[:extension[:classifier]]:version"));
    }
}
