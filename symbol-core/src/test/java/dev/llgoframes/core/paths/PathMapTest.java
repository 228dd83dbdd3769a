package dev.llgoframes.core.paths;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathMapTest {
    private final PathMap map = new PathMap(List.of(new PathMap.Rule("/build/app/", "/home/me/app"),
            new PathMap.Rule("/build", "/elsewhere")));

    @Test
    void bothDirectionsOnWholeComponentsFirstRuleWins() {
        assertEquals("/home/me/app/main.go", map.toLocal("/build/app/main.go"));
        assertEquals("/elsewhere/lib/x.go", map.toLocal("/build/lib/x.go"));
        assertEquals("/buildx/main.go", map.toLocal("/buildx/main.go"), "not a whole component");
        assertEquals("/build/app/main.go", map.toBuild("/home/me/app/main.go"));
        assertEquals("/home/me/application/a.go", map.toBuild("/home/me/application/a.go"));
        assertEquals("/elsewhere", map.toLocal("/build"));
        assertEquals(null, map.toLocal(null));
    }

    @Test
    void remainderOnComponentBoundariesWithEitherSeparator() {
        assertEquals(java.util.Optional.of("/x/a.go"), PathMap.remainder("/build/x/a.go", "/build"));
        assertEquals(java.util.Optional.of("/x/a.go"), PathMap.remainder("/build/x/a.go", "/build//"));
        assertEquals(java.util.Optional.of(""), PathMap.remainder("/build", "/build/"));
        assertEquals(java.util.Optional.of("\\x\\a.go"), PathMap.remainder("C:\\b\\x\\a.go", "C:\\b"));
        assertEquals(java.util.Optional.of("/x/a.go"), PathMap.remainder("/x/a.go", "/"));
        assertEquals(java.util.Optional.empty(), PathMap.remainder("/buildx/a.go", "/build"));
        assertEquals(java.util.Optional.empty(), PathMap.remainder("/build/a.go", ""));
        assertEquals(java.util.Optional.empty(), PathMap.remainder("rel/a.go", "/"));
    }
}
