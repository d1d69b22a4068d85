package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeoBoxTest {
    private static final double DEGREES_PER_KM = 180 / (Math.PI * GeoBox.EARTH_RADIUS_KM);

    @Test
    void awayFromPolesAndAntimeridianItIsOneBoxAroundTheCentre() {
        List<GeoBox> boxes = GeoBox.around(48.8566, 2.3522, 10);
        assertThat(boxes).hasSize(1);
        GeoBox box = boxes.get(0);
        assertThat(box.minLat()).isCloseTo(48.8566 - 10 * DEGREES_PER_KM, within(1e-9));
        assertThat(box.maxLat()).isCloseTo(48.8566 + 10 * DEGREES_PER_KM, within(1e-9));
        double halfWidth = Math.toDegrees(Math.asin(Math.sin(10 / GeoBox.EARTH_RADIUS_KM)
            / Math.cos(Math.toRadians(48.8566))));
        assertThat(box.minLon()).isCloseTo(2.3522 - halfWidth, within(1e-9));
        assertThat(box.maxLon()).isCloseTo(2.3522 + halfWidth, within(1e-9));
        assertThat(box.maxLon() - box.minLon()).isGreaterThan(box.maxLat() - box.minLat());
    }

    @Test
    void theBoxIsNotWiderThanTheCircleNeedsDueNorthSouthEastOrWest() {
        GeoBox box = GeoBox.around(10, 20, 50).get(0);
        double[] north = Geo.destination(10, 20, 0, 50.5);
        double[] south = Geo.destination(10, 20, 180, 50.5);
        assertThat(contains(List.of(box), north[0], north[1])).isFalse();
        assertThat(contains(List.of(box), south[0], south[1])).isFalse();
        assertThat(contains(List.of(box), 10, 20 + 0.5)).isFalse();
        assertThat(contains(List.of(box), 10, 20 - 0.5)).isFalse();
    }

    @Test
    void crossingTheAntimeridianEastwardSplitsIntoTwoBoxes() {
        List<GeoBox> boxes = GeoBox.around(-17.7, 179.9, 50);
        assertThat(boxes).hasSize(2);
        GeoBox west = boxes.get(0);
        GeoBox east = boxes.get(1);
        assertThat(west.maxLon()).isEqualTo(180);
        assertThat(west.minLon()).isBetween(179.0, 179.9);
        assertThat(east.minLon()).isEqualTo(-180);
        assertThat(east.maxLon()).isBetween(-180.0, -179.0);
        assertThat(west.maxLon() - west.minLon() + east.maxLon() - east.minLon())
            .isCloseTo(2 * (180 - west.minLon() - 0.1), within(1e-9));
        assertThat(contains(boxes, -17.7, 179.8)).isTrue();
        assertThat(contains(boxes, -17.7, -179.8)).isTrue();
        assertThat(contains(boxes, -17.7, 179.0)).isFalse();
        assertThat(contains(boxes, -17.7, -179.0)).isFalse();
        assertThat(contains(boxes, -17.7, 0)).isFalse();
    }

    @Test
    void crossingTheAntimeridianWestwardSplitsIntoTwoBoxes() {
        List<GeoBox> boxes = GeoBox.around(-17.7, -179.9, 50);
        assertThat(boxes).hasSize(2);
        assertThat(boxes).anySatisfy(box -> assertThat(box.maxLon()).isEqualTo(180));
        assertThat(boxes).anySatisfy(box -> assertThat(box.minLon()).isEqualTo(-180));
        assertThat(contains(boxes, -17.7, 179.8)).isTrue();
        assertThat(contains(boxes, -17.7, -179.8)).isTrue();
        assertThat(contains(boxes, -17.7, -179.0)).isFalse();
        assertThat(contains(boxes, -17.7, 179.0)).isFalse();
    }

    @Test
    void nearTheNorthPoleTheBoxSpansEveryLongitudeUpToThePole() {
        List<GeoBox> boxes = GeoBox.around(89.9, 0, 50);
        assertThat(boxes).containsExactly(new GeoBox(89.9 - 50 * DEGREES_PER_KM, 90, -180, 180));
        assertThat(contains(boxes, 89.8, 120)).isTrue();
        assertThat(contains(boxes, 89.9, -170)).isTrue();
        assertThat(contains(boxes, 89.0, 0)).isFalse();
    }

    @Test
    void nearTheSouthPoleTheBoxSpansEveryLongitudeDownToThePole() {
        List<GeoBox> boxes = GeoBox.around(-89.9, 0, 50);
        assertThat(boxes).containsExactly(new GeoBox(-90, -89.9 + 50 * DEGREES_PER_KM, -180, 180));
        assertThat(contains(boxes, -89.8, 120)).isTrue();
        assertThat(contains(boxes, -89.9, -170)).isTrue();
        assertThat(contains(boxes, -89.0, 0)).isFalse();
    }

    @Test
    void aRadiusOfAQuarterOfTheEarthOrMoreCoversEveryLongitude() {
        List<GeoBox> boxes = GeoBox.around(0, 0, Math.PI / 2 * GeoBox.EARTH_RADIUS_KM + 1);
        assertThat(boxes).hasSize(1);
        assertThat(boxes.get(0).minLon()).isEqualTo(-180);
        assertThat(boxes.get(0).maxLon()).isEqualTo(180);
    }

    @Test
    void everyPointJustInsideTheRadiusLiesInABoxWhereverTheCentreIs() {
        double[][] centres = {{0, 0}, {51.5, -0.1}, {60, 10}, {-75, -170}, {0, 179.95}, {0, -179.95},
            {89.6, 45}, {-89.6, -45}, {85, 179}, {-33.9, 151.2}, {70, -179.99}};
        for (double[] centre : centres) {
            for (double radius : new double[] {0.5, 50, 500}) {
                List<GeoBox> boxes = GeoBox.around(centre[0], centre[1], radius);
                for (int bearing = 0; bearing < 360; bearing += 5) {
                    double[] point = Geo.destination(centre[0], centre[1], bearing, radius * 0.9999);
                    assertThat(contains(boxes, point[0], point[1]))
                        .as("%s km from %s,%s at bearing %d: %s,%s", radius, centre[0], centre[1], bearing,
                            point[0], point[1])
                        .isTrue();
                }
            }
        }
    }

    private static boolean contains(List<GeoBox> boxes, double lat, double lon) {
        return boxes.stream().anyMatch(box -> lat >= box.minLat() && lat <= box.maxLat()
            && lon >= box.minLon() && lon <= box.maxLon());
    }
}
