package dev.paddock.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** A record a capability method takes must have exactly the declared properties, or the server does not start. */
class RecordShapesTest {
    static final String WEATHER = """
            export interface Weather {
              high(input: { city: string }): Promise<number>;
            }
            """;

    public static final class RenamedField {
        public record City(String town) {}

        public int high(City in) {
            return in.town().length();
        }
    }

    public static final class Matching {
        public record City(String city) {}

        public int high(City in) {
            return in.city().length();
        }
    }

    public static final class RenamedWithJackson {
        public record City(@JsonProperty("city") String town) {}

        public int high(City in) {
            return in.town().length();
        }
    }

    static final String TRIP = """
            export interface Trips {
              plan(name: string, legs: Leg[]): Promise<number>;
            }
            interface Leg { from: Place; to: Place }
            interface Place { name: string; next?: Place }
            """;

    public static final class TripsWithWrongNesting {
        public record Place(String name, Place following) {}

        public record Leg(Place from, Place to) {}

        public int plan(String name, List<Leg> legs) {
            return legs.size();
        }
    }

    public static final class TripsMatching {
        public record Place(String name, Place next) {}

        public record Leg(Place from, Place to) {}

        public int plan(String name, Leg[] legs) {
            return legs.length;
        }
    }

    private static CapabilitySet bind(String namespace, String declarations, Object implementation) {
        return CapabilitySet.bind(List.of(Capability.of(namespace, declarations, implementation)), ForkJoinPool.commonPool());
    }

    @Test
    void aRecordComponentNamedOtherThanTheDeclaredPropertyStopsStartupNamingBoth() {
        assertThatThrownBy(() -> bind("weather", WEATHER, new RenamedField()))
                .isInstanceOf(CapabilityBindingException.class)
                .satisfies(e -> assertThat(((CapabilityBindingException) e).problems()).containsExactly(
                        "weather.high(input): City.town has no declared property, city has no component in City; "
                                + "declared: city — make the record's components the declared property names"));
    }

    @Test
    void aMatchingRecordBindsAndJacksonRenamesCount() {
        assertThat(bind("weather", WEATHER, new Matching()).methodNames()).containsEntry("weather", List.of("high"));
        assertThat(bind("weather", WEATHER, new RenamedWithJackson()).methodNames()).containsEntry("weather", List.of("high"));
    }

    @Test
    void recordsInsideListsAndRecursiveTypesAreComparedToo() {
        assertThatThrownBy(() -> bind("trips", TRIP, new TripsWithWrongNesting()))
                .isInstanceOf(CapabilityBindingException.class)
                .hasMessageContaining("trips.plan(legs)[].from: Place.following has no declared property, "
                        + "next has no component in Place; declared: name, next");
        assertThat(bind("trips", TRIP, new TripsMatching()).methodNames()).containsEntry("trips", List.of("plan"));
    }
}
